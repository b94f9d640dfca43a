import type { PublicationFrontMatter } from "./schema.ts";

/** Where the publications are listed. */
export const PUBLICATIONS_URL = "/publications/";

export const publicationUrl = (slug: string): string => `${PUBLICATIONS_URL}${slug}/`;

/** A publication as the listing shows it. */
export interface PublicationEntry {
  url: string;
  title: string;
  authors: string[];
  journal: string;
  year: number;
  doi?: string;
}

/** `collections.publications` in the layouts: every published publication, newest year first, and grouped by year. */
export interface PublicationIndex {
  publications: PublicationEntry[];
  /** Each year that has any, newest first, with its publications in title order. */
  years: Array<{ year: string; publications: PublicationEntry[] }>;
}

export function toPublicationEntry(item: { url: string; data: Record<string, unknown> }): PublicationEntry {
  // The check validated every item against publicationSchema, so its data has the schema's types.
  const data = item.data as PublicationFrontMatter;
  return { url: item.url, title: data.title, authors: data.authors, journal: data.journal, year: data.year, ...(data.doi ? { doi: data.doi } : {}) };
}

/** Newest year first; within a year by title, so the order never depends on the order files were read in. */
export function buildPublicationIndex(entries: PublicationEntry[]): PublicationIndex {
  const publications = entries.toSorted((a, b) => b.year - a.year || a.title.localeCompare(b.title, "en-GB") || a.url.localeCompare(b.url));
  const years: PublicationIndex["years"] = [];
  for (const entry of publications) {
    const year = String(entry.year);
    if (years.at(-1)?.year !== year) years.push({ year, publications: [] });
    years.at(-1)?.publications.push(entry);
  }
  return { publications, years };
}
