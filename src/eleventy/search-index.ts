import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "./config-api.ts";

/** Only these pages can be results: stories, service pages and other pages (and the home page's introduction). */
export const SEARCHABLE_GLOB = "{index.html,news/[0-9][0-9][0-9][0-9]/*/index.html,services/*/index.html,*/index.html}";

/**
 * Builds the Pagefind index into `<output>/pagefind/` after Eleventy has written the
 * site, so the README's build command alone yields working search. Listing, archive and
 * topic pages carry no `data-pagefind-body`, so they are never results.
 */
export async function indexSite(outputDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: outputDir, glob: SEARCHABLE_GLOB });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const pagefindDir = path.join(outputDir, "pagefind");
    const written = await index.writeFiles({ outputPath: pagefindDir });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    // The site has its own search page; Pagefind's ready-made interfaces would only be dead weight.
    for (const file of await readdir(pagefindDir)) {
      if (/^pagefind-(.+-)?ui\.(js|css)$|^pagefind-highlight\.js$/.test(file)) await rm(path.join(pagefindDir, file));
    }
    return { pages: added.page_count };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

export function searchIndexing(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async (...args: unknown[]) => {
    const { directories } = args[0] as { directories: { output: string } };
    await indexSite(directories.output);
  });
}
