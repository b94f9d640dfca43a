import { cp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import yaml from "js-yaml";
import { cmsBackendFromEnv, cmsConfig } from "../cms/config.ts";
import { siteSchema, topicsSchema } from "../schema/site.ts";
import type { EleventyConfig } from "./config-api.ts";

const require = createRequire(import.meta.url);
/** Decap CMS's self-contained browser bundle, from the installed npm package (never a CDN). */
export const decapDist = path.join(path.dirname(require.resolve("decap-cms/package.json")), "dist");

/** The bundle and the chunks and WebAssembly it loads from beside itself; not its source maps or its second build. */
export const isDecapFile = (name: string) => /^(\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|\.wasm$/.test(name);

interface AfterBuild {
  directories: { output: string };
}

/**
 * The content editor at /admin/: a page that loads Decap from the site itself, the Decap
 * files copied from node_modules, and config.yml made from the content schemas and the
 * topics. The page is kept out of collections, so out of listings and the sitemap.
 */
export function addContentEditor(eleventyConfig: EleventyConfig): void {
  const inputDir = eleventyConfig.directories.input;
  eleventyConfig.addTemplate("_generated/admin.md", "", {
    layout: "admin.11ty.tsx",
    title: "Content editor",
    permalink: "/admin/index.html",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as AfterBuild;
    const admin = path.join(directories.output, "admin");
    await cp(decapDist, admin, { recursive: true, filter: (source) => source === decapDist || isDecapFile(path.basename(source)) });
    const readData = async (name: string) => JSON.parse(await readFile(path.join(inputDir, "_data", name), "utf8")) as unknown;
    const config = cmsConfig(siteSchema.parse(await readData("site.json")), topicsSchema.parse(await readData("topics.json")), cmsBackendFromEnv());
    const header = "# Made by the build from src/schema/ and content/_data/topics.json: edit those, not this file.\n";
    await writeFile(path.join(admin, "config.yml"), header + yaml.dump(config, { lineWidth: -1, noRefs: true }));
  });
}
