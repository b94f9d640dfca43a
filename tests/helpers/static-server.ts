import { readFile, stat } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import path from "node:path";
import { ADMIN_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY } from "../../src/csp.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".yml": "text/yaml",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
};

/** The built site as a static host serves it, with the policy the hosting files send for each path. */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    if (await stat(file).then((info) => info.isDirectory(), () => false)) file = path.join(file, "index.html");
    const body = await readFile(file).catch(() => null);
    const policy = pathname.startsWith("/admin/") ? ADMIN_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
    response.writeHead(body ? 200 : 404, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-security-policy": policy });
    response.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
