/**
 * Decap's local backend as `npm run cms` serves it (src/cli/cms-backend.ts): it reads and
 * writes the working copy's content/ for the editor at /admin/ in the local preview. It
 * listens on this machine only, answers only requests sent to its own address from the
 * preview's own page, at an address with a key made for each run, and only a preview
 * build's editor is configured to use it and allowed to reach it (src/publish/csp.ts
 * PREVIEW_ADMIN_CSP_DIRECTIVES).
 */
export const LOCAL_BACKEND_HOST = "127.0.0.1";
/** decap-server's default; `RI_CMS_PORT` moves it (set for the preview too, so both agree). */
export const LOCAL_BACKEND_PORT = Number(process.env.RI_CMS_PORT ?? 8081);
export const LOCAL_BACKEND_ORIGIN = `http://${LOCAL_BACKEND_HOST}:${LOCAL_BACKEND_PORT}`;
/** The address a preview build's config.yml names; the preview serves it with the run's key added (localBackendUrl). */
export const LOCAL_BACKEND_URL = `${LOCAL_BACKEND_ORIGIN}/api/v1`;

/** The address the editor's page posts to: Decap's API path, then the run's key. */
export const localBackendUrl = (key: string) => `${LOCAL_BACKEND_URL}/${key}`;
