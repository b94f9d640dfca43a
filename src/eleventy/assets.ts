import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { EleventyConfig } from "./config-api.ts";
import { IMAGE_CSS } from "../media/responsive.ts";
import type { AssetUrls } from "../render/page-data.ts";

const require = createRequire(import.meta.url);
/** nhsuk-frontend's compiled CSS, JS and images, taken from the installed package at build time. */
export const frontendDist = path.join(path.dirname(require.resolve("nhsuk-frontend/package.json")), "dist", "nhsuk");
const clientDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "client");

/**
 * The site paths (without the path prefix) of the fingerprinted stylesheet and scripts.
 * Their names carry a hash of their content, so hosts may cache them for a year and a
 * deploy never pairs new pages with stale styles.
 */
export interface BuiltAssets {
  urls: AssetUrls;
  /** Output-relative path and contents of every file to write. */
  files: Array<{ path: string; contents: string | Uint8Array }>;
}

interface AfterBuild {
  directories: { output: string };
}

/** The package's CSS asks for `/assets/images/...` at the site root; a path prefix moves them. */
export function rewriteAssetUrls(css: string, pathPrefix: string): string {
  return css.replaceAll("url(/assets/", `url(${pathPrefix}assets/`);
}

/** A short, stable content hash for file names. */
export function contentHash(contents: string | Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex").slice(0, 10);
}

/**
 * nhsuk-frontend's stylesheet with its image URLs under the path prefix. Its source map
 * comment goes: the map describes the unrewritten file and is not published.
 */
async function stylesheet(pathPrefix: string): Promise<BuiltAssets["files"][number]> {
  const css = await readFile(path.join(frontendDist, "nhsuk-frontend.min.css"), "utf8");
  const contents = rewriteAssetUrls(css, pathPrefix).replace(/\n?\/\*# sourceMappingURL=[^*]*\*\/\s*$/, "\n") + IMAGE_CSS;
  return { path: `assets/css/nhsuk-frontend.${contentHash(contents)}.css`, contents };
}

/**
 * The site's own browser code is TypeScript in src/client, bundled with nhsuk-frontend's
 * JS. Each bundle is named by a hash of its own bytes, like the stylesheet.
 */
async function scripts(): Promise<BuiltAssets["files"]> {
  const result = await build({
    entryPoints: ["main.ts", "search.ts"].map((entry) => path.join(clientDir, entry)),
    outdir: clientDir,
    write: false,
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2020",
    legalComments: "none",
    logLevel: "error",
  });
  return result.outputFiles.map((file) => ({
    path: `assets/js/${path.basename(file.path, ".js")}.${contentHash(file.contents)}.js`,
    contents: file.contents,
  }));
}

/** Builds the stylesheet and scripts in memory; nothing here depends on the time or the machine. */
export async function buildAssets(pathPrefix: string): Promise<BuiltAssets> {
  const files = [await stylesheet(pathPrefix), ...(await scripts())];
  const find = (pattern: RegExp) => {
    const file = files.find((f) => pattern.test(f.path));
    if (!file) throw new Error(`asset build made no file matching ${pattern}`);
    return `/${file.path}`;
  };
  return {
    urls: {
      css: find(/^assets\/css\//),
      mainJs: find(/^assets\/js\/main\./),
      searchJs: find(/^assets\/js\/search\./),
    },
    files,
  };
}

/**
 * Copies nhsuk-frontend's images and web manifest, and publishes the fingerprinted
 * stylesheet and scripts. Their names are known before any page renders (global data
 * `assets`), so the layouts link to them directly.
 */
export function frontendAssets(eleventyConfig: EleventyConfig, pathPrefix: string): () => Promise<BuiltAssets> {
  eleventyConfig.addPassthroughCopy({
    [path.join(frontendDist, "assets", "images")]: "assets/images",
    [path.join(frontendDist, "assets", "manifest.json")]: "assets/manifest.json",
  });
  // One asset build per Eleventy run (a watch rebuild picks up changed client code).
  let current: Promise<BuiltAssets> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  const assets = () => (current ??= buildAssets(pathPrefix));
  eleventyConfig.addGlobalData("assets", async () => (await assets()).urls);
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as AfterBuild;
    for (const file of (await assets()).files) {
      const target = path.join(directories.output, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
  });
  return assets;
}
