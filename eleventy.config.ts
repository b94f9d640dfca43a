import "tsx/esm";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "./src/eleventy/config-api.ts";
import { NO_DATA_FOLDER } from "./src/eleventy/checked-content.ts";
import { sitePlugin } from "./src/eleventy/plugin.ts";

const layoutsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "layouts");

/** Wires the site plugin; everything it does lives in src/. */
export default function (eleventyConfig: EleventyConfig): void {
  // Eleventy resolves layouts against the input folder, which tests and the benchmark
  // point elsewhere; the layouts are always this project's.
  eleventyConfig.setLayoutsDirectory(path.relative(eleventyConfig.directories.input, layoutsDir));
  eleventyConfig.addPlugin(sitePlugin);
}

export const config = {
  // The site's data comes from the content check, never from Eleventy's data folder
  // (src/eleventy/checked-content.ts); the only templates in content/ are markdown.
  dir: { input: "content", output: "_site", data: NO_DATA_FOLDER },
  templateFormats: ["md"],
  // Stories are markdown, not templates: `{{` in a story stays as written, and no
  // Liquid pass slows the build.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
