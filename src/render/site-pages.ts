import type { ListedPage } from "../content/definition.ts";
import type { Site } from "../content/schema/site.ts";
import { CONTACT_URL } from "../content/site-urls.ts";

/**
 * The pages the site makes whatever its content, beside what the content types make:
 * search, the 404 page, the content editor, the contact page while site.json has contact
 * details, and the files that are not pages. Each is data for a layout, rendered like
 * every other page (src/render/pages.ts). `contentUrls` are the content items' addresses:
 * content/pages/contact.md, when it exists, is the contact page itself, so it is not made
 * twice.
 */
export function sitePages(site: Site, contentUrls: ReadonlySet<string>): ListedPage[] {
  const file = (url: string, generatedFile: string): ListedPage => ({ url, layout: "generated-file.tsx", data: { generatedFile } });
  return [
    {
      url: "/search/",
      layout: "search.tsx",
      data: { title: "Search", summary: "Search news, events, research studies, services and pages on this website." },
    },
    ...(site.contact && !contentUrls.has(CONTACT_URL) ? [contactPage(site)] : []),
    { url: "/404.html", layout: "404.tsx", data: { title: "Page not found" } },
    { url: "/admin/", layout: "admin.tsx", data: { title: "Content editor" } },
    file("/robots.txt", "robots"),
    file("/_headers", "netlify-headers"),
    file("/staticwebapp.config.json", "azure-config"),
  ];
}

function contactPage(site: Site): ListedPage {
  return {
    url: CONTACT_URL,
    layout: "contact.tsx",
    data: { title: "Contact us", summary: `How to contact the ${site.name} department.` },
  };
}

/** Every layout the site's own pages may use, whether or not this site makes each page. */
export const SITE_PAGE_LAYOUTS: readonly string[] = ["search.tsx", "contact.tsx", "404.tsx", "admin.tsx", "generated-file.tsx"];

/** Site pages in the sitemap that no content date dates, of those this site makes. */
export function undatedSitemapPages(pages: readonly ListedPage[]): string[] {
  return pages.flatMap((page) => (page.url === "/search/" || page.url === CONTACT_URL ? [page.url] : []));
}
