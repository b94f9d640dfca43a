/**
 * Runs Eleventy with the site's config on a content folder as if the check had passed
 * everything in it: every markdown file and every file in images/ and documents/, found by a naive walk,
 * is handed over as checked. This is the build's second line of defence on its own, as a
 * test of what happens if the check ever misses something.
 *
 * Usage: node --import tsx eleventy-unchecked.ts <content> <output> [<content> <output> ...]
 * Prints one JSON line for each: { input, ok, error }.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { checkContent } from "../../src/check/check.ts";
import { locate } from "../../src/content/types.ts";
import { rememberCheck } from "../../src/build/check-handoff.ts";
import { readContentFile } from "../../src/check/frontmatter.ts";
import { ROOT } from "./fixture-site.ts";

async function buildUnchecked(input: string, output: string): Promise<{ ok: boolean; error?: string }> {
  const content = path.resolve(input);
  const real = await checkContent(content, {});
  const everything = readdirSync(content, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory());
  const markdown = everything.map((entry) => path.join(entry.parentPath, entry.name)).filter((file) => file.endsWith(".md"));
  const files = markdown.map((file) => {
    try {
      // What a check that read the file would have left in the parse cache.
      readContentFile(file);
    } catch {
      // A file no parser can read is still "passed" here.
    }
    const located = locate(path.relative(content, file).split(path.sep).join("/"));
    const slug = path.basename(file, ".md");
    const location = located.ok ? located.location : { type: "page" as const, slug, url: `/${slug}/` };
    return { file, location, data: {} };
  });
  const imagesDir = path.join(content, "images");
  const images = everything
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => file.startsWith(imagesDir + path.sep))
    .map((file) => path.relative(imagesDir, file).split(path.sep).join("/"));

  const documentsDir = path.join(content, "documents");
  const documents = everything
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => file.startsWith(documentsDir + path.sep))
    .map((file) => path.relative(documentsDir, file).split(path.sep).join("/"));

  rememberCheck(content, { ...real, problems: [], files, images, documents });
  const eleventy = new Eleventy(content, output, { configPath: path.join(ROOT, "eleventy.config.ts"), quietMode: true, source: "cli" });
  try {
    await eleventy.write();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: String((error as Error).message) };
  }
}

// Pairs of folders, one build each, in one process: a process per attack would take minutes.
const args = process.argv.slice(2);
for (let index = 0; index + 1 < args.length; index += 2) {
  const [input = "", output = ""] = [args[index], args[index + 1]];
  console.log(JSON.stringify({ input, ...(await buildUnchecked(input, output)) }));
}
