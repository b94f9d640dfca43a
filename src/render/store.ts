import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import type { ContentItem } from "../content/definition.ts";
import { definitionOf, locate } from "../content/types.ts";
import { londonToday } from "../content/dates.ts";
import { readContentFile } from "../check/frontmatter.ts";

export interface LoadOptions {
  preview: boolean;
  today: Date;
}

/**
 * Reads the published content files of every type: drafts and items dated after the build
 * day (for types whose definition embargoes) are left out unless this is a preview. The
 * check has already validated every file, so the front matter has the schema's types;
 * each file is the copy the check read (see readContentFile), so the build publishes
 * what was checked even if a file is saved while it runs. `files` are the files the
 * check passed, in its order.
 */
export function loadItems(contentDir: string, options: LoadOptions, files: readonly string[]): ContentItem[] {
  const today = londonToday(options.today).toISODate() ?? "";
  const items: ContentItem[] = [];
  const realContent = realpathSync(contentDir);
  const folders = new Map<string, string>();
  for (const file of files) {
    // The check refuses links; looked at again here, so that not even a check that missed
    // one can publish a file from outside content/ (its second line, with src/eleventy/checked-content.ts).
    if (!lstatSync(file).isFile()) throw new Error(`${file} is not a regular file, so it is not built`);
    const folder = path.dirname(file);
    if (!folders.has(folder)) folders.set(folder, realpathSync(folder));
    if (folders.get(folder) !== path.join(realContent, path.relative(contentDir, folder))) {
      throw new Error(`${file} is reached through a symbolic link, so it is not built`);
    }
    const located = locate(path.relative(contentDir, file).split(path.sep).join("/"));
    if (!located.ok) continue;
    const { location } = located;
    const dated = definitionOf(location.type).dated;
    const source = readContentFile(file, { asChecked: true });
    const { data } = source;
    if (!options.preview && (data.draft === true || (dated?.embargo && String(data[dated.field]) > today))) continue;
    const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
    items.push({ type: location.type, slug: location.slug, url: location.url, data, source, inputPath: relative.startsWith(".") ? relative : `./${relative}` });
  }
  return items;
}
