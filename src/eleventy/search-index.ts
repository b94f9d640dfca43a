import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** Only these pages can be results: stories, service pages and other pages (and the home page's introduction). */
export const SEARCHABLE_GLOB = "{index.html,news/[0-9][0-9][0-9][0-9]/*/index.html,services/*/index.html,*/index.html}";

/**
 * Builds the Pagefind index into `<output>/pagefind/` from the written site, so the
 * README's build command alone yields working search. Listing, archive and topic pages
 * carry no `data-pagefind-body`, so they are never results. Pagefind reads the files in
 * a stable order, so two builds of the same content write the same index (pages handed
 * to it one by one over its API arrive in whatever order its workers finish).
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
