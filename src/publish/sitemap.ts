import type { ContentType } from "../content/types.ts";
import type { NewsIndex } from "../content/news-index.ts";
import { buildXml } from "./xml.ts";

/** A published content file, as the sitemap sees it. */
export interface SitemapPage {
  url: string;
  type: ContentType;
  /** `YYYY-MM-DD` from the front matter: a story's `updated` or `date`, a page's `reviewed`. */
  lastmod?: string;
}

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

const latest = (...dates: Array<string | undefined>): string | undefined =>
  dates.reduce<string | undefined>((newest, date) => (date && (!newest || date > newest) ? date : newest), undefined);

/**
 * Every public page with the day it last changed, taken from front-matter dates only
 * (never file times, which a fresh checkout resets). A listing changes when its newest
 * story does. One pass over the pages and the news index; drafts and embargoed stories
 * never reach either, and the 404 page, the feeds and the editor are not pages here.
 */
export function sitemapEntries(pages: readonly SitemapPage[], index: Pick<NewsIndex, "stories" | "listing" | "archives">): SitemapEntry[] {
  const newestStory = index.stories[0]?.date;
  const newestReview = latest(...pages.filter((page) => page.type === "service").map((page) => page.lastmod));
  const entries: SitemapEntry[] = pages.map((page) => ({
    url: page.url,
    lastmod: page.type === "home" ? latest(page.lastmod, newestStory, newestReview) : page.lastmod,
  }));

  for (const page of index.listing) entries.push({ url: page.url, lastmod: newestStory });
  // Every page of an archive shifts when a story is added to its first page.
  const archiveNewest = new Map<string, string | undefined>();
  for (const page of index.archives) {
    const key = `${page.kind}:${page.key}`;
    if (!archiveNewest.has(key)) archiveNewest.set(key, page.items[0]?.date);
    entries.push({ url: page.url, lastmod: archiveNewest.get(key) });
  }
  entries.push({ url: "/services/", lastmod: newestReview }, { url: "/search/" });

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
