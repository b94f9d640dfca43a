import { readFile } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";
import { headersFor } from "../publish/http-headers.ts";

export interface StaticServer {
  /** The site's root URL, ending in the path prefix, such as http://127.0.0.1:41234/ri/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 on a free port as a static host would: with the
 * headers the hosting files give each path (the strict Content Security Policy among
 * them, from src/), under the path prefix, and /404.html with a 404 status for anything
 * missing.
 */
export async function serveSite(dir: string, options: { pathPrefix?: string } = {}): Promise<StaticServer> {
  const prefix = options.pathPrefix ?? "/";
  const files = sirv(dir, { dev: true, etag: false, dotfiles: false });
  const notFound = await readFile(path.join(dir, "404.html")).catch(() => Buffer.from("Not found"));

  const server: Server = createServer((request, response) => {
    const url = request.url ?? "/";
    const sitePath = `/${url.slice(prefix.length).split("?")[0] ?? ""}`;
    for (const [name, value] of Object.entries(headersFor(sitePath))) response.setHeader(name, value);
    const send404 = () => {
      response.statusCode = 404;
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(notFound);
    };
    if (!url.startsWith(prefix)) return send404();
    request.url = `/${url.slice(prefix.length)}`;
    files(request, response, send404);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
