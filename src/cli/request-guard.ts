import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { networkInterfaces, hostname } from "node:os";
import type { Duplex } from "node:stream";

/**
 * The editor's running tools (the preview, the CMS's local backend) are inside the trust
 * boundary: they serve drafts and write content/. A web page open in the same browser
 * can reach them three ways, and each is closed here:
 * - DNS rebinding: the page's own host name, pointed at 127.0.0.1, sends its own name as
 *   `Host`. Only this machine's own names are answered (421 otherwise).
 * - Cross-origin requests (fetch, forms, WebSockets) carry an `Origin`: only the
 *   preview's own origins are answered (403 otherwise).
 * - Tags (`<img>`, `<script>`, `<link>`) send no `Origin`, but browsers say where they come
 *   from in `Sec-Fetch-Site`: another site's page may open the preview (a link) but not
 *   load from it (403).
 * And a path no file can have (`/..%2f`, a `%` that is not an escape) is a 400 before any
 * server code looks it up, so no request can stop the server.
 */

export interface Refusal {
  status: 400 | 403 | 421;
  reason: string;
}

/** A `Host` or an origin's host: the name (IPv6 in brackets, lower case) and the port, if given. */
export function parseHost(value: string): { name: string; port?: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), ...(match[2] ? { port: Number(match[2]) } : {}) };
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const ANY_ADDRESS = new Set(["0.0.0.0", "::", "[::]"]);

/**
 * The names the preview answers to: this machine's loopback names, and the address given
 * with `--host`. `--host 0.0.0.0` opens it to the local network on purpose, so it then
 * also answers to this machine's own addresses and name, as a phone on the network would
 * send them. A name an attacker controls (DNS rebinding) is never among them.
 */
export function ownHostNames(host: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const given = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  if (!ANY_ADDRESS.has(given)) names.add(given.toLowerCase());
  else {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address, family } of addresses ?? []) names.add(family === "IPv6" ? `[${address.toLowerCase()}]` : address);
    }
    const machine = hostname().toLowerCase();
    names.add(machine);
    names.add(`${machine}.local`);
  }
  return names;
}

/** A request for a host this server is not: the signature of DNS rebinding. */
export function hostRefusal(request: IncomingMessage, names: ReadonlySet<string>, port: number): Refusal | undefined {
  const host = parseHost(request.headers.host ?? "");
  if (host && names.has(host.name) && (host.port ?? 80) === port) return undefined;
  return { status: 421, reason: `it was sent to ${JSON.stringify(request.headers.host ?? "")}, which is not this server's address` };
}

/**
 * A path that names no file: a `..` or `.` segment or a backslash after decoding, a NUL,
 * or a `%` that is not an escape. Eleventy's dev server throws on these (an uncaught
 * "Invalid path" or URIError ends the process), and `/..%2f_preview.old/` would
 * otherwise pass its own test, which only compares the start of the path.
 */
export function pathRefusal(url: string | undefined): Refusal | undefined {
  const raw = (url ?? "/").split(/[?#]/)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400, reason: "its address is not a valid path" };
  }
  if (!raw.startsWith("/") || /[\\\0]/.test(decoded) || decoded.split("/").some((segment) => segment === ".." || segment === ".")) {
    return { status: 400, reason: "its address is not a valid path" };
  }
  return undefined;
}

/** The origins a server's own pages have: each of its names at its port. */
export function ownOrigins(names: Iterable<string>, port: number): Set<string> {
  return new Set([...names].map((name) => `http://${name}:${port}`));
}

/**
 * A request from another origin (fetch, a form, a WebSocket), or a tag on another site's
 * page loading from this one. A navigation from another site (a link) is allowed: it
 * shows the page to the person who followed it, and nothing to the page that linked.
 */
export function originRefusal(request: IncomingMessage, origins: ReadonlySet<string>): Refusal | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && !origins.has(origin))
    return { status: 403, reason: `it came from a page at ${JSON.stringify(origin)}, which is not this server's own` };
  const site = request.headers["sec-fetch-site"];
  const navigation = request.headers["sec-fetch-mode"] === "navigate" && (request.method === "GET" || request.method === "HEAD");
  if ((site === "cross-site" || site === "same-site") && !navigation) {
    const what = request.headers["sec-fetch-dest"] ?? "";
    return { status: 403, reason: `it was ${/^[a-z]+$/.test(what) && what !== "empty" ? `an <${what}>` : "a request"} from another site's page (${site})` };
  }
  return undefined;
}

/** Answers a refused request in plain text, and says so in the terminal. */
export function refuse(response: ServerResponse, request: IncomingMessage, refusal: Refusal, serverName: string): void {
  console.error(`${serverName} refused ${request.method ?? "a request"} ${JSON.stringify((request.url ?? "").slice(0, 200))}: ${refusal.reason}.`);
  response.writeHead(refusal.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
  response.end(`${refusal.status === 421 ? "Misdirected request" : refusal.status === 400 ? "Bad request" : "Forbidden"}: ${refusal.reason}.\n`);
}

/**
 * Puts `guard` in front of every request and WebSocket upgrade a server already
 * handles (its own listeners keep their order), and keeps a handler that rejects from
 * ending the process: the request gets a 500 and the error is printed.
 */
export function guardServer(server: Server, guard: (request: IncomingMessage) => Refusal | undefined, serverName: string): void {
  const handlers = server.listeners("request") as Array<(request: IncomingMessage, response: ServerResponse) => unknown>;
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const refusal = guard(request);
    if (refusal) return refuse(response, request, refusal, serverName);
    const failed = (error: unknown) => {
      console.error(`${serverName} could not answer ${JSON.stringify(request.url ?? "")}: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end();
    };
    for (const handler of handlers) {
      try {
        const result = handler(request, response);
        if (result instanceof Promise) result.catch(failed);
      } catch (error) {
        failed(error);
      }
    }
  });
}

/** The same guard for WebSocket upgrades (the preview's live reload), once the server has added its listener. */
export function guardUpgrades(server: Server, guard: (request: IncomingMessage) => Refusal | undefined, serverName: string): void {
  const handlers = server.listeners("upgrade") as Array<(request: IncomingMessage, socket: Duplex, head: Buffer) => void>;
  server.removeAllListeners("upgrade");
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = guard(request);
    if (refusal) {
      console.error(`${serverName} refused a live-reload connection: ${refusal.reason}.`);
      socket.end(`HTTP/1.1 ${refusal.status} Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    for (const handler of handlers) handler(request, socket, head);
  });
}
