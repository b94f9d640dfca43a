import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Measurement, measure } from "./measure.ts";

/**
 * The site users would compare ri-site with: plain Eleventy 3 (the same installed version)
 * with one Nunjucks layout over the same generated stories, then the Pagefind CLI (the
 * version this project locks) over its output, as its documentation says to run it.
 * Eleventy's defaults are kept (markdown goes through Liquid first, tags make collections),
 * because that is what such a site would do.
 */

const CONFIG = `export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "story.njk");
}
export const config = { dir: { input: "src", includes: "_includes" } };
`;

/** A page with a header, navigation, the story as Pagefind's body, and a footer. */
const LAYOUT = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} - Research and Innovation</title>
<meta name="description" content="{{ summary }}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header><a href="/">Research and Innovation</a>
<nav><ul><li><a href="/news/">News</a></li><li><a href="/studies/">Take part in research</a></li><li><a href="/services/">Services</a></li><li><a href="/search/">Search</a></li></ul></nav>
</header>
<main>
<article data-pagefind-body>
<h1>{{ title }}</h1>
<p><time datetime="{{ page.date.toISOString() }}" data-pagefind-sort="date">{{ page.date.toISOString() }}</time></p>
{{ content | safe }}
</article>
</main>
<footer><a href="/accessibility-statement/">Accessibility statement</a></footer>
</body>
</html>
`;

/** Writes the reference project beside the corpus: its config, layout and a copy of the stories. */
export async function writeReference(work: string, content: string): Promise<string> {
  const project = path.join(work, "reference");
  await mkdir(path.join(project, "src", "_includes"), { recursive: true });
  await writeFile(path.join(project, "package.json"), JSON.stringify({ private: true, type: "module" }));
  await writeFile(path.join(project, "eleventy.config.mjs"), CONFIG);
  await writeFile(path.join(project, "src", "_includes", "story.njk"), LAYOUT);
  await cp(path.join(content, "news"), path.join(project, "src", "news"), { recursive: true });
  return project;
}

export interface ReferenceRun {
  eleventy: Measurement;
  pagefind: Measurement;
  /** Both, one after the other, as a deploy runs them. */
  whole: Measurement;
}

/** Builds the reference site into `output` with Eleventy, then indexes it with the Pagefind CLI. */
export async function buildReference(root: string, project: string, output: string): Promise<ReferenceRun> {
  const eleventy = await measure(
    process.execPath,
    [path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=eleventy.config.mjs", `--output=${output}`, "--quiet"],
    {},
    project,
  );
  if (eleventy.code !== 0) return { eleventy, pagefind: eleventy, whole: eleventy };
  const pagefind = await measure(path.join(root, "node_modules", ".bin", "pagefind"), ["--site", output, "--quiet"], {}, project);
  const whole: Measurement = {
    seconds: eleventy.seconds + pagefind.seconds,
    peakMiB: Math.max(eleventy.peakMiB, pagefind.peakMiB),
    code: pagefind.code,
    output: eleventy.output + pagefind.output,
  };
  return { eleventy, pagefind, whole };
}
