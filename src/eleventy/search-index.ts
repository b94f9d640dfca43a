import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { deleteFolderInBackground } from "../build/build-cleanup.ts";
import { pageWriter } from "../render/pages.ts";

/**
 * Every page of a written site, for indexing it from disk alone (the bench's reference row):
 * pages without `data-pagefind-body` (listings, search, the editor) are never results.
 */
export const WHOLE_SITE_GLOB = "**/*.html";

/**
 * The indexer binary Pagefind's npm package installs for this platform (its own
 * `pagefind` command runs the same file through a Node wrapper).
 */
function pagefindBinary(): string {
  const fromPagefind = createRequire(import.meta.resolve("pagefind"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const names = ["pagefind_extended", "pagefind"].map((name) => `@pagefind/${platform}-${process.arch}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
  for (const name of names) {
    try {
      return fromPagefind.resolve(name);
    } catch {
      // Not installed under this name: try the next.
    }
  }
  throw new Error(`Pagefind has no indexer installed for ${platform}-${process.arch} (looked for ${names.join(", ")}): run npm ci again`);
}

/**
 * Runs Pagefind's indexer over `site` and writes the index to `outputPath`. Only the
 * arguments given here configure it: no configuration file is read (the working folder
 * is `site`, which holds only pages) and no PAGEFIND_* variable of the environment.
 */
async function runPagefind(site: string, outputPath: string, glob?: string): Promise<number> {
  const args = ["--site", site, "--output-path", outputPath, "--force-language", "en", ...(glob ? ["--glob", glob] : [])];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith("PAGEFIND_")));
  const child = spawn(pagefindBinary(), args, { cwd: site, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exit) => resolve(exit ?? 1));
  });
  if (code !== 0) throw new Error(`Pagefind could not build the search index (exit ${code}):\n${output.trim().split("\n").slice(-20).join("\n")}`);
  const indexed = /Indexed (\d+) pages?/.exec(output);
  if (!indexed) throw new Error(`Pagefind did not say how many pages it indexed:\n${output.trim().split("\n").slice(-20).join("\n")}`);
  // The site has its own search page; Pagefind's ready-made interfaces would only be dead weight.
  for (const file of await readdir(outputPath)) {
    if (/^pagefind-(.+-)?ui\.(js|css)$|^pagefind-highlight\.js$/.test(file)) await rm(path.join(outputPath, file));
  }
  return Number(indexed[1]);
}

/** Builds the Pagefind index of an already written site, every searchable page from disk. */
export async function indexSite(outputDir: string): Promise<{ pages: number }> {
  return { pages: await runPagefind(outputDir, path.join(outputDir, "pagefind"), WHOLE_SITE_GLOB) };
}

export interface SearchIndexer {
  /** Keeps a page's searchable document for the index. */
  add(url: string, html: string): void;
  /** Indexes every page added, writes `<output>/pagefind/` and removes the documents. */
  finish(outputDir: string): Promise<{ pages: number }>;
  /** Removes the documents without indexing them, when the build has failed. */
  abort(): void;
}

/**
 * Collects each searchable page's document (`searchDocument`: its `data-pagefind-body`
 * element alone) in a temporary folder as the site is rendered, then runs Pagefind's
 * indexer over them once. The indexer reads and parses pages on every core, where
 * Pagefind's Node API hands them one at a time to a service that parses them one after
 * another (its service loop has no concurrency): at 3,000 stories the API spent about
 * twice as long. The documents are the same ones the API was given, so the index is too;
 * Pagefind 1.6 writes the same index whatever order it reads them in (the determinism
 * test checks this).
 */
export function startSearchIndex(): SearchIndexer {
  const documents = mkdtempSync(path.join(tmpdir(), "ri-search-"));
  const write = pageWriter(documents);
  let added = 0;
  return {
    add(url, html) {
      write(url, html);
      added++;
    },
    async finish(outputDir) {
      try {
        const pages = await runPagefind(documents, path.join(outputDir, "pagefind"));
        if (pages !== added) throw new Error(`Pagefind indexed ${pages} of the site's ${added} searchable pages`);
        return { pages };
      } finally {
        deleteFolderInBackground(documents);
      }
    },
    abort() {
      deleteFolderInBackground(documents);
    },
  };
}
