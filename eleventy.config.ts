import "tsx/esm";
import type { EleventyConfig } from "./src/eleventy/config-api.ts";
import { NO_DATA_FOLDER } from "./src/eleventy/checked-content.ts";
import { sitePlugin } from "./src/eleventy/plugin.ts";

/** Wires the site plugin; everything it does lives in src/. */
export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(sitePlugin);
}

export const config = {
  // The site's data comes from the content check, never from Eleventy's data folder
  // (src/eleventy/checked-content.ts); content/ holds no templates (src/render/ makes every page).
  dir: { input: "content", output: "_site", data: NO_DATA_FOLDER },
  templateFormats: ["md"],
  // Stories are markdown, not templates: `{{` in a story stays as written, and no
  // Liquid pass slows the build.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
