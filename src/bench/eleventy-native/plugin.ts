import path from "node:path";
import { londonToday } from "../../content/dates.ts";
import type { ContentItem, ListedPage } from "../../content/definition.ts";
import { definitionOf } from "../../content/types.ts";
import { frontMatterOptions } from "../../check/frontmatter.ts";
import { sitemapEntries } from "../../publish/sitemap.ts";
import { bodyEnv, renderBody, siteMarkdown } from "../../markdown/markdown.ts";
import type { PageData } from "../../render/page-data.ts";
import { type SharedData, buildCollections, layoutsFor, listedPages, loadLayouts, renderLayout } from "../../render/pages.ts";
import { sitePages, undatedSitemapPages } from "../../render/site-pages.ts";
import { loadItems } from "../../render/store.ts";
import { type BuildOptions, buildOptionsFromEnv } from "../../build/build-options.ts";
import { frontendAssets } from "../../eleventy/assets.ts";
import type { EleventyConfig } from "../../eleventy/config-api.ts";
import { forgetCheck } from "../../build/check-handoff.ts";
import { checkFor, contentBoundary } from "../../eleventy/checked-content.ts";
import { addContentEditor } from "../../eleventy/cms.ts";

/**
 * EXPERIMENT (issue 26): the pages made by Eleventy instead of src/render/'s own loop.
 * The check still runs first and is the only source of pages: its items become one global
 * data array (`riPages`), and two virtual templates (no file on disk) paginate over it,
 * one page per entry, each with an Eleventy permalink; the TSX layouts are an Eleventy
 * template language (`ri`) whose compile returns the layout's render. Eleventy reads no
 * content file: markdown stays ignored, as in the real build. Not wired into any command
 * but `src/bench/eleventy-native/build.ts`, which the engine bench runs.
 */
interface Entry {
  url: string;
  layout: string;
  /** A content item, rendered with its body; otherwise a listed page's own data. */
  item?: ContentItem;
  data?: Record<string, unknown>;
}

interface SiteState {
  shared: SharedData;
  entries: Entry[];
}

export function nativePlugin(eleventyConfig: EleventyConfig, userOptions: Partial<BuildOptions> = {}): void {
  const options = { ...buildOptionsFromEnv(), ...userOptions };
  const inputDir = path.resolve(eleventyConfig.directories.input);
  eleventyConfig.setFrontMatterParsingOptions(frontMatterOptions);
  const markdown = siteMarkdown(options.pathPrefix, inputDir);
  eleventyConfig.setLibrary("md", markdown);
  contentBoundary(eleventyConfig, options);
  const input = path.relative(process.cwd(), inputDir).split(path.sep).join("/") || ".";
  eleventyConfig.ignores.add(`${input}/**/*.md`);
  // In a preview (Eleventy's own watch), a saved content file starts Eleventy's rebuild.
  if (options.preview) eleventyConfig.addWatchTarget(`${input}/**/*.md`);
  const assets = frontendAssets(eleventyConfig, options.pathPrefix);
  addContentEditor(eleventyConfig, options);

  // One reading of the checked content per Eleventy run; a watch rebuild checks again.
  let state: Promise<SiteState> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    if (options.preview) forgetCheck(inputDir);
    state = undefined;
  });
  const site = () => (state ??= readSite());
  async function readSite(): Promise<SiteState> {
    const check = await checkFor(inputDir, options);
    if (!check.site) throw new Error("the content check did not read content/_data/site.json");
    const topics = check.topics ?? [];
    const items = loadItems(
      inputDir,
      options,
      check.files.map((file) => path.resolve(file.file)),
    );
    const buildDate = londonToday(options.today).toISODate() ?? "";
    const context = { today: buildDate, topicSlugs: topics.map((topic) => topic.slug), siteName: check.site.name, topics };
    const collections = buildCollections(items, context);
    const shared: SharedData = {
      site: check.site,
      topics,
      pathPrefix: options.pathPrefix,
      siteUrl: options.siteUrl ?? "",
      preview: options.preview,
      buildDate,
      assets: (await assets()).urls,
      collections,
      media: check.media,
      filters: eleventyConfig.getFilters(),
    };
    const listed = listedPages(collections, items);
    await loadLayouts(layoutsFor(listed));
    const own = sitePages(shared.site, new Set(items.map((item) => item.url)));
    const sitemap = sitemapEntries({
      items: items.map((item) => {
        const definition = definitionOf(item.type);
        return { url: item.url, lastmod: definition.lastmod(item.data), followsListings: definition.followsListings };
      }),
      listed: listed.flatMap((page) => (page.sitemap ? [{ url: page.url, lastmod: page.sitemap.lastmod }] : [])),
      undated: undatedSitemapPages(own),
    });
    const others: ListedPage[] = [...listed, ...own, { url: "/sitemap.xml", layout: "generated-file.tsx", data: { generatedFile: "sitemap", sitemap } }];
    const entries: Entry[] = [
      ...items.map((item) => ({ url: item.url, layout: definitionOf(item.type).layout, item })),
      ...others.map((page) => ({ url: page.url, layout: page.layout, data: page.data })),
    ];
    return { shared, entries };
  }

  eleventyConfig.addGlobalData("riContent", async () => (await site()).entries.filter((entry) => entry.item));
  eleventyConfig.addGlobalData("riListed", async () => (await site()).entries.filter((entry) => !entry.item));

  // The layouts as an Eleventy template language: a template's content is nothing, its
  // page's entry (from pagination) says which layout renders it and with what.
  eleventyConfig.addExtension(["ri"], {
    outputFileExtension: "html",
    compile: () => async (data: { entry: Entry; page: { url: string; inputPath: string; fileSlug: string } }) => {
      const { shared } = await site();
      const { entry } = data;
      const page = { url: data.page.url, inputPath: entry.item?.inputPath ?? "", fileSlug: entry.url.split("/").at(-2) ?? "", date: new Date(0) };
      if (!entry.item) return renderLayout(entry.layout, { ...shared, ...entry.data, page, content: "" });
      const { item } = entry;
      const definition = definitionOf(item.type);
      const dated = definition.dated?.embargo ? String(item.data[definition.dated.field]) : undefined;
      return renderLayout(entry.layout, {
        ...shared,
        ...item.data,
        contentType: item.type,
        ...(dated && dated > shared.buildDate ? { embargo: dated } : {}),
        page,
        content: renderBody(markdown, item.source, bodyEnv(definition)),
      } as PageData);
    },
  });
  eleventyConfig.addTemplateFormats("ri");
  const paginated = (data: string) => ({
    pagination: { data, size: 1, alias: "entry", addAllPagesToCollections: true },
    permalink: (pageData: { entry: Entry }) => pageData.entry.url,
    eleventyExcludeFromCollections: false,
  });
  eleventyConfig.addTemplate("ri-content.ri", "", paginated("riContent"));
  eleventyConfig.addTemplate("ri-listed.ri", "", paginated("riListed"));
}
