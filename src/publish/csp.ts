import { LOCAL_BACKEND_ORIGIN } from "../cms/local-backend.ts";
import { EXCERPT_POLICY } from "../client/search/excerpt.ts";

/**
 * The site's one Content Security Policy. The test server sends it as a header, and the
 * hosting files (_headers, staticwebapp.config.json, the meta fallback) are made from it,
 * so what the browser tests prove is what the live site sends.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "https://assets.nhs.uk"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  // HTML from a string (innerHTML, document.write, a script's src) throws instead of
  // running, except through the one named policy: the search page's inert parse of
  // Pagefind's excerpts, which copies only their text (src/client/search/excerpt.ts).
  "require-trusted-types-for": ["'script'"],
  "trusted-types": [EXCERPT_POLICY],
};

export function serialisePolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ...` */
export const CONTENT_SECURITY_POLICY = serialisePolicy(CSP_DIRECTIVES);

/** Directives a `<meta http-equiv>` policy may not carry: browsers ignore them there and warn. */
const HEADER_ONLY = new Set(["frame-ancestors", "report-uri", "sandbox"]);

/**
 * The same policy for the `<meta http-equiv="Content-Security-Policy">` on every page:
 * the fallback for hosts that cannot send headers (GitHub Pages). Only clickjacking
 * protection (`frame-ancestors`) needs the real header.
 */
export const metaPolicy = (directives: Readonly<Record<string, readonly string[]>>): string =>
  serialisePolicy(Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY.has(name))));

export const META_CONTENT_SECURITY_POLICY = metaPolicy(CSP_DIRECTIVES);
/** Where the content editor lives; its policy applies there and nowhere else. */
export const ADMIN_PATH = "/admin/*";

/**
 * The content editor's policy at /admin/*: Decap CMS compiles code at run time
 * (`'unsafe-eval'`), injects its styles as inline `<style>` elements (`'unsafe-inline'`
 * for styles only), talks to GitHub's API, shows GitHub avatars and previews uploads as
 * `blob:` URLs (and reads those uploads back before sending them). Scripts still come
 * only from the site itself. The rest of the site keeps
 * CONTENT_SECURITY_POLICY.
 */
export const ADMIN_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // Decap (React) writes HTML from strings, so the editor cannot require Trusted Types.
  ...Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => !name.includes("trusted-types"))),
  "script-src": ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com", "https://raw.githubusercontent.com"],
  // blob: is an upload the editor has just chosen, read back in the page before it is sent
  // to GitHub (Decap's AssetProxy.toBase64 fetches it); without it no upload can be saved.
  "connect-src": ["'self'", "blob:", "https://api.github.com", "https://raw.githubusercontent.com"],
};

export const ADMIN_CONTENT_SECURITY_POLICY = serialisePolicy(ADMIN_CSP_DIRECTIVES);
/** The editor's policy in its page, for hosts that cannot send headers. */
export const ADMIN_META_CONTENT_SECURITY_POLICY = metaPolicy(ADMIN_CSP_DIRECTIVES);

/**
 * The editor's policy in the local preview only (`npm start`, `npm run cms`), in the
 * preview build's /admin/ page and sent by the preview server: the admin policy, and the
 * editor may also reach Decap's local backend on this machine. Never published: the
 * hosting files and production builds carry the admin policy.
 */
export const PREVIEW_ADMIN_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  ...ADMIN_CSP_DIRECTIVES,
  "connect-src": [...(ADMIN_CSP_DIRECTIVES["connect-src"] ?? []), LOCAL_BACKEND_ORIGIN],
};

export const PREVIEW_ADMIN_CONTENT_SECURITY_POLICY = serialisePolicy(PREVIEW_ADMIN_CSP_DIRECTIVES);
export const PREVIEW_ADMIN_META_CONTENT_SECURITY_POLICY = metaPolicy(PREVIEW_ADMIN_CSP_DIRECTIVES);

/**
 * Editors' files (/images/, later /documents/) are served as they are. Were one ever
 * opened as a document, this policy gives it no script, no plugins and a unique origin
 * (`sandbox`), so it cannot act as the site.
 */
export const INERT_FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
