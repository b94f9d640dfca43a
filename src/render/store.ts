import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import type { ContentItem } from "../content/definition.ts";
import { definitionOf, locate } from "../content/types.ts";
import { londonToday } from "../content/dates.ts";
import type { ParsedFile } from "../content/definition.ts";
import { readContentFile } from "../check/frontmatter.ts";

/**
 * Each file's item, with the parse it was made from: while a file keeps its parse (see
 * readContentFile), its item is the same object, so the preview re-makes five thousand
 * items on a save only for the one that changed, and what is made from an item can be
 * compared by reference.
 */
const madeItems = new Map<string, { parsed: ParsedFile; base: string; item: ContentItem }>();

export interface LoadOptions {
  preview: boolean;
  today: Date;
  /** The preview's files saved since its last load (see CheckOptions.changedFiles): only these are looked at again. */
  changedFiles?: ReadonlySet<string>;
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
  // An item's address and input path depend on the content folder and the working folder too.
  const base = `${contentDir}\0${process.cwd()}`;
  for (const file of files) {
    // The check refuses links; looked at again here, so that not even a check that missed
    // one can publish a file from outside content/ (its second line, with src/eleventy/checked-content.ts).
    const known = options.changedFiles !== undefined && !options.changedFiles.has(file);
    if (!known && !lstatSync(file).isFile()) throw new Error(`${file} is not a regular file, so it is not built`);
    const folder = path.dirname(file);
    if (!folders.has(folder)) folders.set(folder, realpathSync(folder));
    if (folders.get(folder) !== path.join(realContent, path.relative(contentDir, folder))) {
      throw new Error(`${file} is reached through a symbolic link, so it is not built`);
    }
    const source = readContentFile(file, { asChecked: true });
    const made = madeItems.get(file);
    const item = made?.parsed === source && made.base === base ? made.item : makeItem(contentDir, file, source);
    if (!item) continue;
    madeItems.set(file, { parsed: source, base, item });
    const { data } = item;
    const dated = definitionOf(item.type).dated;
    if (!options.preview && (data.draft === true || (dated?.embargo && String(data[dated.field]) > today))) continue;
    items.push(item);
  }
  return items;
}

function makeItem(contentDir: string, file: string, source: ParsedFile): ContentItem | undefined {
  const located = locate(path.relative(contentDir, file).split(path.sep).join("/"));
  if (!located.ok) return undefined;
  const { location } = located;
  const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
  return {
    type: location.type,
    slug: location.slug,
    url: location.url,
    data: source.data,
    source,
    inputPath: relative.startsWith(".") ? relative : `./${relative}`,
  };
}
