import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * Every page of a written site, for indexing it from disk alone (the bench's reference row):
 * pages without `data-pagefind-body` (listings, search, the editor) are never results.
 */
export const WHOLE_SITE_GLOB = "**/*.html";

/** Builds the Pagefind index of an already written site, every searchable page from disk. */
export async function indexSite(outputDir: string): Promise<{ pages: number }> {
  return (await startSearchIndex()).finish(outputDir, WHOLE_SITE_GLOB);
}

/** How many pages may wait for Pagefind at once: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 64;

export interface SearchIndexer {
  /** Indexes a page as it is written; Pagefind works on it in its own process meanwhile. */
  add(url: string, html: string): Promise<void>;
  /** Adds the pages on disk that `glob` matches, if given, writes `<output>/pagefind/` and stops Pagefind. */
  finish(outputDir: string, glob?: string): Promise<{ pages: number }>;
  /** Stops Pagefind without writing anything, when the build has failed. */
  abort(): Promise<void>;
}

/**
 * Starts a Pagefind index that takes pages while the build writes them, so Pagefind (a
 * process of its own) indexes on the second core as the site is rendered. The README's
 * build command alone yields working search; listing, archive and topic pages carry no
 * `data-pagefind-body`, so they are never results. Pagefind 1.4
 * writes the same index whatever order its workers finish in (the determinism test
 * checks this).
 */
export async function startSearchIndex(): Promise<SearchIndexer> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const pending = new Set<Promise<void>>();
  const failures: string[] = [];
  let added = 0;
  return {
    async add(url, html) {
      const job: Promise<void> = index.addHTMLFile({ url, content: html }).then((result) => {
        pending.delete(job);
        if (result.errors.length) failures.push(`${url}: ${result.errors.join("; ")}`);
        else added++;
      });
      pending.add(job);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    },
    async finish(outputDir, glob) {
      try {
        await Promise.all(pending);
        if (failures.length) throw new Error(`Pagefind could not index ${failures.join("\n")}`);
        const fromDisk = glob ? await index.addDirectory({ path: outputDir, glob }) : { errors: [], page_count: 0 };
        if (fromDisk.errors.length) throw new Error(`Pagefind could not index the site: ${fromDisk.errors.join("; ")}`);
        const pagefindDir = path.join(outputDir, "pagefind");
        const written = await index.writeFiles({ outputPath: pagefindDir });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
        // The site has its own search page; Pagefind's ready-made interfaces would only be dead weight.
        for (const file of await readdir(pagefindDir)) {
          if (/^pagefind-(.+-)?ui\.(js|css)$|^pagefind-highlight\.js$/.test(file)) await rm(path.join(pagefindDir, file));
        }
        return { pages: added + fromDisk.page_count };
      } finally {
        await index.deleteIndex();
        await pagefind.close();
      }
    },
    async abort() {
      await Promise.allSettled(pending);
      await index.deleteIndex();
      await pagefind.close();
    },
  };
}
