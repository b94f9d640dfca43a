import { renderAtomFeed } from "../src/publish/feed.ts";
import { headersFile, staticWebAppConfig } from "../src/publish/hosting-files.ts";
import { HEADER_RULES } from "../src/publish/http-headers.ts";
import type { GeneratedFileData } from "../src/render/page-data.ts";
import { renderRobots, renderSitemap } from "../src/publish/sitemap.ts";
import { absolute, organisationName } from "./components/links.ts";

/** The files that are not pages. Each is text made by a function in src/, not markup. */
export function render(data: GeneratedFileData): string {
  const toAbsolute = (url: string) => absolute(data, url);
  switch (data.generatedFile) {
    case "feed":
      if (!data.feed) throw new Error("a feed page needs its feed");
      return renderAtomFeed(data.feed, {
        absolute: toAbsolute,
        author: `${data.site.name}, ${organisationName(data)}`,
        siteName: data.site.name,
        language: data.site.language ?? "en-GB",
        topics: data.topics,
      });
    case "sitemap":
      if (!data.sitemap) throw new Error("the sitemap page needs its entries");
      return renderSitemap(data.sitemap, toAbsolute);
    case "robots":
      return renderRobots(data.pathPrefix, toAbsolute("/sitemap.xml"));
    case "netlify-headers":
      return headersFile(HEADER_RULES, data.pathPrefix);
    case "azure-config":
      return `${JSON.stringify(staticWebAppConfig(HEADER_RULES, data.pathPrefix), null, 2)}\n`;
  }
}
