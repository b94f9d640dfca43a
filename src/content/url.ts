/**
 * Site paths carry the deploy's path prefix (a GitHub Pages project site lives under
 * `/<repo>/`); every href and src in the layouts goes through here.
 */
export function withPrefix(pathPrefix: string, url: string): string {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  const prefix = pathPrefix.replace(/\/+$/, "");
  return prefix + url;
}

/** `--pathprefix=/ri/` and `RI_PATH_PREFIX=/ri/` both end up as "/ri/". */
export function normalisePrefix(value: string | undefined): string {
  const trimmed = (value ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** An absolute URL for feeds, canonical links and the sitemap. */
export function absoluteUrl(siteUrl: string, pathPrefix: string, url: string): string {
  return new URL(withPrefix(pathPrefix, url), siteUrl).href;
}
