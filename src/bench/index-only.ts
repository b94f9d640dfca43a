import { indexSite } from "../eleventy/search-index.ts";

/** Builds only the search index of an already built site. Usage: index-only.ts <output> */
const [output] = process.argv.slice(2) as [string];
const { pages } = await indexSite(output);
console.log(`indexed ${pages} pages`);
