import "tsx/esm";
import type { EleventyConfig } from "../../eleventy/config-api.ts";
import { NO_DATA_FOLDER } from "../../eleventy/checked-content.ts";
import { nativePlugin } from "./plugin.ts";

/** EXPERIMENT (issue 26): the root eleventy.config.ts with the Eleventy-native pages (plugin.ts). */
export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(nativePlugin);
}

export const config = {
  dir: { input: "content", output: "_site", data: NO_DATA_FOLDER },
  templateFormats: ["md"],
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
