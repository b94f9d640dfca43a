import { existsSync, lstatSync, rmSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type MarkdownIt from "markdown-it";
import { checkContent } from "../check/check.ts";
import type { Problem } from "../content/problems.ts";
import type { ContentItem, ListingContext } from "../content/definition.ts";
import { definitionOf, locate } from "../content/types.ts";
import type { MediaCatalog } from "../media/catalog.ts";
import { type Transform, applyTransforms } from "./extensions.ts";
import { type RenderedPage, type SharedData, buildCollections, listedPages, outputFile, pageWriter, renderItem, renderListed } from "./pages.ts";
import { sitePages } from "./site-pages.ts";
import { loadItems } from "./store.ts";

/** What the last build knew, kept so that one edited file can be re-rendered with what it changes. */
export interface LiveSite {
  contentDir: string;
  outputDir: string;
  shared: SharedData;
  /** The transforms every written page goes through (src/render/extensions.ts). */
  transforms: ReadonlyMap<string, Transform>;
  items: ContentItem[];
  markdown: MarkdownIt;
  preview: boolean;
  today: Date;
  context: ListingContext;
}

let live: LiveSite | undefined;

/**
 * Each listed page's data, by address, for the site in `live`: what an update compares
 * the new listings with. Made once per site (after a build, while the preview waits for a
 * save) instead of on every save.
 */
let liveListings: Map<string, unknown> | undefined;

function listingData(collections: SharedData["collections"], items: readonly ContentItem[]): Map<string, unknown> {
  return new Map(listedPages(collections, items).map((page) => [page.url, page.data]));
}

/** What a page can show of the images and documents: their names, image bytes (by hash) and document sizes. */
function mediaKey(media: MediaCatalog): string {
  const images = [...media.images.entries()].map(([url, info]) => `${url}:${info.hash}`);
  const documents = [...media.documents.entries()].map(([url, info]) => `${url}:${info.bytes}`);
  return JSON.stringify([images.sort(), documents.sort()]);
}

/** The build keeps its state here for the preview process (see updateFile). */
export function rememberSite(state: LiveSite): void {
  live = state;
  liveListings = undefined;
}

/** Gets the site in `live` ready for updateFile, so that the first save is as quick as the next: the preview calls it after each full build. */
export function prepareUpdates(): void {
  if (live) liveListings ??= listingData(live.shared.collections, live.items);
}

export function liveSite(): LiveSite | undefined {
  return live;
}

export type FileUpdate =
  /** Warnings do not stop a build, so they come with the pages. */
  | { kind: "rendered"; urls: string[]; warnings: Problem[] }
  | { kind: "problems"; problems: Problem[] }
  /** The change is not to one content file (or nothing was built yet): rebuild the whole preview. */
  | { kind: "full" };

/**
 * Re-renders what one edited content file changes, and nothing else: its page, the pages
 * of its type whose definition says they show it (a story's newer and older links), every
 * listing whose data changed, the pages of other types that show its type's items (a
 * story's "About the event"), and the pages that follow the listings (the home page).
 * Feeds, the sitemap and the search index catch up at the next full build.
 *
 * First it runs the whole check, as `npm run check` and the full build do: a file's
 * problems include site-wide ones (its links, and links from other pages to it, its
 * topics and images). Only the saved file is read and examined afresh: the preview's
 * watcher reports every save, one file at a time (serve.ts), so the others are as the
 * last check read them, and keep their reports. Any error leaves every page as it was.
 */
export async function updateFile(file: string): Promise<FileUpdate> {
  const state = live;
  if (!state) return { kind: "full" };
  const relative = path.relative(state.contentDir, file).split(path.sep).join("/");
  const located = locate(relative);
  if (!located.ok) return { kind: "full" };

  // A link in place of a content file is never read: the full rebuild's check reports it.
  if (existsSync(file) && !lstatSync(file).isFile()) return { kind: "full" };
  // The watcher names every saved file, one at a time: the others are as last read.
  const changedFiles = new Set([path.resolve(file)]);
  const check = await checkContent(state.contentDir, { preview: state.preview, today: state.today, changedFiles });
  if (check.problems.some((problem) => problem.severity === "error")) return { kind: "problems", problems: check.problems };
  // A new, changed or removed image or document is published (and an image resized) by the
  // full build's after-build steps, not here: rebuild, so the page never shows a picture
  // whose copies are not there yet.
  if (mediaKey(check.media) !== mediaKey(state.shared.media)) return { kind: "full" };

  const items = loadItems(
    state.contentDir,
    { ...state, changedFiles },
    check.files.map((checked) => path.resolve(checked.file)),
  );
  const collections = buildCollections(items, state.context);
  const shared: SharedData = { ...state.shared, collections, media: check.media };
  const definition = definitionOf(located.location.type);
  const pages: RenderedPage[] = [];

  const edited = located.location.url;
  const before = new Set(state.items.map((item) => item.url));
  const collectionOf = (all: SharedData["collections"], name: string | undefined) => (name ? (all as Record<string, unknown>)[name] : undefined);
  // Pages of other types that show the edited type's items (a story's "About the event").
  const name = definition.collection?.name;
  const shownElsewhere = new Set(definition.showsElsewhere?.(collectionOf(state.shared.collections, name), collectionOf(collections, name)) ?? []);
  for (const item of items) {
    const own = definitionOf(item.type);
    const name = own.collection?.name;
    const changed =
      item.url === edited ||
      !before.has(item.url) ||
      own.followsListings === true ||
      shownElsewhere.has(item.url) ||
      (item.type === definition.name &&
        own.showsNeighbours?.(item.url, collectionOf(state.shared.collections, name), collectionOf(collections, name)) === true);
    if (changed) pages.push(renderItem(shared, item, state.markdown));
  }
  const oldListed = liveListings ?? listingData(state.shared.collections, state.items);
  const newListed = new Map<string, unknown>();
  for (const page of listedPages(collections, items)) {
    newListed.set(page.url, page.data);
    if (!page.url.endsWith("/")) continue; // feeds catch up at the next full build
    // Compared in place, not as text: an unchanged item's entry is the same object as
    // before (see the news definition), so most of a listing compares by reference.
    if (!isDeepStrictEqual(oldListed.get(page.url), page.data)) pages.push(renderListed(shared, page));
  }

  const write = pageWriter(state.outputDir);
  for (const page of pages) {
    write(
      page.url,
      await applyTransforms(state.transforms, page.html, { url: page.url, inputPath: page.inputPath, outputPath: outputFile(state.outputDir, page.url) }),
    );
  }
  // An item that was deleted (or moved) leaves no page behind.
  const urls = new Set(items.map((item) => item.url));
  for (const item of state.items) {
    if (!urls.has(item.url)) rmSync(path.join(state.outputDir, item.url), { recursive: true, force: true });
  }
  // A site page that a deleted item stood in for comes back (content/pages/contact.md's removal leaves the site's own contact page).
  const ownBefore = new Set(sitePages(state.shared.site, before).map((page) => page.url));
  for (const page of sitePages(shared.site, urls)) {
    if (ownBefore.has(page.url)) continue;
    const rendered = renderListed(shared, page);
    write(
      page.url,
      await applyTransforms(state.transforms, rendered.html, { url: page.url, inputPath: "", outputPath: outputFile(state.outputDir, page.url) }),
    );
    pages.push(rendered);
  }

  state.items = items;
  state.shared = shared;
  liveListings = newListed;
  return { kind: "rendered", urls: pages.map((page) => page.url), warnings: check.problems };
}
