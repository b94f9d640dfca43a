import type { z } from "zod";
import type { Problem } from "./problems.ts";
import type { SiteUrls } from "./site-urls.ts";

/**
 * What a content type is, in one place: where its files sit, the URL each gets, its
 * schema, its layout, what it lists and where, its sitemap date, its feed, its CMS
 * collection and the file `npm run new` makes. The check, the URL rules, the reserved
 * addresses, the renderer, the sitemap, the output check, the CMS config and the
 * scaffold all read these definitions (src/content/types.ts lists them), so adding a
 * type is one definition and its layout.
 */

/** A content file as read: its front matter, its body and where the body starts. */
export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Lines before the body starts, so body line numbers can be reported as file lines. */
  bodyLineOffset: number;
}

/** A published content file of some type: what the renderer and the collections read. */
export interface ContentItem {
  type: string;
  slug: string;
  url: string;
  /** The front matter, validated by the check, so it has the schema's types. */
  data: Record<string, unknown>;
  /** The parsed file, whose body is rendered (the check may already have rendered it). */
  source: ParsedFile;
  /** The file, as Eleventy names input paths (`./content/news/2024/x.md`). */
  inputPath: string;
}

/** A page a type makes from its items (a listing, an archive, an index) or a file (a feed). */
export interface ListedPage {
  url: string;
  /** The layout file in layouts/ that renders it. */
  layout: string;
  /** What the layout receives on top of the shared data. */
  data: Record<string, unknown>;
  /** The day it last changed for the sitemap; a page without `sitemap` is not in the sitemap. */
  sitemap?: { lastmod?: string };
}

export interface ListingContext {
  /** The build's London day, `YYYY-MM-DD`: what is upcoming or has ended is decided against it. */
  today: string;
  /** The topic slugs from topics.json, in their order. */
  topicSlugs: string[];
  siteName: string;
  topics: Array<{ slug: string; name: string }>;
}

export interface ContentTypeDefinition<Schema extends z.ZodType = z.ZodType, Collection = unknown, Name extends string = string, CollectionName extends string = string> {
  /** The type's name, as the check and the renderer call it ("news"). */
  name: Name;
  /** What its files are called together, in messages that say where files go ("news stories"). */
  plural: string;
  /** Where its files sit: one file, or a folder of `<slug>.md` (in `<year>/` folders when `years` is set). */
  source: { file: string } | { folder: string; years?: boolean };
  /** The site path of an item (without the deploy's path prefix). */
  url(slug: string, year?: string): string;
  schema: Schema;
  /** The layout file in layouts/ that renders an item's page. */
  layout: string;
  /** The front-matter date whose year names the item's year folder, and after which a production build holds it back. */
  dated?: { field: string; embargo: boolean };
  /** A long page of this type starts with a contents list of its sections (src/markdown/markdown-components.ts). */
  contentsList?: boolean;
  /** Front-matter lists whose entries must be topics from topics.json. */
  topicFields?: string[];
  /**
   * What search calls it: the value of Pagefind's `type` filter, and that filter's option on
   * the search page; and any filters of its own its pages carry (`data-pagefind-filter="name:value"`),
   * each a select on the search page (its name must be one of src/client/search/query.ts's FILTER_KEYS).
   */
  search?: {
    type: string;
    label: string;
    filters?: ReadonlyArray<{ name: string; label: string; any: string; options: readonly string[] }>;
    /** The years its pages carry in the search's shared year filter (`year:2024`), from its collection: the year select offers them. */
    years?(collection: Collection): readonly string[];
  };
  /** Rules one valid file must meet that its schema cannot say alone (they need the build day or the topics). */
  fileProblems?(file: string, data: Record<string, unknown>, context: { today: string; strict: boolean; topicSlugs?: string[] }): Problem[];
  /** Rules that need the whole site, such as what its fields point at (for valid published files). */
  siteProblems?(file: string, data: Record<string, unknown>, context: { urls: SiteUrls; heldBack: ReadonlyMap<string, string> }): Problem[];
  /** The field that says when the item last changed, for the sitemap, newest first. */
  lastmod(data: Record<string, unknown>): string | undefined;
  /** The home page's sitemap date follows every listing's (it shows what they list). */
  followsListings?: boolean;
  /** Its items gathered for layouts: `collections[name]` is what `build` returns. */
  collection?: { name: CollectionName; build(items: ContentItem[], context: ListingContext): Collection };
  /** The pages and files the type makes from its collection, and the addresses they take. */
  listings?: {
    /** Addresses the type makes whatever its content, for the reserved-URL rule. */
    reserved: ReadonlyArray<readonly [url: string, description: string]>;
    pages(collection: Collection): ListedPage[];
    /** Every address the listings will have, from the items alone (for the link check). */
    urls(items: ReadonlyArray<{ url: string; data: Record<string, unknown> }>, context: Pick<ListingContext, "topicSlugs">): string[];
  };
  /**
   * Whether an item's page shows other items of its collection that an edit elsewhere can
   * change (a story's newer and older links): the preview re-renders it when this says so.
   */
  showsNeighbours?(url: string, before: Collection, after: Collection): boolean;
  /**
   * The addresses of other types' pages that show this type's items and would change
   * between these two collections (a story's "About the event"): the preview re-renders them.
   */
  showsElsewhere?(before: Collection, after: Collection): string[];
  /** The feed a build must contain when it publishes any item of this type. */
  feedUrl?: string;
  /** Files its listings write that are not pages (an event's calendar file). */
  files?: {
    /**
     * Each kind of file as a site path (`:name` stands for one path segment) and the media
     * type it is served as: the output check allows these, and the hosting files send the type.
     */
    served: ReadonlyArray<{ path: string; contentType: string }>;
    /** The files a build must hold beside each published item's page. */
    beside(url: string): string[];
  };
  /** The Decap collection: a folder collection, or one file. */
  cms: { name: string; label: string; singular: string; folder: string; path?: string; preview: string; summary?: string; sortableFields: string[] } | { name: string; label: string; file: string };
  /** `npm run new -- <name> "Title"`: the front matter of a new file, and where it goes. */
  scaffold?: { folder(today: string): string; frontMatter(title: string, today: string): Record<string, ScaffoldValue> };
}

/**
 * A front-matter value a new file starts with: any value YAML writes and a field takes (text,
 * a number, a flag, a list, a group of fields). src/cli/scaffold.ts checks the whole
 * front matter against the type's schema before it writes the file.
 */
export type ScaffoldValue = string | number | boolean | readonly ScaffoldValue[] | { readonly [field: string]: ScaffoldValue };

/** Keeps a definition's name, schema and collection types (a plain object literal would widen them). */
export function defineContentType<Schema extends z.ZodType, const Name extends string, Collection = never, const CollectionName extends string = never>(
  definition: ContentTypeDefinition<Schema, Collection, Name, CollectionName>,
): ContentTypeDefinition<Schema, Collection, Name, CollectionName> {
  return definition;
}
