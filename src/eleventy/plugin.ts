import path from "node:path";
import { layouts, locate } from "../content-types.ts";
import { londonToday } from "../dates.ts";
import { frontMatterOptions } from "../frontmatter.ts";
import { siteMarkdown } from "../markdown.ts";
import { newsFeeds } from "../feed.ts";
import { buildNewsIndex } from "../news-index.ts";
import { type SharedData, pageWriter, renderNewsPages, searchDocument } from "../news/pages.ts";
import { rememberNews } from "../news/incremental.ts";
import { type Story, loadStories } from "../news/store.ts";
import type { PageData, ServiceEntry, SiteNewsIndex } from "../page-data.ts";
import type { Site, Topic } from "../schema/site.ts";
import type { SitemapPage } from "../sitemap.ts";
import { type BuildOptions, buildOptionsFromEnv } from "../build-options.ts";
import { frontendAssets } from "./assets.ts";
import type { CollectionApi, EleventyConfig } from "./config-api.ts";
import { checkFor, contentBoundary } from "./checked-content.ts";
import { addContentEditor } from "./cms.ts";
import { startSearchIndex } from "./search-index.ts";
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
  const markdown = siteMarkdown(options.pathPrefix, inputDir);
  eleventyConfig.setLibrary("md", markdown);

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

  // Only what the check passed is read, run or published; drafts stay out of production
  // builds entirely (stories are read by src/news/, below).
  contentBoundary(eleventyConfig, options);

  // News stories are not Eleventy templates: src/news/ reads them once and renders every
  // news page through the same layouts (see renderNewsPages for why).
  // Eleventy resolves ignore patterns from the project folder, also for an input folder
  // elsewhere (the tests' and the benchmark's).
  const newsFolder = path
    .relative(process.cwd(), path.join(path.resolve(inputDir), "news"))
    .split(path.sep)
    .join("/");
  eleventyConfig.ignores.add(`${newsFolder}/[0-9][0-9][0-9][0-9]/*.md`);
  let stories: Story[] = [];
  let shared: Omit<SharedData, "collections"> | undefined;
  const collections: Partial<PageData["collections"]> = {};

  eleventyConfig.addCollection("newsIndex", async (api: CollectionApi): Promise<SiteNewsIndex> => {
    const globals = api.getAll()[0]?.data ?? {};
    const topics = (globals.topics ?? []) as Topic[];
    const site = globals.site as Site;
    shared = {
      site,
      topics,
      pathPrefix: options.pathPrefix,
      siteUrl: options.siteUrl ?? "",
      preview: options.preview,
      buildDate: londonToday(options.today).toISODate() ?? "",
      assets: globals.assets as PageData["assets"],
    };
    const newsFiles = (await checkFor(inputDir, options)).files.filter((file) => file.location.type === "news").map((file) => path.resolve(file.file));
    stories = loadStories(path.resolve(inputDir), options, newsFiles);
    const index = buildNewsIndex(
      stories.map((story) => story.entry),
      topics.map((topic) => topic.slug),
    );
    collections.newsIndex = { ...index, feeds: newsFeeds(index, { siteName: site?.name ?? "", topics }) };
    return collections.newsIndex;
  });

  // What the sitemap needs of each published content file, in one pass.
  eleventyConfig.addCollection("sitemapPages", (api: CollectionApi) => {
    const pages = api.getAll().flatMap((item): SitemapPage[] => {
      const type = contentTypeOf(item.inputPath);
      if (!type || !item.url) return [];
      const reviewed = item.data.reviewed;
      return [{ url: item.url, type, lastmod: typeof reviewed === "string" ? reviewed : undefined }];
    });
    const news = stories.map(({ entry }): SitemapPage => ({ url: entry.url, type: "news", lastmod: entry.updated ?? entry.date }));
    collections.sitemapPages = [...pages, ...news];
    return collections.sitemapPages;
  });

  eleventyConfig.addCollection(
    "services",
    (api: CollectionApi) =>
      (collections.services = api
        .getAll()
        .filter((item) => contentTypeOf(item.inputPath) === "service")
        .map((item): ServiceEntry => ({
          url: item.url || "",
          title: String(item.data.title),
          summary: String(item.data.summary),
          order: typeof item.data.order === "number" ? item.data.order : undefined,
        }))
        .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title))),
  );

  addGeneratedPages(eleventyConfig);
  addContentEditor(eleventyConfig, options);
  frontendAssets(eleventyConfig, options.pathPrefix);

  // After Eleventy has written its pages: the news pages, each story handed to Pagefind
  // as it is written, then the rest of the search index.
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as { directories: { output: string } };
    const { newsIndex, services, sitemapPages } = collections;
    if (!shared || !newsIndex || !services || !sitemapPages) throw new Error("the news collections were not built");
    const write = pageWriter(directories.output);
    const search = options.searchIndex ? await startSearchIndex() : undefined;
    try {
      for (const page of renderNewsPages({ ...shared, collections: { newsIndex, services, sitemapPages } }, stories, markdown)) {
        write(page.url, page.html);
        if (search && page.searchable) await search.add(page.url, searchDocument(page.html));
      }
    } catch (error) {
      await search?.abort();
      throw error;
    }
    await search?.finish(directories.output);
    // The preview process re-renders single stories from here (src/news/incremental.ts).
    rememberNews({
      contentDir: path.resolve(inputDir),
      outputDir: directories.output,
      shared: { ...shared, collections: { newsIndex, services, sitemapPages } },
      stories,
      markdown,
      preview: options.preview,
      today: options.today,
    });
  });
}
