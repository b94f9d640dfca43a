import type { PageData } from "../../src/render/page-data.ts";
import { absoluteUrl, withPrefix } from "../../src/content/url.ts";

/** Every site path in a layout goes through this, so the site works under a path prefix. */
export const href = (data: Pick<PageData, "pathPrefix">, url: string): string => withPrefix(data.pathPrefix, url);

/** The full address of a site path, for canonical links, feeds, the sitemap and social cards. */
export const absolute = (data: Pick<PageData, "pathPrefix" | "siteUrl" | "site">, url: string): string =>
  absoluteUrl(data.siteUrl || data.site.url, data.pathPrefix, url);

/** The Trust's full name, as the header shows it. */
export const organisationName = (data: Pick<PageData, "site">): string =>
  [data.site.organisation.name, data.site.organisation.split, data.site.organisation.descriptor].filter(Boolean).join(" ");
