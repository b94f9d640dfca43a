import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";

/**
 * The floor the benchmark compares the build with: read each story with gray-matter,
 * render it with markdown-it and write one HTML file, and nothing else.
 * Usage: node --import tsx src/bench/floor.ts <content> <output>
 */
const [contentDir, outputDir] = process.argv.slice(2) as [string, string];
const md = new MarkdownIt();
const newsDir = path.join(contentDir, "news");
const files = (await readdir(newsDir, { recursive: true })).filter((file) => file.endsWith(".md"));
for (const file of files) {
  const { data, content } = matter(await readFile(path.join(newsDir, file), "utf8"));
  const out = path.join(outputDir, "news", file.replace(/\.md$/, ""), "index.html");
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `<!DOCTYPE html><html lang="en"><head><title>${String(data.title)}</title></head><body><main><h1>${String(data.title)}</h1>${md.render(content)}</main></body></html>`);
}
console.log(`floor: ${files.length} stories`);
