import { nearMatch } from "./suggest.ts";

/** Pages the site makes itself, whatever the content (each type's listings come from its definition). */
export const GENERATED_URLS: readonly string[] = ["/", "/search/", "/sitemap.xml", "/robots.txt", "/404.html"];

/**
 * The contact page: made from site.json's `contact` (with content/pages/contact.md's words
 * when that file exists), and only while site.json has contact details.
 */
export const CONTACT_URL = "/contact/";

/** Folders whose files the build copies or makes: any path inside them is taken to exist. */
export const GENERATED_FOLDERS: readonly string[] = ["/assets/", "/pagefind/"];

/** Editors' images: `content/images/<name>` is published at `/images/<name>`. */
export const IMAGES_FOLDER = "images";
export const IMAGES_URL = `/${IMAGES_FOLDER}/`;

/** Editors' documents: `content/documents/<name>` is published at `/documents/<name>`. */
export const DOCUMENTS_FOLDER = "documents";
export const DOCUMENTS_URL = `/${DOCUMENTS_FOLDER}/`;

export interface SiteUrlsInput {
  /** The URL of every content file in this build. */
  pages: Iterable<string>;
  /** The URL of every listing, archive and index page the content types make. */
  listings: Iterable<string>;
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
 * check can tell a broken internal link without building. The listings come from the
 * same definitions the build renders them with.
 */
export function siteUrls(input: SiteUrlsInput): SiteUrls {
  const pages = new Set<string>([...GENERATED_URLS, ...input.pages, ...input.listings]);
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
