import { defineContentType } from "../definition.ts";
import { type NewsEntry, type NewsIndex, buildNewsIndex, toNewsEntry } from "../news-index.ts";
import { PLACEHOLDER_SUMMARY } from "../placeholders.ts";
import { newsSchema } from "../schema/news.ts";
import { type Feed, NEWS_FEED_URL, newsFeeds } from "../news-feeds.ts";

/** The news index with the feeds made from it: `collections.newsIndex` in the layouts. */
export type SiteNewsIndex = NewsIndex & { feeds: Feed[] };

/** News stories: `content/news/<year>/<slug>.md`, dated, listed newest first, with year and topic archives and feeds. */
export const news = defineContentType({
  name: "news",
  plural: "news stories",
  source: { folder: "news", years: true },
  url: (slug, year) => `/news/${year}/${slug}/`,
  schema: newsSchema,
  layout: "story.tsx",
  dated: { field: "date", embargo: true },
  topicFields: ["tags"],
  search: { type: "News", label: "News", years: (index: SiteNewsIndex) => index.years },
  lastmod: (data) => (typeof data.updated === "string" ? data.updated : typeof data.date === "string" ? data.date : undefined),
  collection: {
    name: "newsIndex",
    build(items, context): SiteNewsIndex {
      const index = buildNewsIndex(
        items.map(entryOf),
        context.topicSlugs,
      );
      return { ...index, feeds: newsFeeds(index, context) };
    },
  },
  listings: {
    reserved: [["/news/", "the news listing"]],
    pages(index) {
      const newestStory = index.stories[0]?.date;
      // Every page of an archive shifts when a story is added to its first page.
      const archiveNewest = new Map<string, string | undefined>();
      for (const page of index.archives) if (!archiveNewest.has(`${page.kind}:${page.key}`)) archiveNewest.set(`${page.kind}:${page.key}`, page.items[0]?.date);
      return [
        ...index.listing.map((listing) => ({ url: listing.url, layout: "news-list.tsx", data: { title: "News", listing }, sitemap: { lastmod: newestStory } })),
        ...index.archives.map((archive) => ({
          url: archive.url,
          layout: "news-archive.tsx",
          data: { archive },
          sitemap: { lastmod: archiveNewest.get(`${archive.kind}:${archive.key}`) },
        })),
        ...index.feeds.map((feed) => ({ url: feed.url, layout: "generated-file.tsx", data: { generatedFile: "feed", feed } })),
      ];
    },
    urls(items, context) {
      const entries: NewsEntry[] = items.map(entryOf);
      const index = buildNewsIndex(entries, context.topicSlugs);
      return [...index.listing.map((page) => page.url), ...index.archives.map((page) => page.url), NEWS_FEED_URL];
    },
  },
  showsNeighbours(url, before, after) {
    const card = (entry: NewsEntry | undefined) => (entry ? `${entry.url}|${entry.title}|${entry.summary}|${entry.date}|${entry.updated ?? ""}` : "");
    const was = before.neighbours.get(url);
    const now = after.neighbours.get(url);
    return !was || card(was.newer) !== card(now?.newer) || card(was.older) !== card(now?.older);
  },
  feedUrl: NEWS_FEED_URL,
  cms: {
    name: "news",
    label: "News",
    singular: "News story",
    folder: "content/news",
    path: "{{year}}/{{slug}}",
    preview: "news/{{year}}/{{slug}}/",
    summary: "{{date}}: {{title}}",
    sortableFields: ["date", "title"],
  },
  scaffold: {
    folder: (today) => `news/${today.slice(0, 4)}`,
    frontMatter: (title, today) => ({ title, date: today, summary: PLACEHOLDER_SUMMARY, draft: true }),
  },
});

/**
 * A story's entry in the listings, made once per item: an unchanged story keeps its item
 * between the preview's saves (src/render/store.ts), and so its entry, which the preview
 * then compares by reference instead of field by field.
 */
const entries = new WeakMap<object, NewsEntry>();
function entryOf(item: { url: string; data: Record<string, unknown> }): NewsEntry {
  let entry = entries.get(item);
  if (!entry) {
    entry = toNewsEntry({ url: item.url, date: new Date(`${String(item.data.date)}T00:00:00Z`), data: item.data });
    entries.set(item, entry);
  }
  return entry;
}
