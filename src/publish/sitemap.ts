import { buildXml } from "./xml.ts";

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

const latest = (...dates: Array<string | undefined>): string | undefined =>
  dates.reduce<string | undefined>((newest, date) => (date && (!newest || date > newest) ? date : newest), undefined);

export interface SitemapInput {
  /** Each published content file, with its definition's date for it; `followsListings` marks the home page. */
  items: ReadonlyArray<{ url: string; lastmod?: string; followsListings?: boolean }>;
  /** The listings and indexes the types make, with the day each last changed. */
  listed: ReadonlyArray<{ url: string; lastmod?: string }>;
  /** Pages of the site's own that change with no content date (search). */
  undated: readonly string[];
}

/**
 * Every public page with the day it last changed, taken from front-matter dates only
 * (never file times, which a fresh checkout resets). A listing changes when its newest
 * item does, and the home page when any listing does; drafts and embargoed items never
 * reach here, and the 404 page, the feeds and the editor are not pages here.
 */
export function sitemapEntries(input: SitemapInput): SitemapEntry[] {
  const newestListed = latest(...input.listed.map((page) => page.lastmod));
  const entries: SitemapEntry[] = [
    ...input.items.map((item) => ({ url: item.url, lastmod: item.followsListings ? latest(item.lastmod, newestListed) : item.lastmod })),
    ...input.listed.map((page) => ({ url: page.url, lastmod: page.lastmod })),
    ...input.undated.map((url) => ({ url })),
  ];
  return entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The sitemaps.org XML, with absolute URLs. */
export function renderSitemap(entries: readonly SitemapEntry[], absolute: (url: string) => string): string {
  return buildXml({
    urlset: {
      "@_xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9",
      url: entries.map((entry) => (entry.lastmod ? { loc: absolute(entry.url), lastmod: entry.lastmod } : { loc: absolute(entry.url) })),
    },
  });
}

/** Crawlers may read everything but the content editor, and are told where the sitemap is. */
export function renderRobots(pathPrefix: string, sitemapUrl: string): string {
  return ["User-agent: *", `Disallow: ${pathPrefix}admin/`, "", `Sitemap: ${sitemapUrl}`, ""].join("\n");
}
