import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "../bench/corpus.ts";
import { firstQueryBytes } from "../bench/first-query.ts";
import { measureWatchEdit } from "../bench/watch-edit.ts";
import { type Measurement, folderBytes, htmlPages, measure } from "../bench/measure.ts";
import { pageWeight } from "../bench/weight.ts";

/**
 * `npm run bench [-- --stories N] [--runs R] [--dir D]`: builds a generated corpus with the
 * real config, layouts, checks and search index, and the floor (gray-matter + markdown-it
 * + one file per story) on the same files, and prints the figures. Nothing is left in the repo.
 *
 * The work folder is in memory (/dev/shm) where there is one: on this kind of VM, disk
 * writes made the same step vary by a factor of three from run to run, which drowned the
 * differences the benchmark is for. `--dir` measures on another disk.
 */
const { values } = parseArgs({
  options: {
    stories: { type: "string" },
    runs: { type: "string", default: "3" },
    dir: { type: "string" },
    keep: { type: "boolean", default: false },
    "watch-edit": { type: "boolean", default: false },
    images: { type: "boolean", default: false },
  },
});
const stories = Number(values.stories ?? (values["watch-edit"] ? 5000 : values.images ? 1000 : 10000));
const runs = Math.max(1, Number(values.runs));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const workParent = values.dir ?? (existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
const work = await mkdtemp(path.join(workParent, "ri-bench-"));
const env = { RI_BUILD_DATE: "2026-11-24", RI_PREVIEW: "0" };
const node = (script: string, args: string[], extra: Record<string, string> = {}) =>
  measure(process.execPath, ["--import", "tsx", path.join(root, script), ...args], { ...env, ...extra });

function ok(step: string, result: Measurement): Measurement {
  if (result.code !== 0) throw new Error(`${step} failed:\n${result.output.slice(-3000)}`);
  return result;
}

/** A step's runs, each into a fresh output folder; the table shows their median. */
interface Step {
  name: string;
  runs: Measurement[];
  pages: number;
}

async function repeat(name: string, times: number, run: (attempt: number) => Promise<Measurement>): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (let attempt = 0; attempt < times; attempt++) results.push(ok(name, await run(attempt)));
  return results;
}

/** The address of the corpus's first story, which has a lead image in an image bench. */
async function newestStory(content: string): Promise<string | undefined> {
  const { readdir } = await import("node:fs/promises");
  for (const year of (await readdir(path.join(content, "news"))).sort().reverse()) {
    if ((await readdir(path.join(content, "news", year))).includes("story-0.md")) return `/news/${year}/story-0/`;
  }
  return undefined;
}

const median = (numbers: number[]) => {
  const sorted = numbers.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const seconds = (step: Step) => median(step.runs.map((run) => run.seconds));
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const KB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

try {
  console.log(`Writing ${stories} stories to ${work} ...`);
  const content = await writeCorpus(work, path.join(root, "content"), { stories, images: values.images });
  if (values.images) {
    // Every story has its own lead image: the first build resizes them all, the second takes them from the cache.
    const cache = path.join(work, "image-cache");
    const imageEnv = { RI_IMAGE_CACHE: cache, RI_SEARCH_INDEX: "0" };
    const check = ok("check", await node("src/cli/check.ts", [content]));
    const cold = ok("first build", await node("src/cli/build.ts", ["--input", content, "--output", path.join(work, "cold")], imageEnv));
    const warm = ok("second build", await node("src/cli/build.ts", ["--input", content, "--output", path.join(work, "warm")], imageEnv));
    const same = await folderBytes(path.join(work, "cold")).then(async (bytes) => bytes === (await folderBytes(path.join(work, "warm"))));
    console.log(`\n${stories} stories with ${stories} images on ${process.platform} ${process.arch}, ${cpus().length} cores, Node ${process.version}`);
    console.log(`check (reads every image's size):        ${check.seconds.toFixed(2)} s, ${check.peakMiB.toFixed(0)} MiB`);
    console.log(`first build (resizes every image):       ${cold.seconds.toFixed(2)} s, ${cold.peakMiB.toFixed(0)} MiB`);
    console.log(`second build (image cache reused):       ${warm.seconds.toFixed(2)} s, ${warm.peakMiB.toFixed(0)} MiB`);
    console.log(
      `image processing: ${(cold.seconds - warm.seconds).toFixed(2)} s, ${(((cold.seconds - warm.seconds) / stories) * 1000).toFixed(0)} ms an image`,
    );
    console.log(`both builds the same size: ${same ? "yes" : "NO"}; image cache ${MiB(await folderBytes(cache))}`);
    console.log("\npage weight on a first visit (gzip HTML, CSS and JS; images not lazy-loaded, as AVIF for a 390 px phone at 2x):");
    const newest = (await htmlPages(path.join(work, "warm"))) > 0 ? await newestStory(content) : undefined;
    for (const [type, url] of Object.entries({ home: "/", "news listing": "/news/", ...(newest ? { "story with lead image": newest } : {}) })) {
      const weight = await pageWeight(path.join(work, "warm"), url);
      console.log(
        `  ${type.padEnd(22)} ${KB(weight.total).padStart(9)} (HTML ${KB(weight.html)}, CSS and JS ${KB(weight.assets)}, images ${KB(weight.images)})`,
      );
    }
  } else if (values["watch-edit"]) {
    const edit = await measureWatchEdit(root, content, 8000 + Math.floor(Math.random() * 1000));
    const update = /Story updated in (\d+) ms \((\d+) pages? written\)/.exec(edit.log);
    console.log(`\nnpm start on ${stories} stories: first preview build ${edit.firstBuildSeconds.toFixed(1)} s`);
    console.log(
      `saving one story shows the change in ${(edit.seconds * 1000).toFixed(0)} ms (target 500 ms)${update ? `; the worker re-rendered ${update[2]} pages in ${update[1]} ms` : ""}`,
    );
  } else {
    const out = (name: string, attempt: number) => path.join(work, `${name}-${attempt}`);
    const check = await repeat("check", runs, () => node("src/cli/check.ts", [content]));
    const floor = await repeat("floor", runs, (attempt) => node("src/bench/floor.ts", [content, out("floor", attempt)]));
    const site = await repeat("site build", runs, (attempt) =>
      node("src/cli/build.ts", ["--input", content, "--output", out("site", attempt)], { RI_SEARCH_INDEX: "0" }),
    );
    const siteOnly = out("site", 0);
    const index = await repeat("search index", 1, () => node("src/bench/index-only.ts", [siteOnly]));
    const pagefindCli = await repeat("Pagefind CLI", 1, () =>
      measure(path.join(root, "node_modules", ".bin", "pagefind"), ["--site", out("floor", 0), "--force-language", "en", "--quiet"]),
    );
    const whole = path.join(work, "_site");
    const build = await repeat("whole build", 1, () => node("src/cli/build.ts", ["--input", content, "--output", whole]));

    const pages = await htmlPages(siteOnly);
    const indexed = Number(/indexed (\d+) pages/.exec(index[0]?.output ?? "")?.[1] ?? 0);
    const steps: Step[] = [
      { name: "check (npm run check)", runs: check, pages: stories },
      { name: "floor (gray-matter + markdown-it)", runs: floor, pages: stories },
      { name: "site build, no search (npm run build)", runs: site, pages },
      { name: "search index (Pagefind, from disk)", runs: index, pages: indexed },
      { name: "whole build (npm run build)", runs: build, pages },
      { name: "reference: Pagefind CLI over the floor", runs: pagefindCli, pages: stories },
    ];
    console.log(`\n${stories} stories on ${process.platform} ${process.arch}, ${cpus().length} cores, Node ${process.version}; work folder ${workParent}`);
    console.log(`median of ${runs} run${runs === 1 ? "" : "s"} for the first three steps (range in brackets), one run of the others\n`);
    console.log(`${"step".padEnd(42)} ${"wall".padStart(8)} ${"".padEnd(12)} ${"peak RSS".padStart(8)} ${"pages/s".padStart(10)}`);
    for (const step of steps) {
      const times = step.runs.map((run) => run.seconds);
      const range = times.length > 1 ? `(${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)})` : "";
      const peak = Math.max(...step.runs.map((run) => run.peakMiB));
      console.log(
        `${step.name.padEnd(42)} ${`${seconds(step).toFixed(2)} s`.padStart(8)} ${range.padEnd(12)} ${`${peak.toFixed(0)} MiB`.padStart(8)} ${String(Math.round(step.pages / seconds(step))).padStart(10)}`,
      );
    }
    const floorSeconds = seconds(steps[1] as Step);
    console.log(`\nsite build / floor:  ${(seconds(steps[2] as Step) / floorSeconds).toFixed(2)}x (target 1.7x)`);
    console.log(`whole build / floor: ${(seconds(steps[4] as Step) / floorSeconds).toFixed(2)}x (target 2.5x)`);
    console.log(`Pagefind CLI alone / floor: ${(seconds(steps[5] as Step) / floorSeconds).toFixed(2)}x (the search index's own cost on this machine)`);
    console.log(`pages written: ${pages}; pages indexed: ${indexed}`);
    console.log(`search index size: ${MiB(await folderBytes(path.join(whole, "pagefind")))}`);
    const query = await firstQueryBytes(whole, "research");
    console.log(
      "skipped" in query ? `first query: not measured (${query.skipped})` : `first query "research": ${KB(query.bytes)} in ${query.requests} requests`,
    );
    console.log(`output size: ${MiB(await folderBytes(whole))}`);
    console.log("\npage weight on a first visit (gzip; HTML + the site's CSS and JS, and any image not lazy-loaded):");
    for (const [type, url] of Object.entries({
      home: "/",
      "news listing": "/news/",
      story: "/news/2024/lancet-commission-on-self-harm/",
      service: "/services/taking-part-in-research/",
      search: "/search/",
    })) {
      const weight = await pageWeight(whole, url);
      console.log(
        `  ${type.padEnd(14)} ${KB(weight.total).padStart(9)} (HTML ${KB(weight.html)}, CSS and JS ${KB(weight.assets)}; render-blocking scripts: ${weight.blockingScripts})`,
      );
    }
  }
} finally {
  if (values.keep) console.log(`\nkept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
