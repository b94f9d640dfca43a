import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { PREVIEW_ADMIN_CONTENT_SECURITY_POLICY } from "../publish/csp.ts";

/**
 * The preview server's handling of the content editor's page (/admin/), as a middleware
 * for Eleventy's dev server:
 * - it sends the preview-only admin policy, which lets the editor reach Decap's local
 *   backend (`npm run cms`); the published site never sends it;
 * - it leaves out the dev server's live-reload script. Every save and every upload through
 *   the local backend writes into content/ and so rebuilds the preview, and a reload would
 *   throw away whatever the editor had not saved yet. The dev server adds its script only
 *   to HTML written as text, so the page is sent as bytes.
 * Everything else passes on to the dev server.
 */
export function previewAdminPage(output: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname !== "/admin/" && pathname !== "/admin/index.html") return next();
    readFile(path.join(output, "admin", "index.html")).then(
      (page) => {
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.setHeader("Content-Security-Policy", PREVIEW_ADMIN_CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.end(page);
      },
      () => next(),
    );
  };
}
