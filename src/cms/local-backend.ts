/**
 * Decap's local backend, `decap-server` (from npm), as `npm run cms` starts it: it reads
 * and writes the working copy for an editor at /admin/ in the local preview. It listens on
 * this machine only, and only a preview build's editor is configured to use it and
 * allowed to reach it (src/publish/csp.ts PREVIEW_ADMIN_CSP_DIRECTIVES).
 */
export const LOCAL_BACKEND_HOST = "127.0.0.1";
/** decap-server's own default; `RI_CMS_PORT` moves it (set for the preview too, so both agree). */
export const LOCAL_BACKEND_PORT = Number(process.env.RI_CMS_PORT ?? 8081);
export const LOCAL_BACKEND_ORIGIN = `http://${LOCAL_BACKEND_HOST}:${LOCAL_BACKEND_PORT}`;
export const LOCAL_BACKEND_URL = `${LOCAL_BACKEND_ORIGIN}/api/v1`;
