import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "../corpus.ts";
import { type Measurement, measure } from "../measure.ts";
import { SCRIPT_NODE_ARGS } from "../../build/script-args.ts";

/**
 * EXPERIMENT (issue 26): the engine bench. `node --import tsx src/bench/eleventy-native/bench.ts
 * [--stories 1000,3000] [--runs 3] [--dir D]` builds the bench corpus without search,
 * alternately with today's renderer (`npm run build`) and through the Eleventy-native
 * pages (build.ts), compares the two outputs byte for byte, and prints each run.
 * `--watch-edit [--stories 5000]` instead starts Eleventy's own watch (incremental) on
 * the corpus, saves an edit to the newest story and times it until its page is written.
 */
const { values } = parseArgs({
  options: {
    stories: { type: "string" },
    runs: { type: "string", default: "3" },
    dir: { type: "string", default: "/work/benchdir-engine" },
    "watch-edit": { type: "boolean", default: false },
  },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const env = { RI_BUILD_DATE: "2026-11-24", RI_PREVIEW: "0", RI_SEARCH_INDEX: "0" };
/** A script's run, with the CPU time it used (user + system, from GNU time): on a shared machine wall time is mostly the load. */
const node = async (script: string, args: string[]) => {
  const run = await measure("/usr/bin/time", ["-f", "ri-cpu %U %S", process.execPath, ...SCRIPT_NODE_ARGS, path.join(root, script), ...args], env);
  const cpu = /ri-cpu ([\d.]+) ([\d.]+)/.exec(run.output);
  return { ...run, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN };
};
const ok = <T extends Measurement>(step: string, result: T): T => {
  if (result.code !== 0) throw new Error(`${step} failed:\n${result.output.slice(-3000)}`);
  return result;
};
const median = (numbers: number[]) => {
  const sorted = numbers.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const range = (numbers: number[]) => `${Math.min(...numbers).toFixed(2)}–${Math.max(...numbers).toFixed(2)}`;

/** The files that differ between two built folders (or are in one only). */
async function differences(a: string, b: string): Promise<string[]> {
  const list = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  const [left, right] = [new Set(await list(a)), new Set(await list(b))];
  const different: string[] = [];
  for (const file of new Set([...left, ...right])) {
    if (!left.has(file) || !right.has(file)) different.push(`${file} (in one only)`);
    else if (!(await readFile(path.join(a, file))).equals(await readFile(path.join(b, file)))) different.push(file);
  }
  return different;
}

await mkdir(values.dir, { recursive: true });
const sizes = (values.stories ?? (values["watch-edit"] ? "5000" : "1000,3000")).split(",").map(Number);

if (values["watch-edit"]) {
  const stories = sizes[0] as number;
  const work = await mkdtemp(path.join(values.dir, "native-watch-"));
  let child: ChildProcess | undefined;
  try {
    const content = await writeCorpus(work, path.join(root, "content"), { stories });
    const output = path.join(work, "_preview");
    const started = performance.now();
    child = spawn(
      process.execPath,
      [...SCRIPT_NODE_ARGS, path.join(root, "src/bench/eleventy-native/build.ts"), "--input", content, "--output", output, "--watch"],
      {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let log = "";
    child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const waitFor = async (test: () => boolean | Promise<boolean>, limitMs: number) => {
      const deadline = Date.now() + limitMs;
      while (!(await test())) {
        if (Date.now() > deadline) throw new Error(`timed out; Eleventy said:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await waitFor(() => /Watching/.test(log), 900_000);
    const first = (performance.now() - started) / 1000;
    // The newest story, as src/bench/watch-edit.ts picks it.
    const newsDir = path.join(content, "news");
    let newest = { file: "", date: "" };
    for (const file of (await readdir(newsDir, { recursive: true })).filter((name) => name.endsWith(".md"))) {
      const date = /^date: '?(\d{4}-\d{2}-\d{2})/m.exec(await readFile(path.join(newsDir, file), "utf8"))?.[1] ?? "";
      if (date > newest.date) newest = { file: path.join(newsDir, file), date };
    }
    const page = path.join(output, "news", newest.date.slice(0, 4), path.basename(newest.file, ".md"), "index.html");
    const marker = `Edited ${Date.now()}`;
    const text = await readFile(newest.file, "utf8");
    const saved = performance.now();
    await writeFile(newest.file, text.replace(/^title: (['"]?)/m, `title: $1${marker} `));
    await waitFor(async () => existsSync(page) && (await readFile(page, "utf8")).includes(marker), 300_000);
    const seconds = (performance.now() - saved) / 1000;
    console.log(`Eleventy-native watch (incremental) on ${stories} stories: first build ${first.toFixed(1)} s`);
    console.log(`saving one story wrote its page in ${(seconds * 1000).toFixed(0)} ms (target 500 ms); load ${loadavg()[0]?.toFixed(1)}`);
    console.log(
      log
        .split("\n")
        .filter((line) => /Wrote|Watching|File changed|Error/.test(line))
        .slice(-6)
        .join("\n"),
    );
  } finally {
    child?.kill("SIGTERM");
    await rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
} else {
  const runs = Math.max(1, Number(values.runs));
  for (const stories of sizes) {
    const work = await mkdtemp(path.join(values.dir, "native-build-"));
    try {
      const content = await writeCorpus(work, path.join(root, "content"), { stories });
      const today: number[] = [];
      const native: number[] = [];
      const todayCpu: number[] = [];
      const nativeCpu: number[] = [];
      const load: number[] = [];
      for (let attempt = 0; attempt < runs; attempt++) {
        load.push(loadavg()[0] ?? 0);
        const out = (name: string) => path.join(work, `${name}-${attempt}`);
        const ours = async () => {
          const run = ok("today's build", await node("src/cli/build.ts", ["--input", content, "--output", out("today")]));
          today.push(run.seconds);
          todayCpu.push(run.cpu);
        };
        const theirs = async () => {
          const run = ok("native build", await node("src/bench/eleventy-native/build.ts", ["--input", content, "--output", out("native")]));
          native.push(run.seconds);
          nativeCpu.push(run.cpu);
        };
        if (attempt % 2 === 0) {
          await ours();
          await theirs();
        } else {
          await theirs();
          await ours();
        }
        console.log(
          `${stories} stories, run ${attempt + 1} (load ${loadavg()[0]?.toFixed(1)}): today ${today.at(-1)?.toFixed(2)} s wall, ${todayCpu.at(-1)?.toFixed(2)} s CPU; Eleventy-native ${native.at(-1)?.toFixed(2)} s wall, ${nativeCpu.at(-1)?.toFixed(2)} s CPU`,
        );
        if (attempt === 0) {
          const different = await differences(out("today"), out("native"));
          console.log(`  outputs: ${different.length ? `${different.length} files differ, e.g. ${different.slice(0, 5).join(", ")}` : "byte-identical"}`);
        }
        await rm(out("today"), { recursive: true, force: true, maxRetries: 10 });
        await rm(out("native"), { recursive: true, force: true, maxRetries: 10 });
      }
      load.push(loadavg()[0] ?? 0);
      const ratios = today.map((seconds, i) => (native[i] as number) / seconds);
      const cpuRatios = todayCpu.map((seconds, i) => (nativeCpu[i] as number) / seconds);
      console.log(
        `${stories} stories, site build without search, median of ${runs} alternated: today ${median(today).toFixed(2)} s (${range(today)}), Eleventy-native ${median(native).toFixed(2)} s (${range(native)}); native/today ${median(ratios).toFixed(2)}x (${range(ratios)}); load ${range(load)}`,
      );
      console.log(
        `  CPU time: today ${median(todayCpu).toFixed(2)} s (${range(todayCpu)}), Eleventy-native ${median(nativeCpu).toFixed(2)} s (${range(nativeCpu)}); native/today ${median(cpuRatios).toFixed(2)}x (${range(cpuRatios)})`,
      );
    } finally {
      await rm(work, { recursive: true, force: true, maxRetries: 10 });
    }
  }
}
