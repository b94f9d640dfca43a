import path from "node:path";
import { parseArgs } from "node:util";
import { type SiteProblem, checkAccessibility, checkLinks, checkPages, checkSiteFiles } from "./built-site.ts";

/**
 * `npm run check:site [-- FOLDER]`: the content gate's last step, after `npm run check` and
 * `npm run build`: checks of the built site (default _site/) that hold for any content
 * (tests/quality/built-site.ts). Prints every problem, one a line, with the built file it
 * is in, and exits 1 if there is any; a content-only pull request passes when this passes.
 */
const { positionals } = parseArgs({ allowPositionals: true });
const dir = path.resolve(positionals[0] ?? "_site");

const steps: Array<[string, (dir: string) => Promise<SiteProblem[]>]> = [
  ["home page, feeds, sitemap, calendars and search index", checkSiteFiles],
  ["every page's HTML, title and heading", checkPages],
  ["every link and asset", checkLinks],
  ["accessibility of one page of each kind, in Chromium", checkAccessibility],
];

let count = 0;
for (const [what, check] of steps) {
  const started = Date.now();
  const problems = await check(dir);
  for (const problem of problems) console.error(`${path.relative(process.cwd(), path.join(dir, problem.file)) || problem.file}: ${problem.message}`);
  count += problems.length;
  console.log(
    `${problems.length ? "✖" : "✔"} ${what}: ${problems.length ? `${problems.length} problem${problems.length === 1 ? "" : "s"}` : "fine"} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
if (count) {
  console.error(`\nThe built site has ${count} problem${count === 1 ? "" : "s"}; the live site was not changed.`);
  process.exitCode = 1;
} else {
  console.log(`The built site in ${path.relative(process.cwd(), dir) || "."} passed every check.`);
}
