import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "../bench/corpus.ts";
import { firstQueryBytes } from "../bench/first-query.ts";
import { measureWatchEdit } from "../bench/watch-edit.ts";
import { type Measurement, folderBytes, htmlPages, measure } from "../bench/measure.ts";
import { pageWeight } from "../bench/weight.ts";

/**
 * `npm run bench [-- --stories N]`: builds a generated corpus with the real config,
 * layouts, checks and search index, and the floor (gray-matter + markdown-it + one file
 * per story) on the same files, and prints the figures. Nothing is left in the repo.
 */
const { values } = parseArgs({
  options: {
    stories: { type: "string" },
    keep: { type: "boolean", default: false },
    "watch-edit": { type: "boolean", default: false },
  },
});
const stories = Number(values.stories ?? (values["watch-edit"] ? 5000 : 10000));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = await mkdtemp(path.join(tmpdir(), "ri-bench-"));
const env = { RI_BUILD_DATE: "2026-11-24", RI_PREVIEW: "0" };
const node = (script: string, args: string[], extra: Record<string, string> = {}) =>
  measure(process.execPath, ["--import", "tsx", path.join(root, script), ...args], { ...env, ...extra });

function ok(step: string, result: Measurement): Measurement {
  if (result.code !== 0) throw new Error(`${step} failed:\n${result.output.slice(-3000)}`);
  return result;
}

const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const KB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

try {
  console.log(`Writing ${stories} stories to ${work} ...`);
  const content = await writeCorpus(work, path.join(root, "content"), { stories });
  if (values["watch-edit"]) {
    const edit = await measureWatchEdit(root, content, 8000 + Math.floor(Math.random() * 1000));
    const update = /Story updated in (\d+) ms \((\d+) pages? written\)/.exec(edit.log);
    console.log(`\nnpm start on ${stories} stories: first preview build ${edit.firstBuildSeconds.toFixed(1)} s`);
    console.log(`saving one story shows the change in ${(edit.seconds * 1000).toFixed(0)} ms (target 500 ms)${update ? `; the worker re-rendered ${update[2]} pages in ${update[1]} ms` : ""}`);
  } else {
    const siteOnly = path.join(work, "site-only");
    const whole = path.join(work, "_site");

    const check = ok("check", await node("src/cli/check.ts", [content]));
    const floor = ok("floor", await node("src/bench/floor.ts", [content, path.join(work, "floor")]));
    const site = ok(
      "site build",
      await node("node_modules/@11ty/eleventy/cmd.cjs", ["--config=eleventy.config.ts", `--input=${content}`, `--output=${siteOnly}`, "--quiet"], {
        RI_SEARCH_INDEX: "0",
      }),
    );
    const index = ok("search index", await node("src/bench/index-only.ts", [siteOnly]));
    const build = ok("whole build", await node("src/cli/build.ts", ["--input", content, "--output", whole]));

    const pages = await htmlPages(siteOnly);
    const indexed = Number(/indexed (\d+) pages/.exec(index.output)?.[1] ?? 0);
    const rows: Array<[string, Measurement, number]> = [
      ["check (npm run check)", check, stories],
      ["floor (gray-matter + markdown-it)", floor, stories],
      ["site build, no search (Eleventy)", site, pages],
      ["search index (Pagefind)", index, indexed],
      ["whole build (npm run build)", build, pages],
    ];
    console.log(`\n${stories} stories on ${process.platform} ${process.arch}, Node ${process.version}\n`);
    console.log("step                                   wall      peak RSS    pages/s");
    for (const [name, m, count] of rows) {
      console.log(`${name.padEnd(38)} ${`${m.seconds.toFixed(2)} s`.padStart(8)} ${`${m.peakMiB.toFixed(0)} MiB`.padStart(11)} ${String(Math.round(count / m.seconds)).padStart(10)}`);
    }
    console.log(`\nsite build / floor:  ${(site.seconds / floor.seconds).toFixed(2)}x (target 1.7x)`);
    console.log(`whole build / floor: ${(build.seconds / floor.seconds).toFixed(2)}x (target 2.5x)`);
    console.log(`pages written: ${pages}; pages indexed: ${indexed}`);
    console.log(`search index size: ${MiB(await folderBytes(path.join(whole, "pagefind")))}`);
    const query = await firstQueryBytes(whole, "research");
    console.log("skipped" in query ? `first query: not measured (${query.skipped})` : `first query "research": ${KB(query.bytes)} in ${query.requests} requests`);
    console.log(`output size: ${MiB(await folderBytes(whole))}`);
    console.log("\npage weight on a first visit (gzip; HTML + the site's CSS and JS):");
    for (const [type, url] of Object.entries({ home: "/", "news listing": "/news/", story: "/news/2024/lancet-commission-on-self-harm/", service: "/services/taking-part-in-research/", search: "/search/" })) {
      const weight = await pageWeight(whole, url);
      console.log(`  ${type.padEnd(14)} ${KB(weight.total).padStart(9)} (HTML ${KB(weight.html)}, CSS and JS ${KB(weight.assets)}; render-blocking scripts: ${weight.blockingScripts})`);
    }
  }
} finally {
  if (values.keep) console.log(`\nkept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
