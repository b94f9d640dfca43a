import type { Feed } from "../publish/feed.ts";
import type { EleventyConfig } from "./config-api.ts";

/**
 * Pages the site makes from its content rather than from a content file: the services
 * index, search and the 404 page (src/news/ renders the news listing and archives), and the files
 * that are not pages (feeds, sitemap, robots.txt, hosting headers). Each is a virtual
 * template that only sets its data; a layout renders it.
 */
export function addGeneratedPages(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTemplate("_generated/services.md", "", {
    layout: "services.11ty.tsx",
    title: "Services",
    summary: "The research services the Research and Innovation Department provides to the Trust.",
    permalink: "/services/",
  });
  eleventyConfig.addTemplate("_generated/search.md", "", {
    layout: "search.11ty.tsx",
    title: "Search",
    summary: "Search news, services and pages on this website.",
    permalink: "/search/",
  });
  eleventyConfig.addTemplate("_generated/404.md", "", {
    layout: "404.11ty.tsx",
    title: "Page not found",
    permalink: "/404.html",
  });

  const file = (name: string, permalink: unknown, data: Record<string, unknown>) =>
    eleventyConfig.addTemplate(`_generated/${name}.md`, "", {
      layout: "generated-file.11ty.tsx",
      eleventyExcludeFromCollections: true,
      permalink,
      ...data,
    });
  file("feeds", (data: { feed: Feed }) => data.feed.url, {
    generatedFile: "feed",
    pagination: { data: "collections.newsIndex.feeds", size: 1, alias: "feed" },
  });
  file("sitemap", "/sitemap.xml", { generatedFile: "sitemap" });
  file("robots", "/robots.txt", { generatedFile: "robots" });
  file("netlify-headers", "/_headers", { generatedFile: "netlify-headers" });
  file("azure-config", "/staticwebapp.config.json", { generatedFile: "azure-config" });
}
