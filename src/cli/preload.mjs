import process from "node:process";
import path from "node:path";

/**
 * Loads the packages a command uses before tsx's loader is registered (`--import tsx`
 * comes after this file in package.json's scripts), so that their modules load natively:
 * through tsx's hooks every module costs a round trip to the loader's thread, and these
 * packages are some 600 modules of plain JavaScript (a tenth of a second and more of every
 * check and build). The project's own TypeScript still goes through tsx, and finds these
 * already loaded. Plain JavaScript, because tsx is not registered yet.
 */
const CONTENT = [
  "zod",
  "markdown-it",
  "markdown-it-anchor",
  "markdown-it-container",
  "luxon",
  "gray-matter",
  "js-yaml",
  "fast-xml-parser",
  "ical-generator",
  "@sindresorhus/slugify",
];
const SITE = [...CONTENT, "@11ty/eleventy", "esbuild"];
const PACKAGES = { "check.ts": CONTENT, "build.ts": SITE, "preview-worker.ts": SITE };

const command = path.basename(process.argv[1] ?? "");
await Promise.all((PACKAGES[command] ?? []).map((name) => import(name)));
