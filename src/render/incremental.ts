import { existsSync, lstatSync, rmSync } from "node:fs";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import { render as renderHome } from "../../layouts/home.11ty.tsx";
import { checkContent } from "../check/check.ts";
import { renderHtml } from "../eleventy/tsx-extension.ts";
import { locate } from "../content/types.ts";
import { newsFeeds } from "../publish/feed.ts";
import { readContentFile } from "../check/frontmatter.ts";
import { type NewsEntry, buildNewsIndex } from "../content/news-index.ts";
import type { Problem } from "../check/problems.ts";
import { pageSchema } from "../content/schema/page.ts";
import { type NewsPage, type SharedData, pageWriter, renderArchivePage, renderListingPage, renderStoryPage } from "./pages.ts";
import { type Story, loadStories } from "./store.ts";

/** What the last build knew about the news, kept so that one edited story can be re-rendered alone. */
export interface LiveNews {
  contentDir: string;
  outputDir: string;
  shared: SharedData;
  stories: Story[];
  markdown: MarkdownIt;
  preview: boolean;
  today: Date;
}

let live: LiveNews | undefined;

/** The build keeps its state here for the preview process (see updateStory). */
export function rememberNews(state: LiveNews): void {
  live = state;
}

export function liveNews(): LiveNews | undefined {
  return live;
}

export type StoryUpdate =
  /** Warnings do not stop a build, so they come with the pages. */
  | { kind: "rendered"; urls: string[]; warnings: Problem[] }
  | { kind: "problems"; problems: Problem[] }
  /** The change is not to one story (or nothing was built yet): rebuild the whole preview. */
  | { kind: "full" };

const cardText = (entry: NewsEntry | undefined) => (entry ? `${entry.url}|${entry.title}|${entry.summary}|${entry.date}|${entry.updated ?? ""}` : "");
const pageText = (items: NewsEntry[], total: number) => `${total}:${items.map(cardText).join("\n")}`;

/**
 * Re-renders what one edited story changes, and nothing else: the story, the stories whose
 * newer/older links now read differently, the listing and archive pages whose cards
 * changed, and the home page if its latest news changed. Feeds, the sitemap and the search
 * index catch up at the next full build.
 *
 * First it runs the whole check, as `npm run check` and the full build do: a story's
 * problems include site-wide ones (its links, and links from other pages to it, its tags
 * and images). Only the saved file is examined afresh; the others' reports are kept while
 * their text is unchanged. Any error leaves every page as it was.
 */
export async function updateStory(file: string): Promise<StoryUpdate> {
  const state = live;
  if (!state) return { kind: "full" };
  const relative = path.relative(state.contentDir, file).split(path.sep).join("/");
  const located = locate(relative);
  if (!located.ok || located.location.type !== "news") return { kind: "full" };

  // A link in place of a story is never read: the full rebuild's check reports it.
  if (existsSync(file) && !lstatSync(file).isFile()) return { kind: "full" };
  const check = await checkContent(state.contentDir, { preview: state.preview, today: state.today });
  if (check.problems.some((problem) => problem.severity === "error")) return { kind: "problems", problems: check.problems };

  const before = state.shared.collections.newsIndex;
  // Reading every file again costs little: each unchanged one comes from the parse cache.
  const stories = loadStories(state.contentDir, { preview: state.preview, today: state.today });
  const { topics, site } = state.shared;
  const index = buildNewsIndex(
    stories.map((story) => story.entry),
    topics.map((topic) => topic.slug),
  );
  const newsIndex = { ...index, feeds: newsFeeds(index, { siteName: site.name, topics }) };
  const shared: SharedData = { ...state.shared, collections: { ...state.shared.collections, newsIndex } };
  const pages: NewsPage[] = [];

  for (const story of stories) {
    const was = before.neighbours.get(story.entry.url);
    const now = newsIndex.neighbours.get(story.entry.url);
    const changed =
      story.inputPath.endsWith(relative) || cardText(was?.newer) !== cardText(now?.newer) || cardText(was?.older) !== cardText(now?.older) || !was;
    if (changed) pages.push(renderStoryPage(shared, story, state.markdown));
  }
  const oldListing = new Map(before.listing.map((page) => [page.url, pageText(page.items, page.total)]));
  for (const listing of newsIndex.listing) {
    if (oldListing.get(listing.url) !== pageText(listing.items, listing.total)) pages.push(renderListingPage(shared, listing));
  }
  const oldArchives = new Map(before.archives.map((page) => [page.url, pageText(page.items, page.total)]));
  for (const archive of newsIndex.archives) {
    if (oldArchives.get(archive.url) !== pageText(archive.items, archive.total)) pages.push(renderArchivePage(shared, archive));
  }
  const latest = (stories: NewsEntry[]) => pageText(stories.slice(0, 3), 0);
  if (latest(before.stories) !== latest(newsIndex.stories)) pages.push(homePage(state, shared));

  const write = pageWriter(state.outputDir);
  for (const page of pages) write(page.url, page.html);
  // A story that was deleted (or moved) leaves no page behind.
  const urls = new Set(newsIndex.stories.map((entry) => entry.url));
  for (const entry of before.stories) {
    if (!urls.has(entry.url)) rmSync(path.join(state.outputDir, entry.url), { recursive: true, force: true });
  }

  state.stories = stories;
  state.shared = shared;
  return { kind: "rendered", urls: pages.map((page) => page.url), warnings: check.problems };
}

/** The home page shows the latest stories, so it follows them. */
function homePage(state: LiveNews, shared: SharedData): NewsPage {
  const { data, body } = readContentFile(path.join(state.contentDir, "index.md"));
  const front = pageSchema.parse(data);
  const html = renderHtml(
    renderHome({
      ...shared,
      ...front,
      contentType: "home",
      page: { url: "/", inputPath: "./content/index.md", fileSlug: "index", date: new Date(0) },
      content: state.markdown.render(body),
    }),
  );
  return { url: "/", html };
}
