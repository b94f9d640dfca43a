import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { EleventyConfig } from "./config-api.ts";

const require = createRequire(import.meta.url);
/** nhsuk-frontend's compiled CSS, JS and images, taken from the installed package at build time. */
export const frontendDist = path.join(path.dirname(require.resolve("nhsuk-frontend/package.json")), "dist", "nhsuk");
const clientDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "client");

interface AfterBuild {
  directories: { output: string };
}

/** The package's CSS asks for `/assets/images/...` at the site root; a path prefix moves them. */
export function rewriteAssetUrls(css: string, pathPrefix: string): string {
  return css.replaceAll("url(/assets/", `url(${pathPrefix}assets/`);
}

export function copyFrontendAssets(eleventyConfig: EleventyConfig, pathPrefix: string): void {
  eleventyConfig.addPassthroughCopy({
    [path.join(frontendDist, "assets", "images")]: "assets/images",
    [path.join(frontendDist, "assets", "manifest.json")]: "assets/manifest.json",
  });
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as AfterBuild;
    const css = await readFile(path.join(frontendDist, "nhsuk-frontend.min.css"), "utf8");
    await mkdir(path.join(directories.output, "assets", "css"), { recursive: true });
    await writeFile(path.join(directories.output, "assets", "css", "nhsuk-frontend.min.css"), rewriteAssetUrls(css, pathPrefix));
  });
}

/** The site's own browser code is TypeScript in src/client, bundled with nhsuk-frontend's JS. */
export function bundleClientScripts(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as AfterBuild;
    await build({
      entryPoints: ["main.ts", "js-enabled.ts", "search.ts"].map((entry) => path.join(clientDir, entry)),
      outdir: path.join(directories.output, "assets", "js"),
      bundle: true,
      format: "esm",
      minify: true,
      target: "es2020",
      legalComments: "none",
      logLevel: "error",
    });
  });
}
