import { timingSafeEqual } from "node:crypto";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { LOCAL_BACKEND_HOST } from "../cms/local-backend.ts";
import { type ContentFiles, RefusedPath, localBackendRequest } from "../cms/local-files.ts";
import { type Refusal, hostRefusal, pathRefusal, refuse } from "./request-guard.ts";

/**
 * The HTTP side of `npm run cms`'s local backend (the files side is
 * src/cms/local-files.ts). It answers Decap's proxy backend, which POSTs JSON, and
 * nothing else:
 * - only requests sent to its own loopback address and port (DNS rebinding sends another
 *   name: 421);
 * - only at `/api/v1/<key>`, a key made for this run that only the preview's admin page
 *   is given (src/cli/preview-admin.ts), and only from that page's origin (403);
 * - only `application/json` bodies (a form or `text/plain` post from any page needs no
 *   CORS preflight; JSON does, and the preflight is refused to any other origin), and
 *   at most BODY_LIMIT bytes.
 * Every refusal is printed in the terminal, so an editor sees an attempt.
 */

/** Uploads come base64-encoded in JSON: 50 MB, as decap-server allows, is an upload of about 37 MB. */
const BODY_LIMIT = 50 * 1024 * 1024;
const NAME = "The content editor's backend";

export interface BackendOptions {
  files: ContentFiles;
  port: number;
  key: string;
  /** The editor's page's origins: the preview's own, once it is listening. */
  origins: () => ReadonlySet<string>;
}

const sameKey = (given: string, key: string) => given.length === key.length && timingSafeEqual(Buffer.from(given), Buffer.from(key));

function refusalOf(request: IncomingMessage, options: BackendOptions): Refusal | undefined {
  const host = hostRefusal(request, new Set([LOCAL_BACKEND_HOST, "localhost"]), options.port) ?? pathRefusal(request.url);
  if (host) return host;
  const { pathname, search } = new URL(request.url ?? "/", "http://localhost");
  const key = /^\/api\/v1\/([^/]+)$/.exec(pathname)?.[1];
  if (!key || search || !sameKey(key, options.key))
    return { status: 403, reason: "it did not come from the editor this run opened (no key, or the wrong one)" };
  const origin = request.headers.origin;
  if (!origin || !options.origins().has(origin)) {
    return { status: 403, reason: `it came from ${origin ? `a page at ${JSON.stringify(origin)}` : "no page"}, not the preview's editor` };
  }
  return undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown, origin: string): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Access-Control-Allow-Origin": origin,
    Vary: "Origin",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(JSON.stringify(body));
}

/** The request's body, or undefined once it passes BODY_LIMIT. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function answer(request: IncomingMessage, response: ServerResponse, options: BackendOptions): Promise<void> {
  const refusal = refusalOf(request, options);
  if (refusal) return refuse(response, request, refusal, NAME);
  const origin = request.headers.origin ?? "";
  if (request.method === "OPTIONS") {
    response.writeHead(204, {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": "POST",
      "Access-Control-Allow-Headers": "Content-Type",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    });
    return void response.end();
  }
  if (request.method !== "POST") return sendJson(response, 405, { error: "only POST" }, origin);
  if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "")) return sendJson(response, 415, { error: "only JSON" }, origin);
  const body = await readBody(request);
  if (!body) return sendJson(response, 413, { error: `larger than ${BODY_LIMIT / 1024 / 1024} MB` }, origin);
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    return sendJson(response, 400, { error: "not JSON" }, origin);
  }
  const parsed = localBackendRequest.safeParse(raw);
  if (!parsed.success) {
    // As decap-server: an action it does not know (the editorial workflow's, notes) is a 422.
    const action = raw && typeof raw === "object" && "action" in raw ? String(raw.action).slice(0, 50) : "";
    return sendJson(response, 422, { error: `Unknown or malformed action ${JSON.stringify(action)}` }, origin);
  }
  try {
    sendJson(response, 200, await options.files.handle(parsed.data), origin);
  } catch (error) {
    if (error instanceof RefusedPath) {
      console.error(`${NAME} refused ${parsed.data.action} of ${error.message}.`);
      return sendJson(response, 403, { error: `${error.path} ${error.reason}` }, origin);
    }
    console.error(`${NAME} could not ${parsed.data.action}: ${error instanceof Error ? error.message : String(error)}`);
    sendJson(response, 500, { error: error instanceof Error ? error.message : "Unknown error" }, origin);
  }
}

/** Starts the backend on LOCAL_BACKEND_HOST at `options.port`; rejects when it cannot listen (the port is taken). */
export function startBackend(options: BackendOptions): Promise<Server> {
  const server = createServer((request, response) => {
    answer(request, response, options).catch((error: unknown) => {
      console.error(`${NAME} could not answer: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host: LOCAL_BACKEND_HOST }, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
