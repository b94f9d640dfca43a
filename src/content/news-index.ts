import { isoDate } from "./dates.ts";

/** What listings, cards and story navigation need to know about a story. */
export interface NewsEntry {
  url: string;
  title: string;
  summary: string;
  /** The day the story was published, `YYYY-MM-DD` in Europe/London. */
  date: string;
  updated?: string;
  tags: string[];
  year: string;
  /** The story's lead image, for its card (what the check read of it is in the pages' `media`). */
  image?: { src: string; alt: string; caption?: string };
}

export interface ListingPage {
  /** 1-based. */
  number: number;
  total: number;
  url: string;
  items: NewsEntry[];
  /** The URL of every page of this listing, for the numbered pagination. */
  pageUrls: string[];
}

export interface ArchivePage extends ListingPage {
  kind: "year" | "topic";
  /** The year ("2024") or the topic slug. */
  key: string;
}

export interface Neighbours {
  newer?: NewsEntry;
  older?: NewsEntry;
}

export interface NewsIndex {
  /** Every published story, newest first. */
  stories: NewsEntry[];
  listing: ListingPage[];
  archives: ArchivePage[];
  years: string[];
  /** Every topic's published stories, newest first (for the topic feeds). */
  byTopic: Map<string, NewsEntry[]>;
  neighbours: Map<string, Neighbours>;
}

export const PER_PAGE = 10;

/** `/news/`, `/news/page/2/`, ... */
export function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}page/${number}/`;
}

/** Splits a list into numbered pages; an empty list still has a first page that says so. */
export function paginate(base: string, items: NewsEntry[], perPage = PER_PAGE): ListingPage[] {
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrls = Array.from({ length: total }, (_, index) => pageUrl(base, index + 1));
  return pageUrls.map((url, index) => ({
    number: index + 1,
    total,
    url,
    items: items.slice(index * perPage, (index + 1) * perPage),
    pageUrls,
  }));
}

/** Newest first; stories on the same day keep a stable order by address. */
export function newestFirst(a: NewsEntry, b: NewsEntry): number {
  return b.date.localeCompare(a.date) || a.url.localeCompare(b.url);
}

/**
 * One pass over the published stories builds every listing, archive and the
 * previous/next links, so no page has to scan the whole collection itself.
 */
export function buildNewsIndex(entries: NewsEntry[], topicSlugs: string[], perPage = PER_PAGE): NewsIndex {
  const stories = entries.toSorted(newestFirst);
  const byYear = new Map<string, NewsEntry[]>();
  const byTopic = new Map<string, NewsEntry[]>(topicSlugs.map((slug) => [slug, []]));
  const neighbours = new Map<string, Neighbours>();

  stories.forEach((story, index) => {
    neighbours.set(story.url, { newer: stories[index - 1], older: stories[index + 1] });
    const year = byYear.get(story.year) ?? [];
    year.push(story);
    byYear.set(story.year, year);
    for (const tag of story.tags) byTopic.get(tag)?.push(story);
  });

  const years = [...byYear.keys()].sort().reverse();
  const archives: ArchivePage[] = [
    ...years.flatMap((year) => paginate(`/news/${year}/`, byYear.get(year) ?? [], perPage).map((page) => ({ ...page, kind: "year" as const, key: year }))),
    ...topicSlugs.flatMap((slug) =>
      paginate(`/news/topics/${slug}/`, byTopic.get(slug) ?? [], perPage).map((page) => ({
        ...page,
        kind: "topic" as const,
        key: slug,
      })),
    ),
  ];

  return { stories, listing: paginate("/news/", stories, perPage), archives, years, byTopic, neighbours };
}

/** The subset of Eleventy's collection item this module reads. */
export interface CollectionItem {
  url: string | false;
  date: Date;
  data: Record<string, unknown>;
}

export function toNewsEntry(item: CollectionItem): NewsEntry {
  const { data } = item;
  // A front-matter date was checked before the build and is already `YYYY-MM-DD`.
  const date = typeof data.date === "string" ? data.date : isoDate(item.date);
  return {
    url: item.url || "",
    title: typeof data.title === "string" ? data.title : "",
    summary: typeof data.summary === "string" ? data.summary : "",
    date,
    updated: typeof data.updated === "string" ? data.updated : undefined,
    tags: Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === "string") : [],
    year: date.slice(0, 4),
    ...(leadImage(data.image) ? { image: leadImage(data.image) } : {}),
  };
}

/** A story's `image` front matter, when it has the schema's shape. */
function leadImage(value: unknown): NewsEntry["image"] {
  const image = value as { src?: unknown; alt?: unknown; caption?: unknown } | undefined;
  if (typeof image?.src !== "string" || typeof image.alt !== "string") return undefined;
  return { src: image.src, alt: image.alt, ...(typeof image.caption === "string" ? { caption: image.caption } : {}) };
}
