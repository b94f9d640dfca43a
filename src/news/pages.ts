import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import { render as renderArchive } from "../../layouts/news-archive.11ty.tsx";
import { render as renderListing } from "../../layouts/news-list.11ty.tsx";
import { render as renderStory } from "../../layouts/story.11ty.tsx";
import type { ArchivePage, ListingPage } from "../news-index.ts";
import { renderHtml } from "../eleventy/tsx-extension.ts";
import { renderBody } from "../markdown.ts";
import type { PageData } from "../page-data.ts";
import type { Story } from "./store.ts";

/** The data every page shares: the site's global data and its collections. */
export type SharedData = Omit<PageData, "page" | "content" | "contentType" | "title" | "summary">;

export interface NewsPage {
  url: string;
  html: string;
  /** Stories are search results; listings and archives are not. */
  searchable?: boolean;
}

/**
 * A story's article as a document of its own: Pagefind only indexes the
 * `data-pagefind-body` element, and parsing the header, navigation and footer of
 * ten thousand pages would only slow it down.
 */
export function searchDocument(html: string): string {
  const start = html.indexOf("<article data-pagefind-body");
  const end = html.indexOf("</article>", start);
  if (start < 0 || end < 0) throw new Error("a story page has no <article data-pagefind-body>");
  return `<!DOCTYPE html>\n<html lang="en-GB"><body>${html.slice(start, end + "</article>".length)}</body></html>`;
}

function page(url: string, inputPath: string, date: Date) {
  return { url, inputPath, fileSlug: url.split("/").at(-2) ?? "", date };
}

export function renderStoryPage(shared: SharedData, story: Story, markdown: MarkdownIt): NewsPage {
  const { entry } = story;
  const data = {
    ...shared,
    ...story.data,
    contentType: "news" as const,
    page: page(entry.url, story.inputPath, new Date(`${entry.date}T00:00:00Z`)),
    content: renderBody(markdown, story.source),
    leadImage: entry.image,
  };
  const html = renderHtml(renderStory(data));
  return { url: entry.url, html, searchable: true };
}

export function renderListingPage(shared: SharedData, listing: ListingPage): NewsPage {
  const data = { ...shared, title: "News", listing, page: page(listing.url, "./_generated/news-listing.md", new Date(0)), content: "" };
  return { url: listing.url, html: renderHtml(renderListing(data)) };
}

export function renderArchivePage(shared: SharedData, archive: ArchivePage): NewsPage {
  const data = { ...shared, archive, page: page(archive.url, "./_generated/news-archive.md", new Date(0)), content: "" };
  return { url: archive.url, html: renderHtml(renderArchive(data)) };
}

/**
 * Renders every news page (the stories, the listing's pages, and the year and topic
 * archives) through the same TSX layouts Eleventy uses, from an index built in one
 * pass. These are the site's many pages: rendering them here, rather than as thousands
 * of Eleventy templates, keeps a 10,000-story build near the cost of reading the files.
 */
export function* renderNewsPages(shared: SharedData, stories: Story[], markdown: MarkdownIt): Generator<NewsPage> {
  const { newsIndex } = shared.collections;
  for (const story of stories) yield renderStoryPage(shared, story, markdown);
  for (const listing of newsIndex.listing) yield renderListingPage(shared, listing);
  for (const archive of newsIndex.archives) yield renderArchivePage(shared, archive);
}

/** Writes a page to `<output><url>index.html`, making each folder once. */
export function pageWriter(outputDir: string): (url: string, html: string) => void {
  const made = new Set<string>();
  return (url, html) => {
    const dir = path.join(outputDir, url);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path.join(dir, "index.html"), html);
  };
}
