import type { Html } from "#jsx/jsx-runtime";

const parts = new WeakMap<object, Map<string, Html>>();

/**
 * A part of the page that is the same on many pages (the header for one section, the
 * footer) is rendered once per site settings and key, and reused: ten thousand stories
 * share one header. The key must name everything else the part depends on.
 */
export function samePerSite(site: object, key: string, render: () => Html): Html {
  let forSite = parts.get(site);
  if (!forSite) parts.set(site, (forSite = new Map<string, Html>()));
  let part = forSite.get(key);
  if (!part) forSite.set(key, (part = render()));
  return part;
}
