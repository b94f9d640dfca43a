import type { ListedPage } from "../content/definition.ts";

/**
 * The pages the site makes whatever its content, beside what the content types make:
 * search, the 404 page, the content editor, and the files that are not pages. Each is
 * data for a layout, rendered like every other page (src/render/pages.ts).
 */
export function sitePages(): ListedPage[] {
  const file = (url: string, generatedFile: string): ListedPage => ({ url, layout: "generated-file.tsx", data: { generatedFile } });
  return [
    {
      url: "/search/",
      layout: "search.tsx",
      data: { title: "Search", summary: "Search news, events, research studies, services and pages on this website." },
    },
    { url: "/404.html", layout: "404.tsx", data: { title: "Page not found" } },
    { url: "/admin/", layout: "admin.tsx", data: { title: "Content editor" } },
    file("/robots.txt", "robots"),
    file("/_headers", "netlify-headers"),
    file("/staticwebapp.config.json", "azure-config"),
  ];
}

/** Site pages in the sitemap that no content date dates. */
export const UNDATED_SITEMAP_PAGES: readonly string[] = ["/search/"];
