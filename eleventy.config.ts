import "tsx/esm";
import type { EleventyConfig } from "./src/eleventy/config-api.ts";
import { sitePlugin } from "./src/eleventy/plugin.ts";

/** Wires the site plugin; everything it does lives in src/. */
export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(sitePlugin);
}

export const config = {
  dir: { input: "content", output: "_site", layouts: "../layouts", data: "_data" },
  templateFormats: ["md", "11ty.tsx"],
  // Stories are markdown, not templates: `{{` in a story stays as written, and no
  // Liquid pass slows the build.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
