import type { z } from "zod";
import type { ContentTypeDefinition } from "./definition.ts";
import { isValidSlug, slugify } from "./slug.ts";
import { event } from "./types/event.ts";
import { home } from "./types/home.ts";
import { news } from "./types/news.ts";
import { page } from "./types/page.ts";
import { publication } from "./types/publication.ts";
import { service } from "./types/service.ts";
import { study } from "./types/study.ts";

/**
 * The site's content types, one definition each (src/content/types/). Everything else
 * that depends on a type — the folders the check allows, the URL of each file, reserved
 * addresses, the CMS collections, `npm run new` — is derived here or reads this list.
 * The order is the CMS's order of collections.
 */
export const CONTENT_TYPES = [news, event, service, page, study, publication, home] as const;

type Definitions = (typeof CONTENT_TYPES)[number];
export type ContentType = Definitions["name"];

/** A type's front matter as its schema accepts it: what the layout of one of its items receives. */
export type FrontMatterOf<Type extends ContentType> = z.infer<Extract<Definitions, { name: Type }>["schema"]>;

/** The collections every layout receives, each from the definition that builds it. */
export type TypeCollections = {
  [D in Definitions as D extends { collection?: { name: infer K extends string } } ? K : never]: D extends { collection?: { build: (...args: never[]) => infer V } }
    ? V
    : never;
};

const byName = new Map<string, ContentTypeDefinition>(CONTENT_TYPES.map((definition) => [definition.name, definition as unknown as ContentTypeDefinition]));

export function definitionOf(type: string): ContentTypeDefinition {
  const definition = byName.get(type);
  if (!definition) throw new Error(`"${type}" is not a content type`);
  return definition;
}

export const schemaOf = (type: string): z.ZodType => definitionOf(type).schema;

/**
 * The folders under content/ that hold markdown of one type, and whether their files sit
 * in year folders (content/news/2024/). The content folder's allow-list walks these.
 */
export const CONTENT_FOLDERS: ReadonlyArray<{ folder: string; years: boolean; plural: string }> = CONTENT_TYPES.flatMap((definition) =>
  "folder" in definition.source ? [{ folder: definition.source.folder, years: definition.source.years === true, plural: definition.plural }] : [],
);

/** Where each type's files go, for messages: "news stories in content/news/<year>/, ...". */
export const WHERE_CONTENT_GOES = CONTENT_FOLDERS.map(({ folder, years, plural }) => `${plural} in content/${folder}/${years ? "<year>/" : ""}`)
  .join(", ")
  .replace(/, ([^,]*)$/, " and $1");

export interface ContentLocation {
  type: ContentType;
  slug: string;
  /** The folder year of a dated type's file, which its date must agree with. */
  year?: string;
  /** The site-relative URL, without any path prefix. */
  url: string;
}

export type Located = { ok: true; location: ContentLocation } | { ok: false; problem: string };

/**
 * Works out what a markdown file is from where it sits (paths relative to the content
 * folder, with forward slashes), as the definitions lay out.
 */
export function locate(relativePath: string): Located {
  const parts = relativePath.split("/");
  const file = parts.at(-1) ?? "";
  if (!file.endsWith(".md")) return { ok: false, problem: "is not a markdown file" };
  const slug = file.slice(0, -3);

  for (const definition of CONTENT_TYPES) {
    const { source } = definition;
    if ("file" in source) {
      if (relativePath === source.file) return { ok: true, location: { type: definition.name, slug: slug, url: definition.url(slug) } };
      continue;
    }
    if (parts[0] !== source.folder || parts.length !== (source.years ? 3 : 2)) continue;
    const year = source.years ? (parts[1] ?? "") : undefined;
    if (year !== undefined && !/^\d{4}$/.test(year)) {
      return { ok: false, problem: `${definition.plural} go in a year folder, such as content/${source.folder}/2024/${file}` };
    }
    if (!isValidSlug(slug)) {
      return { ok: false, problem: `file name "${slug}" is not a valid slug: use lowercase letters, digits and hyphens, such as "${slugify(slug)}.md"` };
    }
    return { ok: true, location: { type: definition.name, slug, ...(year ? { year } : {}), url: definition.url(slug, year) } };
  }
  return { ok: false, problem: `is in a folder the site does not publish: put ${WHERE_CONTENT_GOES}` };
}

/** URLs the site makes itself; a page with one of these would be overwritten or overwrite it. */
export const RESERVED_URLS: ReadonlyMap<string, string> = new Map([
  ...CONTENT_TYPES.flatMap((definition) => (definition.listings?.reserved ?? [])),
  ["/search/", "the search page"],
  ["/404/", "the page-not-found page"],
  ["/admin/", "the content editor"],
  ["/assets/", "the site's styles and scripts"],
  ["/pagefind/", "the search index"],
  ["/images/", "the folder of editors' images"],
  ["/documents/", "the folder of editors' documents"],
]);
