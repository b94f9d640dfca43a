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
export const META_CONTENT_SECURITY_POLICY = serialisePolicy(
  Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => !HEADER_ONLY.has(name))),
);
