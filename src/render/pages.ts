import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type MarkdownIt from "markdown-it";
import { Html } from "#jsx/jsx-runtime";
import type { ContentItem, ListedPage, ListingContext } from "../content/definition.ts";
import { CONTENT_TYPES, type TypeCollections, definitionOf } from "../content/types.ts";
import { sitemapEntries } from "../publish/sitemap.ts";
import { type Filter, filtersFor } from "./extensions.ts";
import { bodyEnv, renderBody } from "../markdown/markdown.ts";
import type { PageData } from "./page-data.ts";
import { SITE_PAGE_LAYOUTS, sitePages, undatedSitemapPages } from "./site-pages.ts";

/**
 * The one way a page is made: data for a layout in layouts/, rendered to a string. A
 * story, a service page, the home page, a listing, the search page and the sitemap all
 * come through here, from the content the check passed; Eleventy renders no templates
 * (src/eleventy/plugin.ts says why).
 */

/** The data every page shares: the site's global data, the types' collections, and the filters a layout gets bound to its page. */
export type SharedData = Omit<PageData, "page" | "content" | "contentType" | "title" | "summary" | "embargo" | "filters"> & {
  filters: Readonly<Record<string, Filter>>;
};

export interface RenderedPage {
  url: string;
  /** The content file it was made from, or "" for a listing or one of the site's own pages. */
  inputPath: string;
  html: string;
  /** Content files are search results; listings and the site's own pages are not. */
  searchable: boolean;
}

type Render = (data: never) => Html | string | null;
const layoutsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "layouts");
const loaded = new Map<string, Render>();

/** Loads the layouts these pages use, once each; a layout is a module that exports `render`. */
export async function loadLayouts(names: Iterable<string>): Promise<void> {
  for (const name of new Set(names)) {
    if (loaded.has(name)) continue;
    const module = (await import(pathToFileURL(path.join(layoutsDir, name)).href)) as { render?: Render };
    if (typeof module.render !== "function") throw new Error(`layouts/${name} does not export a render function`);
    loaded.set(name, module.render);
  }
}

/** A rendered layout as a string; a whole document gets its doctype here, in one place. */
export function renderHtml(element: Html | string | null): string {
  const html = element instanceof Html ? element.value : (element ?? "");
  return html.startsWith("<html") ? `<!DOCTYPE html>\n${html}` : html;
}

/** A page's data rendered by one of the loaded layouts. */
export function renderLayout(layout: string, data: PageData): string {
  const renderer = loaded.get(layout);
  if (!renderer) throw new Error(`layouts/${layout} was not loaded`);
  return renderHtml(renderer(data as never));
}

function page(url: string, inputPath: string, date: Date) {
  return { url, inputPath, fileSlug: url.split("/").at(-2) ?? "", date };
}

/** Every type's collection, from its published items. */
export function buildCollections(items: readonly ContentItem[], context: ListingContext): TypeCollections {
  const collections: Record<string, unknown> = {};
  for (const definition of CONTENT_TYPES) {
    if (!definition.collection) continue;
    const own = items.filter((item) => item.type === definition.name);
    collections[definition.collection.name] = (definition.collection.build as (items: ContentItem[], context: ListingContext) => unknown)(own, context);
  }
  return collections as TypeCollections;
}

/** The pages and files each type makes from its collection. */
export function listedPages(collections: TypeCollections, items: readonly ContentItem[]): ListedPage[] {
  return CONTENT_TYPES.flatMap((definition) => {
    if (!definition.listings || !definition.collection) return [];
    const collection = (collections as Record<string, unknown>)[definition.collection.name];
    const own = items.filter((item) => item.type === definition.name);
    return (definition.listings.pages as (collection: unknown, items: readonly ContentItem[]) => ListedPage[])(collection, own);
  });
}

export function renderItem(shared: SharedData, item: ContentItem, markdown: MarkdownIt): RenderedPage {
  const definition = definitionOf(item.type);
  const dated = definition.dated?.embargo ? String(item.data[definition.dated.field]) : undefined;
  const itemPage = page(item.url, item.inputPath, new Date(0));
  const data = {
    ...shared,
    ...item.data,
    contentType: item.type,
    ...(dated && dated > shared.buildDate ? { embargo: dated } : {}),
    page: itemPage,
    content: renderBody(markdown, item.source, bodyEnv(definition)),
    filters: filtersFor(shared.filters, itemPage),
  } as PageData;
  return { url: item.url, inputPath: item.inputPath, html: renderLayout(definition.layout, data), searchable: true };
}

export function renderListed(shared: SharedData, listed: ListedPage): RenderedPage {
  const listedPage = page(listed.url, "", new Date(0));
  const data = { ...shared, ...listed.data, page: listedPage, content: "", filters: filtersFor(shared.filters, listedPage) } as PageData;
  return { url: listed.url, inputPath: "", html: renderLayout(listed.layout, data), searchable: false };
}

/** The layouts a site of these items needs. */
export function layoutsFor(listed: readonly ListedPage[]): string[] {
  return [...CONTENT_TYPES.map((definition) => definition.layout), ...listed.map((page) => page.layout), ...SITE_PAGE_LAYOUTS];
}

/**
 * Every page of the site: each content item, then what each type lists, the site's own
 * pages and the sitemap. Content items (the only search results) come first, so that the
 * search index can start while the rest are rendered.
 */
export function* renderSite(shared: SharedData, items: readonly ContentItem[], markdown: MarkdownIt): Generator<RenderedPage> {
  for (const item of items) yield renderItem(shared, item, markdown);
  const listed = listedPages(shared.collections, items);
  for (const page of listed) yield renderListed(shared, page);
  const own = sitePages(shared.site, new Set(items.map((item) => item.url)));
  for (const page of own) yield renderListed(shared, page);
  const sitemap = sitemapEntries({
    items: items.map((item) => {
      const definition = definitionOf(item.type);
      return { url: item.url, lastmod: definition.lastmod(item.data), followsListings: definition.followsListings };
    }),
    listed: listed.flatMap((page) => (page.sitemap ? [{ url: page.url, lastmod: page.sitemap.lastmod }] : [])),
    undated: undatedSitemapPages(own),
  });
  yield renderListed(shared, { url: "/sitemap.xml", layout: "generated-file.tsx", data: { generatedFile: "sitemap", sitemap } });
}

/**
 * A page's searchable part as a document of its own: Pagefind only indexes the
 * `data-pagefind-body` element, and parsing the header, navigation and footer of
 * ten thousand pages would only slow it down. A page whose body is not an article
 * is handed over whole.
 */
export function searchDocument(html: string): string {
  const start = html.indexOf("<article data-pagefind-body");
  const end = html.indexOf("</article>", start);
  if (start < 0 || end < 0) return html;
  return `<!DOCTYPE html>\n<html lang="en-GB"><body>${html.slice(start, end + "</article>".length)}</body></html>`;
}

/** Where a page is written: `<output><url>index.html`, or `<output><url>` for a file. */
export function outputFile(outputDir: string, url: string): string {
  return url.endsWith("/") ? path.join(outputDir, url, "index.html") : path.join(outputDir, url);
}

/** Writes a page to its output file (see outputFile), making each folder once. */
export function pageWriter(outputDir: string): (url: string, html: string) => void {
  const made = new Set<string>();
  return (url, html) => {
    const file = outputFile(outputDir, url);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, html);
  };
}
