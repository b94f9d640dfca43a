import { ADMIN_CONTENT_SECURITY_POLICY, ADMIN_PATH, CONTENT_SECURITY_POLICY, INERT_FILE_CONTENT_SECURITY_POLICY } from "./csp.ts";

/**
 * The site's HTTP response headers, as rules the hosting files are written from
 * (`_headers`, `staticwebapp.config.json`) and a test server can send. A rule's path is
 * a site path, without the path prefix, ending in `*` to match everything below it.
 * Rules apply in order and a later rule's header replaces an earlier one of the same
 * name, so the site-wide rule comes first and each narrower rule after it.
 *
 * A folder that needs its own policy, like the content editor at `/admin/`, is one more
 * entry after the site-wide one.
 */
export interface HeaderRule {
  path: string;
  headers: Readonly<Record<string, string>>;
}

/** A year: file names that change with their content can be kept that long. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages, feeds and everything else: revalidated on every visit, so an edit shows at once. */
export const REVALIDATE = "public, max-age=0, must-revalidate";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
};

export const HEADER_RULES: readonly HeaderRule[] = [
  { path: "/*", headers: { ...SECURITY_HEADERS, "Cache-Control": REVALIDATE } },
  // Fingerprinted by src/eleventy/assets.ts: a new build writes new names.
  { path: "/assets/css/*", headers: { "Cache-Control": IMMUTABLE } },
  { path: "/assets/js/*", headers: { "Cache-Control": IMMUTABLE } },
  // Editors' files: never run as a page, never sniffed as one.
  { path: "/images/*", headers: { "Content-Security-Policy": INERT_FILE_CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff" } },
  // Decap CMS needs 'unsafe-eval'; only the editor gets it.
  { path: ADMIN_PATH, headers: { "Content-Security-Policy": ADMIN_CONTENT_SECURITY_POLICY } },
];

/** Whether a rule's path matches a request path (both without the prefix). */
export function matches(rulePath: string, requestPath: string): boolean {
  return rulePath.endsWith("*") ? requestPath.startsWith(rulePath.slice(0, -1)) : requestPath === rulePath;
}

/** The headers a request for `requestPath` gets: every matching rule in order, later ones winning. */
export function headersFor(requestPath: string, rules: readonly HeaderRule[] = HEADER_RULES): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) if (matches(rule.path, requestPath)) Object.assign(result, rule.headers);
  return result;
}
