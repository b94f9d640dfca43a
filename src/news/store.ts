import { readdirSync } from "node:fs";
import path from "node:path";
import { locate } from "../content-types.ts";
import { londonToday } from "../dates.ts";
import { type ParsedFile, readContentFile } from "../frontmatter.ts";
import { type NewsEntry, toNewsEntry } from "../news-index.ts";
import type { NewsFrontMatter } from "../schema/news.ts";
import { mediaFor } from "../media/catalog.ts";

/** A published story: what listings show, its front matter, and its markdown body. */
export interface Story {
  entry: NewsEntry;
  data: NewsFrontMatter;
  /** The parsed file: its markdown body, and the key by which the check's rendering of it is found again. */
  source: ParsedFile;
  /** The file, as Eleventy names input paths (`./content/news/2024/x.md`). */
  inputPath: string;
}

export interface NewsOptions {
  preview: boolean;
  today: Date;
}

/** Every story file under `<content>/news/<year>/`, in a stable order. */
export function storyFiles(contentDir: string): string[] {
  const newsDir = path.join(contentDir, "news");
  let years: string[];
  try {
    years = readdirSync(newsDir);
  } catch {
    return [];
  }
  return years
    .flatMap((year) => {
      try {
        return readdirSync(path.join(newsDir, year), { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(newsDir, year, entry.name));
      } catch {
        return [];
      }
    })
    .filter((file) => file.endsWith(".md"))
    .sort();
}

/**
 * Reads the published stories: drafts and stories dated after the build day are left
 * out unless this is a preview. The check has already validated every file, so the
 * front matter has the schema's types; a file the check would reject is skipped here.
 * Each story is the copy the check read (see readContentFile), so the build publishes
 * what was checked even if a file is saved while it runs; the build passes the files the
 * check passed, and without them only regular files are read, never links.
 */
export function loadStories(contentDir: string, options: NewsOptions, files = storyFiles(contentDir)): Story[] {
  const today = londonToday(options.today).toISODate() ?? "";
  const stories: Story[] = [];
  const media = mediaFor(contentDir);
  for (const file of files) {
    const located = locate(path.relative(contentDir, file).split(path.sep).join("/"));
    if (!located.ok || located.location.type !== "news") continue;
    const source = readContentFile(file, { asChecked: true });
    const { data } = source;
    if (typeof data.title !== "string" || typeof data.date !== "string") continue;
    if (!options.preview && (data.draft === true || data.date > today)) continue;
    const entry = toNewsEntry({ url: located.location.url, date: new Date(`${data.date}T00:00:00Z`), data });
    // What the check read of the lead image: its size and the names of its resized copies.
    const info = entry.image ? media.images.get(entry.image.src) : undefined;
    if (entry.image && info) entry.image.info = info;
    const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
    stories.push({ entry, data: data as NewsFrontMatter, source, inputPath: relative.startsWith(".") ? relative : `./${relative}` });
  }
  return stories;
}
