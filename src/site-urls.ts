import { type NewsEntry, buildNewsIndex } from "./news-index.ts";
import { nearMatch } from "./suggest.ts";

/** Pages the site makes itself, whatever the content (the news listings come from the news index). */
export const GENERATED_URLS: readonly string[] = ["/", "/services/", "/search/", "/news/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html"];

/** Folders whose files the build copies or makes: any path inside them is taken to exist. */
export const GENERATED_FOLDERS: readonly string[] = ["/assets/", "/pagefind/"];

/** Editors' images: `content/images/<name>` is published at `/images/<name>`. */
export const IMAGES_FOLDER = "images";
export const IMAGES_URL = `/${IMAGES_FOLDER}/`;

/** Editors' documents: `content/documents/<name>` is published at `/documents/<name>`. */
export const DOCUMENTS_FOLDER = "documents";
export const DOCUMENTS_URL = `/${DOCUMENTS_FOLDER}/`;

export interface PublishedStory {
  url: string;
  /** `YYYY-MM-DD`, already checked to be a real date. */
  date: string;
  tags: string[];
}

export interface SiteUrlsInput {
  /** The URL of every content file in this build. */
  pages: Iterable<string>;
  /** The news stories in this build, for the listings, year and topic pages they make. */
  stories: PublishedStory[];
  topicSlugs: string[];
  /** Files under content/images/, relative to it, with forward slashes. */
  images: Iterable<string>;
  /** Files under content/documents/, relative to it, with forward slashes. */
  documents?: Iterable<string>;
}

export interface SiteUrls {
  has(url: string): boolean;
  /** The existing page address closest to a broken one, to suggest as the fix, if one is near. */
  nearest(url: string): string | undefined;
}

/**
 * Every address the built site will have, worked out from the content alone, so the
 * check can tell a broken internal link without building. The news listings, year and
 * topic pages come from the same news index the build paginates with.
 */
export function siteUrls(input: SiteUrlsInput): SiteUrls {
  const entries: NewsEntry[] = input.stories.map((story) => ({
    url: story.url,
    title: "",
    summary: "",
    date: story.date,
    tags: story.tags,
    year: story.date.slice(0, 4),
  }));
  const index = buildNewsIndex(entries, input.topicSlugs);
  const pages = new Set<string>([...GENERATED_URLS, ...input.pages, ...index.listing.map((page) => page.url), ...index.archives.map((page) => page.url)]);
  const files = new Set<string>([
    ...[...input.images].map((image) => `${IMAGES_URL}${image}`),
    ...[...(input.documents ?? [])].map((document) => `${DOCUMENTS_URL}${document}`),
  ]);
  let candidates: string[] | undefined;
  return {
    has: (url) => pages.has(url) || files.has(url) || GENERATED_FOLDERS.some((folder) => url.startsWith(folder) && url !== folder),
    nearest: (url) => {
      candidates ??= [...pages, ...files];
      return nearMatch(url, candidates);
    },
  };
}
