import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import yaml from "js-yaml";
import type { BuildOptions } from "../build/build-options.ts";
import { ADMIN_SCRIPT } from "../cms/admin-page.ts";
import { cmsBackendFromEnv, cmsConfig } from "../cms/config.ts";
import { siteSchema, topicsSchema } from "../content/schema/site.ts";
import type { EleventyConfig } from "./config-api.ts";
import { verifiedDecapFiles } from "./decap-bundle.ts";

const adminSource = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "client", "admin.ts");

interface AfterBuild {
  directories: { output: string };
}

/**
 * The content editor at /admin/: a page that loads Decap from the site itself (never a
 * CDN), Decap's files from vendor/decap-cms/ once each matches its recorded SHA-512, the
 * site's own editor script, and config.yml made from the content schemas and the topics.
 * The page is kept out of collections, so out of listings and the sitemap. A preview
 * build's config also offers Decap's local backend (`npm run cms`).
 */
export function addContentEditor(eleventyConfig: EleventyConfig, options: Pick<BuildOptions, "preview" | "pathPrefix">): void {
  const inputDir = eleventyConfig.directories.input;
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as AfterBuild;
    const admin = path.join(directories.output, "admin");
    await mkdir(admin, { recursive: true });
    await Promise.all((await verifiedDecapFiles()).map(({ name, data }) => writeFile(path.join(admin, name), data)));
    await build({
      entryPoints: [adminSource],
      outfile: path.join(admin, ADMIN_SCRIPT),
      bundle: true,
      format: "iife",
      minify: true,
      target: "es2020",
      legalComments: "none",
      logLevel: "error",
    });
    const readData = async (name: string) => JSON.parse(await readFile(path.join(inputDir, "_data", name), "utf8")) as unknown;
    const backend = { ...cmsBackendFromEnv(), local: options.preview };
    const config = cmsConfig(siteSchema.parse(await readData("site.json")), topicsSchema.parse(await readData("topics.json")), backend, options.pathPrefix);
    const header = "# Made by the build from the content types in src/content/ and content/_data/topics.json: edit those, not this file.\n";
    await writeFile(path.join(admin, "config.yml"), header + yaml.dump(config, { lineWidth: -1, noRefs: true }));
  });
}
