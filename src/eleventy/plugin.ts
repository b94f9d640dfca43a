import path from "node:path";
import { layouts, locate } from "../content-types.ts";
import { isoDate, londonToday, parseCalendarDate } from "../dates.ts";
import { frontMatterOptions } from "../frontmatter.ts";
import { createMarkdown } from "../markdown.ts";
import { newsFeeds } from "../feed.ts";
import { buildNewsIndex, toNewsEntry } from "../news-index.ts";
import type { ServiceEntry, SiteNewsIndex } from "../page-data.ts";
import type { Site, Topic } from "../schema/site.ts";
import { IMAGES_FOLDER } from "../site-urls.ts";
import type { SitemapPage } from "../sitemap.ts";
import { type BuildOptions, buildOptionsFromEnv } from "../build-options.ts";
import { frontendAssets } from "./assets.ts";
import type { CollectionApi, EleventyConfig } from "./config-api.ts";
import { addContentEditor } from "./cms.ts";
import { searchIndexing } from "./search-index.ts";
import { tsxExtension } from "./tsx-extension.ts";
import { addGeneratedPages } from "./generated-pages.ts";

export type SitePluginOptions = BuildOptions;

/**
 * Everything that turns the content folder into the R&I site, as one Eleventy plugin
 * so that the config file only wires it up.
 */
export function sitePlugin(eleventyConfig: EleventyConfig, userOptions: Partial<SitePluginOptions> = {}): void {
  const options = { ...buildOptionsFromEnv(), ...userOptions };
  const inputDir = eleventyConfig.directories.input;
  const locateInput = (inputPath: string) => {
    const located = locate(path.relative(inputDir, inputPath).split(path.sep).join("/"));
    return located.ok ? located.location : undefined;
  };
  const contentTypeOf = (inputPath: string) => locateInput(inputPath)?.type;

  tsxExtension(eleventyConfig);
  eleventyConfig.setFrontMatterParsingOptions(frontMatterOptions);
  eleventyConfig.setLibrary("md", createMarkdown({ pathPrefix: options.pathPrefix }));

  eleventyConfig.addGlobalData("pathPrefix", options.pathPrefix);
  eleventyConfig.addGlobalData("siteUrl", options.siteUrl ?? "");
  eleventyConfig.addGlobalData("preview", options.preview);
  // The London day the build is for: the preview banner says which stories it embargoes.
  eleventyConfig.addGlobalData("buildDate", londonToday(options.today).toISODate());
  eleventyConfig.addGlobalData("eleventyComputed", {
    contentType: (data: { page: { inputPath: string } }) => contentTypeOf(data.page.inputPath),
    layout: (data: { page: { inputPath: string }; layout?: string }) => {
      const type = contentTypeOf(data.page.inputPath);
      return type ? layouts[type] : data.layout;
    },
  });
  // Each content file is published at the URL the content contract gives it (so
  // content/pages/<slug>.md at /<slug>/); generated pages set their own.
  eleventyConfig.addGlobalData("permalink", () => (data: { page: { inputPath: string } }) => {
    const located = locateInput(data.page.inputPath);
    return located ? located.url : undefined;
  });

  // Drafts and stories dated after the build day stay out of production builds entirely.
  const today = londonToday(options.today);
  eleventyConfig.addPreprocessor("held-back", "md", (data) => {
    if (options.preview) return undefined;
    if (data.draft === true) return false;
    const inputPath = (data.page as { inputPath: string }).inputPath;
    const date = typeof data.date === "string" ? parseCalendarDate(data.date) : null;
    if (date && date > today && contentTypeOf(inputPath) === "news") return false;
    return undefined;
  });

  eleventyConfig.addCollection("newsIndex", (api: CollectionApi): SiteNewsIndex => {
    const all = api.getAll();
    const topics = (all[0]?.data.topics ?? []) as Topic[];
    const site = all[0]?.data.site as Site | undefined;
    const stories = all.filter((item) => contentTypeOf(item.inputPath) === "news").map(toNewsEntry);
    const index = buildNewsIndex(stories, topics.map((topic) => topic.slug));
    return { ...index, feeds: newsFeeds(index, { siteName: site?.name ?? "", topics }) };
  });

  // What the sitemap needs of each published content file, in one pass.
  eleventyConfig.addCollection("sitemapPages", (api: CollectionApi) =>
    api.getAll().flatMap((item): SitemapPage[] => {
      const type = contentTypeOf(item.inputPath);
      if (!type || !item.url) return [];
      const { data } = item;
      const day = (value: unknown) => (typeof value === "string" ? value : undefined);
      const lastmod = type === "news" ? (day(data.updated) ?? isoDate(day(data.date) ?? item.date)) : day(data.reviewed);
      return [{ url: item.url, type, lastmod }];
    }),
  );

  eleventyConfig.addCollection("services", (api: CollectionApi) =>
    api
      .getAll()
      .filter((item) => contentTypeOf(item.inputPath) === "service")
      .map(
        (item): ServiceEntry => ({
          url: item.url || "",
          title: String(item.data.title),
          summary: String(item.data.summary),
          order: typeof item.data.order === "number" ? item.data.order : undefined,
        }),
      )
      .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title)),
  );

  // Editors' images: content/images/<name> is published at /images/<name>, as the check expects.
  eleventyConfig.addPassthroughCopy({ [path.join(inputDir, IMAGES_FOLDER)]: IMAGES_FOLDER });

  addGeneratedPages(eleventyConfig);
  addContentEditor(eleventyConfig);
  frontendAssets(eleventyConfig, options.pathPrefix);
  if (options.searchIndex) searchIndexing(eleventyConfig);
}
