import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import yaml from "js-yaml";
import { localBackendUrl } from "../cms/local-backend.ts";
import { PREVIEW_ADMIN_CONTENT_SECURITY_POLICY } from "../publish/csp.ts";

/**
 * The preview server's handling of the content editor (/admin/), as a middleware for
 * Eleventy's dev server:
 * - the page is sent with the preview-only admin policy, which lets the editor reach
 *   Decap's local backend (`npm run cms`); the published site never sends it;
 * - the page leaves out the dev server's live-reload script. Every save and every upload
 *   through the local backend writes into content/ and so rebuilds the preview, and a
 *   reload would throw away whatever the editor had not saved yet. The dev server adds
 *   its script only to HTML written as text, so the page is sent as bytes;
 * - its config.yml gives the local backend's address with this run's key in it (`npm run
 *   cms` hands the key to this process alone), so only this page can use the backend; a
 *   preview without the backend (`npm start`) offers none.
 * Everything else passes on to the dev server.
 */
export function previewAdminPage(output: string, backendKey: string | undefined) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname === "/admin/config.yml") {
      readFile(path.join(output, "admin", "config.yml"), "utf8").then(
        (text) => {
          response.setHeader("Content-Type", "text/yaml; charset=utf-8");
          response.setHeader("Cache-Control", "no-store");
          response.setHeader("X-Content-Type-Options", "nosniff");
          response.end(withLocalBackend(text, backendKey));
        },
        () => next(),
      );
      return;
    }
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

/** A preview build's editor config, offering the local backend at its keyed address, or not at all without a key. */
export function withLocalBackend(configText: string, backendKey: string | undefined): string {
  const config = yaml.load(configText, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
  if (!("local_backend" in config)) return configText;
  if (backendKey) config.local_backend = { url: localBackendUrl(backendKey) };
  else delete config.local_backend;
  return yaml.dump(config, { lineWidth: -1, noRefs: true });
}
