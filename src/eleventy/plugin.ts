import path from "node:path";
import { londonToday } from "../content/dates.ts";
import { frontMatterOptions } from "../check/frontmatter.ts";
import { siteMarkdown } from "../markdown/markdown.ts";
import { applyTransforms } from "../render/extensions.ts";
import { rememberSite } from "../render/incremental.ts";
import {
  type SharedData,
  buildCollections,
  layoutsFor,
  listedPages,
  loadLayouts,
  outputFile,
  pageWriter,
  renderSite,
  searchDocument,
} from "../render/pages.ts";
import { loadItems } from "../render/store.ts";
import { type BuildOptions, buildOptionsFromEnv } from "../build/build-options.ts";
import { frontendAssets } from "./assets.ts";
import type { EleventyConfig } from "./config-api.ts";
import { checkFor, contentBoundary } from "./checked-content.ts";
import { addContentEditor } from "./cms.ts";
import { startSearchIndex } from "./search-index.ts";

export type SitePluginOptions = BuildOptions;

/**
 * Everything that turns the content folder into the R&I site, as one Eleventy plugin
 * so that the config file only wires it up.
 *
 * Eleventy hosts the build (its configuration, asset copying, the build events) but
 * renders no templates: every page comes from src/render/, from the files the check
 * passed, through the layouts. One rendering path for every page keeps a 10,000-story
 * build near the cost of reading the files (Eleventy's own pipeline spent most of a
 * build on its data cascade for each story), and means the build reads no markdown the
 * check did not read.
 */
export function sitePlugin(eleventyConfig: EleventyConfig, userOptions: Partial<SitePluginOptions> = {}): void {
  const options = { ...buildOptionsFromEnv(), ...userOptions };
  const inputDir = path.resolve(eleventyConfig.directories.input);

  eleventyConfig.setFrontMatterParsingOptions(frontMatterOptions);
  const markdown = siteMarkdown(options.pathPrefix, inputDir);
  eleventyConfig.setLibrary("md", markdown);

  // Only what the check passed is read, run or published.
  contentBoundary(eleventyConfig, options);
  // No content file is an Eleventy template: src/render/ renders them all.
  const input = path.relative(process.cwd(), inputDir).split(path.sep).join("/") || ".";
  eleventyConfig.ignores.add(`${input}/**/*.md`);

  const assets = frontendAssets(eleventyConfig, options.pathPrefix);
  addContentEditor(eleventyConfig, options);

  // Every page, each content page handed to Pagefind as it is written, then the search
  // index: before Eleventy's own work, which is only copying, so that a failure here stops
  // the run before any other step writes into the output, and the steps after the build
  // (assets, images, the CMS files) find every page in place.
  eleventyConfig.on("eleventy.before", async (...args: unknown[]) => {
    const { directories } = args[0] as { directories: { output: string } };
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
      // Read now, when eleventy.config.ts has added all of its own.
      filters: eleventyConfig.getFilters(),
    };
    const transforms = new Map(Object.entries(eleventyConfig.transforms));
    await loadLayouts(layoutsFor(listedPages(collections, items)));
    const write = pageWriter(directories.output);
    const search = options.searchIndex ? startSearchIndex(directories.output) : undefined;
    try {
      for (const page of renderSite(shared, items, markdown)) {
        // renderSite gives every content page before any listing: Pagefind can start on
        // the first page that is not a result, and index while the rest are rendered.
        const html = await applyTransforms(transforms, page.html, {
          url: page.url,
          inputPath: page.inputPath,
          outputPath: outputFile(directories.output, page.url),
        });
        if (page.searchable) search?.add(page.url, searchDocument(html));
        else search?.start();
        write(page.url, html);
      }
      await search?.finish();
    } catch (error) {
      await search?.abort();
      throw error;
    }
    // The preview process re-renders what one edited file changes from here (src/render/incremental.ts).
    rememberSite({
      contentDir: inputDir,
      outputDir: directories.output,
      shared,
      transforms,
      items,
      markdown,
      preview: options.preview,
      today: options.today,
      context,
    });
  });
}
