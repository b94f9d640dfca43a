import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { startSearchIndex } from "../eleventy/search-index.ts";
import { searchDocument } from "../render/pages.ts";

/**
 * Builds only the search index of an already built site, as the build does: each page
 * that is a search result (it has `data-pagefind-body`) handed over as its search
 * document, then Pagefind's indexer over them. Usage: index-only.ts <output>
 */
const [output] = process.argv.slice(2) as [string];
const search = startSearchIndex(output);
for (const entry of readdirSync(output, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name !== "index.html") continue;
  const html = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
  if (!html.includes("data-pagefind-body")) continue;
  const folder = path.relative(output, entry.parentPath).split(path.sep).join("/");
  search.add(folder ? `/${folder}/` : "/", searchDocument(html));
}
const { pages } = await search.finish();
console.log(`indexed ${pages} pages`);
