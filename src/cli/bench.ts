import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "../bench/corpus.ts";
import { firstQueryBytes } from "../bench/first-query.ts";
import { measureWatchEdit } from "../bench/watch-edit.ts";
import { type Measurement, folderBytes, htmlPages, measure } from "../bench/measure.ts";
import { buildReference, writeReference } from "../bench/reference.ts";
import { pageWeight } from "../bench/weight.ts";
import { SCRIPT_NODE_ARGS } from "../build/script-args.ts";

/**
 * `npm run bench [-- --stories 1000,3000,10000] [--runs R] [--dir D]`: for each number of
 * stories, generates a corpus and measures, in the same run and alternately, ri-site's
 * steps (check, site build, search index, whole build) and the site users would compare it
 * with: plain Eleventy with one Nunjucks layout, then the Pagefind CLI. It prints each
 * size's table, the ratios, and a growth table across the sizes. Nothing is left behind.
 *
 * The work folder is the system's temporary folder, on disk here as on a CI runner, where
 * deleting and writing thousands of files costs what it costs users; `--dir /dev/shm`
 * measures in memory, which hides that cost but varies less from run to run.
 * The machine's load changes timings a lot: read the ratios, which come from runs
 * alternated one after the other, rather than the seconds.
 *
 * `--images` (1,000 stories unless `--stories` says otherwise) gives every story a lead
 * image of its own, shown again in its body, and measures image processing: a first build
 * that resizes every image, a second that takes them from the cache, and the page weight
 * with the images a first visit loads.
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
const sizes = (values.stories ?? (values["watch-edit"] ? "5000" : values.images ? "1000" : "1000,3000,10000")).split(",").map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--stories takes whole numbers separated by commas, not ${values.stories}`);
const runs = Math.max(1, Number(values.runs));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const workParent = path.resolve(values.dir ?? tmpdir());
/** Every page of a written site, for the Pagefind CLI: pages without `data-pagefind-body` are never results. */
const WHOLE_SITE_GLOB = "**/*.html";
const env = { RI_BUILD_DATE: "2026-11-24", RI_PREVIEW: "0" };
/** Runs a script as package.json's scripts do (src/build/script-args.ts). */
const node = (script: string, args: string[], extra: Record<string, string> = {}) =>
  measure(process.execPath, [...SCRIPT_NODE_ARGS, path.join(root, script), ...args], { ...env, ...extra });

function ok(step: string, result: Measurement): Measurement {
  if (result.code !== 0) throw new Error(`${step} failed:\n${result.output.slice(-3000)}`);
  return result;
}

/** The file system a folder is on (Linux's /proc/mounts): "tmpfs" is memory, anything else a disk. */
function fileSystemOf(folder: string): string {
  try {
    const mounts = readFileSync("/proc/mounts", "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .filter((fields) => fields.length > 2 && (folder === fields[1] || folder.startsWith(`${fields[1] === "/" ? "" : fields[1]}/`)));
    const best = mounts.reduce((a, b) => ((b[1]?.length ?? 0) >= (a[1]?.length ?? 0) ? b : a), mounts[0] ?? []);
    return best[2] ?? "unknown";
  } catch {
    return "unknown";
  }
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
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const KB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** One row of a size's table: a step's runs, and how many pages it made. */
interface Step {
  name: string;
  runs: Measurement[];
  pages: number;
}
const seconds = (step: Step) => median(step.runs.map((run) => run.seconds));
const peak = (step: Step) => Math.max(...step.runs.map((run) => run.peakMiB));

function printTable(steps: Step[]): void {
  console.log(`${"step".padEnd(48)} ${"wall".padStart(8)} ${"".padEnd(12)} ${"peak RSS".padStart(8)} ${"pages/s".padStart(10)}`);
  for (const step of steps) {
    const times = step.runs.map((run) => run.seconds);
    const range = times.length > 1 ? `(${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)})` : "";
    console.log(
      `${step.name.padEnd(48)} ${`${seconds(step).toFixed(2)} s`.padStart(8)} ${range.padEnd(12)} ${`${peak(step).toFixed(0)} MiB`.padStart(8)} ${String(Math.round(step.pages / seconds(step))).padStart(10)}`,
    );
  }
}

/** What the growth table keeps of each size. */
interface SizeResult {
  stories: number;
  check: Step;
  site: Step;
  whole: Step;
  eleventy: Step;
  reference: Step;
  ratio: number;
}

async function benchSize(stories: number, last: boolean): Promise<SizeResult> {
  const work = await mkdtemp(path.join(workParent, "ri-bench-"));
  try {
    console.log(`\nWriting ${stories} stories to ${work} ...`);
    const content = await writeCorpus(work, path.join(root, "content"), { stories });
    const reference = await writeReference(work, content);
    const out = (name: string, attempt: number) => path.join(work, "out", `${name}-${attempt}`);
    await mkdir(path.join(work, "out"));
    const load: number[] = [];

    // Each run builds every step into a fresh folder (a CI runner starts from a clean
    // checkout); ri-site's whole build and the reference take turns at going first, so
    // that a change in the machine's load falls on both.
    const check: Measurement[] = [];
    const floor: Measurement[] = [];
    const site: Measurement[] = [];
    const whole: Measurement[] = [];
    const eleventy: Measurement[] = [];
    const pagefind: Measurement[] = [];
    const referenceWhole: Measurement[] = [];
    const ratios: number[] = [];
    for (let attempt = 0; attempt < runs; attempt++) {
      load.push(loadavg()[0] ?? 0);
      check.push(ok("check", await node("src/cli/check.ts", [content])));
      floor.push(ok("floor", await node("src/bench/floor.ts", [content, out("floor", attempt)])));
      site.push(ok("site build", await node("src/cli/build.ts", ["--input", content, "--output", out("site", attempt)], { RI_SEARCH_INDEX: "0" })));
      const ours = async () => ok("whole build", await node("src/cli/build.ts", ["--input", content, "--output", out("whole", attempt)]));
      const theirs = async () => {
        const run = await buildReference(root, reference, out("reference", attempt));
        ok("reference", run.whole);
        return run;
      };
      let mine: Measurement;
      let ref: Awaited<ReturnType<typeof theirs>>;
      if (attempt % 2 === 0) {
        mine = await ours();
        ref = await theirs();
      } else {
        ref = await theirs();
        mine = await ours();
      }
      whole.push(mine);
      eleventy.push(ref.eleventy);
      pagefind.push(ref.pagefind);
      referenceWhole.push(ref.whole);
      ratios.push(mine.seconds / ref.whole.seconds);
    }
    load.push(loadavg()[0] ?? 0);
    // A rebuild over the previous site, as on a developer's machine: the swap, and the old
    // site handed to the background deleter.
    const rebuild = ok("rebuild", await node("src/cli/build.ts", ["--input", content, "--output", out("whole", 0)]));
    const index = ok("search index", await node("src/bench/index-only.ts", [out("site", 0)]));
    const cliOverSite = ok(
      "Pagefind CLI over the site",
      await measure(path.join(root, "node_modules", ".bin", "pagefind"), [
        "--site",
        out("site", 0),
        "--force-language",
        "en",
        "--quiet",
        "--glob",
        WHOLE_SITE_GLOB,
      ]),
    );

    const pages = await htmlPages(out("site", 0));
    const referencePages = await htmlPages(out("reference", 0));
    const indexed = Number(/indexed (\d+) pages/.exec(index.output)?.[1] ?? 0);
    const steps = {
      check: { name: "check (npm run check)", runs: check, pages: stories },
      floor: { name: "floor (gray-matter + markdown-it)", runs: floor, pages: stories },
      site: { name: "site build, no search (npm run build)", runs: site, pages },
      index: { name: "search index alone (as the build makes it)", runs: [index], pages: indexed },
      cli: { name: "Pagefind CLI over the written pages", runs: [cliOverSite], pages: indexed },
      whole: { name: "whole build (npm run build)", runs: whole, pages },
      rebuild: { name: "whole build over the previous site", runs: [rebuild], pages },
      eleventy: { name: "reference: plain Eleventy, one Nunjucks layout", runs: eleventy, pages: referencePages },
      pagefind: { name: "reference: Pagefind CLI over it", runs: pagefind, pages: referencePages },
      reference: { name: "reference: plain Eleventy + Pagefind CLI", runs: referenceWhole, pages: referencePages },
    } satisfies Record<string, Step>;

    const disk = fileSystemOf(work);
    console.log(
      `\n${stories} stories on ${process.platform} ${process.arch}, ${cpus().length} cores, Node ${process.version}; work folder ${workParent} (${disk}${disk === "tmpfs" ? ", in memory" : ", on disk"})`,
    );
    console.log(`load average (1 min) during the runs: ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
    console.log(`median of ${runs} run${runs === 1 ? "" : "s"}, alternated (range in brackets); one run of the over-the-previous-site and search index rows\n`);
    printTable(Object.values(steps));
    const ratio = median(ratios);
    console.log(`\nwhole build / reference: ${ratio.toFixed(2)}x (median of each run's ratio; target at most 1.0x, aim 0.7x)`);
    console.log(
      `site build / plain Eleventy: ${median(site.map((run, i) => run.seconds / (eleventy[i] as Measurement).seconds)).toFixed(2)}x (target at most 1.0x)`,
    );
    const floorSeconds = seconds(steps.floor);
    console.log(`site build / floor:  ${(seconds(steps.site) / floorSeconds).toFixed(2)}x`);
    console.log(`whole build / floor: ${(seconds(steps.whole) / floorSeconds).toFixed(2)}x`);
    console.log(`Pagefind CLI alone / floor: ${(seconds(steps.pagefind) / floorSeconds).toFixed(2)}x (the search index's own cost on this machine)`);
    console.log(`peak memory of the whole build: ${peak(steps.whole).toFixed(0)} MiB (target under 1024 MiB)`);
    console.log(`pages written: ${pages}; pages indexed: ${indexed}`);

    if (last) {
      const built = out("whole", 0);
      console.log(`search index size: ${MiB(await folderBytes(path.join(built, "pagefind")))}`);
      const query = await firstQueryBytes(built, "research");
      console.log(
        "skipped" in query ? `first query: not measured (${query.skipped})` : `first query "research": ${KB(query.bytes)} in ${query.requests} requests`,
      );
      console.log(`output size: ${MiB(await folderBytes(built))}`);
      console.log("\npage weight on a first visit (gzip; HTML + the site's CSS and JS, and any image not lazy-loaded):");
      for (const [type, url] of Object.entries({
        home: "/",
        "news listing": "/news/",
        story: "/news/2024/lancet-commission-on-self-harm/",
        service: "/services/taking-part-in-research/",
        search: "/search/",
      })) {
        const weight = await pageWeight(built, url);
        console.log(
          `  ${type.padEnd(14)} ${KB(weight.total).padStart(9)} (HTML ${KB(weight.html)}, CSS and JS ${KB(weight.assets)}; render-blocking scripts: ${weight.blockingScripts})`,
        );
      }
    }
    return { stories, check: steps.check, site: steps.site, whole: steps.whole, eleventy: steps.eleventy, reference: steps.reference, ratio };
  } finally {
    if (values.keep) console.log(`\nkept ${work}`);
    else await rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
}

if (values.images) {
  const stories = sizes[0] as number;
  const work = await mkdtemp(path.join(workParent, "ri-bench-"));
  try {
    console.log(`Writing ${stories} stories with images to ${work} ...`);
    const content = await writeCorpus(work, path.join(root, "content"), { stories, images: true });
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
  } finally {
    if (values.keep) console.log(`\nkept ${work}`);
    else await rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
} else if (values["watch-edit"]) {
  const stories = sizes[0] as number;
  const work = await mkdtemp(path.join(workParent, "ri-bench-"));
  try {
    console.log(`Writing ${stories} stories to ${work} ...`);
    const content = await writeCorpus(work, path.join(root, "content"), { stories });
    const edit = await measureWatchEdit(root, content, 8000 + Math.floor(Math.random() * 1000));
    const update = /Story updated in (\d+) ms \((\d+) pages? written\)/.exec(edit.log);
    console.log(`\nnpm start on ${stories} stories: first preview build ${edit.firstBuildSeconds.toFixed(1)} s`);
    console.log(
      `saving one story shows the change in ${(edit.seconds * 1000).toFixed(0)} ms (target 500 ms)${update ? `; the worker re-rendered ${update[2]} pages in ${update[1]} ms` : ""}`,
    );
  } finally {
    if (values.keep) console.log(`\nkept ${work}`);
    else await rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
} else {
  const results: SizeResult[] = [];
  for (const [i, stories] of sizes.entries()) results.push(await benchSize(stories, i === sizes.length - 1));
  if (results.length > 1) {
    console.log("\ngrowth (medians; ms per story shows whether a step grows faster than the number of stories):");
    console.log(
      `${"stories".padStart(8)} ${"check".padStart(8)} ${"site".padStart(8)} ${"whole".padStart(8)} ${"peak".padStart(9)} ${"ms/story".padStart(9)} ${"plain 11ty".padStart(11)} ${"reference".padStart(10)} ${"peak".padStart(9)} ${"ratio".padStart(6)}`,
    );
    for (const result of results) {
      const s = (step: Step) => `${seconds(step).toFixed(2)} s`;
      console.log(
        `${String(result.stories).padStart(8)} ${s(result.check).padStart(8)} ${s(result.site).padStart(8)} ${s(result.whole).padStart(8)} ${`${peak(result.whole).toFixed(0)} MiB`.padStart(9)} ${((seconds(result.whole) * 1000) / result.stories).toFixed(2).padStart(9)} ${s(result.eleventy).padStart(11)} ${s(result.reference).padStart(10)} ${`${peak(result.reference).toFixed(0)} MiB`.padStart(9)} ${`${result.ratio.toFixed(2)}x`.padStart(6)}`,
      );
    }
  }
}
