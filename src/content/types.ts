import type { z } from "zod";
import { newsSchema } from "./schema/news.ts";
import { homeSchema, pageSchema } from "./schema/page.ts";
import { serviceSchema } from "./schema/service.ts";
import { isValidSlug, slugify } from "./slug.ts";

export type ContentType = "home" | "news" | "service" | "page";

export const schemas: Record<ContentType, z.ZodType> = {
  home: homeSchema,
  news: newsSchema,
  service: serviceSchema,
  page: pageSchema,
};

/** The layout each content type is rendered with (a file in `layouts/`). */
export const layouts: Record<ContentType, string> = {
  home: "home.11ty.tsx",
  news: "story.11ty.tsx",
  service: "service.11ty.tsx",
  page: "page.11ty.tsx",
};

/**
 * The folders under content/ that hold markdown of one type, and whether their files sit
 * in year folders (content/news/2024/). The content folder's allow-list walks these.
 */
export const CONTENT_FOLDERS: ReadonlyArray<{ folder: string; years: boolean }> = [
  { folder: "news", years: true },
  { folder: "services", years: false },
  { folder: "pages", years: false },
];

export interface ContentLocation {
  type: ContentType;
  slug: string;
  /** The folder year of a news story, which its date must agree with. */
  year?: string;
  /** The site-relative URL, without any path prefix. */
  url: string;
}

export type Located = { ok: true; location: ContentLocation } | { ok: false; problem: string };

/**
 * Works out what a markdown file is from where it sits (paths relative to the content
 * folder, with forward slashes), as the design's content contract lays out.
 */
export function locate(relativePath: string): Located {
  const parts = relativePath.split("/");
  const file = parts.at(-1) ?? "";
  if (!file.endsWith(".md")) return { ok: false, problem: "is not a markdown file" };
  const slug = file.slice(0, -3);
  const badSlug = (): Located => ({
    ok: false,
    problem: `file name "${slug}" is not a valid slug: use lowercase letters, digits and hyphens, such as "${slugify(slug)}.md"`,
  });

  if (relativePath === "index.md") return { ok: true, location: { type: "home", slug: "index", url: "/" } };
  if (parts.length === 3 && parts[0] === "news") {
    const year = parts[1] ?? "";
    if (!/^\d{4}$/.test(year)) return { ok: false, problem: `news stories go in a year folder, such as content/news/2024/${file}` };
    if (!isValidSlug(slug)) return badSlug();
    return { ok: true, location: { type: "news", slug, year, url: `/news/${year}/${slug}/` } };
  }
  if (parts.length === 2 && parts[0] === "services") {
    if (!isValidSlug(slug)) return badSlug();
    return { ok: true, location: { type: "service", slug, url: `/services/${slug}/` } };
  }
  if (parts.length === 2 && parts[0] === "pages") {
    if (!isValidSlug(slug)) return badSlug();
    return { ok: true, location: { type: "page", slug, url: `/${slug}/` } };
  }
  return {
    ok: false,
    problem: "is in a folder the site does not publish: put news in content/news/<year>/, services in content/services/ and other pages in content/pages/",
  };
}

/** URLs the site makes itself; a page with one of these would be overwritten or overwrite it. */
export const RESERVED_URLS: ReadonlyMap<string, string> = new Map([
  ["/news/", "the news listing"],
  ["/services/", "the services index"],
  ["/search/", "the search page"],
  ["/404/", "the page-not-found page"],
  ["/admin/", "the content editor"],
  ["/assets/", "the site's styles and scripts"],
  ["/pagefind/", "the search index"],
  ["/images/", "the folder of editors' images"],
]);
