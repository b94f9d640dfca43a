import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { recoverAbandonedBuilds } from "../src/build/build.ts";
import { ROOT, runCli, snapshot, tempDir } from "./helpers/fixture-site.ts";
import { generateContent } from "./helpers/generated-content.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { entriesOnceDeleted } from "./helpers/build-siblings.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A process id that is certainly not running: one that has just exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid ?? 999_999;

describe("a build killed part-way", { timeout: 180_000 }, () => {
  let root: string;
  let content: string;
  let output: string;
  let good: Map<string, string>;
  before(async () => {
    root = await tempDir("killed");
    content = await generateContent(root, 800);
    output = path.join(root, "_site");
    const first = await runCli("build", ["--input", content, "--output", output]);
    assert.equal(first.code, 0, first.stderr);
    good = await snapshot(output);
    // A change, so that the killed build would have written a different site.
    await writeFile(path.join(content, "index.md"), "---\ntitle: Changed home\nsummary: Changed.\n---\n\nChanged.\n");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("leaves the previous site byte for byte, and the next build clears its folder", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "build.ts"), "--input", content, "--output", output], {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, RI_BUILD_DATE: FIXTURE_DAY },
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const staging = `${output}.building-${child.pid}`;
    // Kill it once Eleventy has started writing pages into its folder, but before the swap.
    const deadline = Date.now() + 120_000;
    let written = 0;
    while (Date.now() < deadline && child.exitCode === null) {
      written = (await readdir(staging, { recursive: true }).catch(() => [])).length;
      if (written > 50) break;
      await sleep(20);
    }
    child.kill("SIGKILL");
    await exited;
    assert.ok(written > 50, "the build was killed while writing its pages");
    assert.ok((await readdir(staging)).length > 0, "the half-written folder is left beside the site");

    assert.deepEqual(await snapshot(output), good);

    const next = await runCli("build", ["--input", content, "--output", output]);
    assert.equal(next.code, 0, next.stderr);
    const siblings = (await entriesOnceDeleted(root)).filter((entry) => entry.startsWith("_site."));
    assert.deepEqual(siblings, []);
    assert.match(await readFile(path.join(output, "index.html"), "utf8"), /Changed home/);
  });
});

describe("recovering from a build killed between its two renames", () => {
  it("puts the previous site back when the new one never arrived", async () => {
    const root = await tempDir("renames");
    try {
      const output = path.join(root, "_site");
      const pid = deadPid();
      await mkdir(`${output}.replaced-${pid}`, { recursive: true });
      await writeFile(path.join(`${output}.replaced-${pid}`, "index.html"), "old site");
      await mkdir(`${output}.building-${pid}`, { recursive: true });
      await recoverAbandonedBuilds(output);
      assert.equal(await readFile(path.join(output, "index.html"), "utf8"), "old site");
      assert.deepEqual(await entriesOnceDeleted(root), ["_site"]);
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    }
  });

  it("leaves the folders of a build that is still running", async () => {
    const root = await tempDir("running");
    try {
      const output = path.join(root, "_site");
      await mkdir(`${output}.building-${process.pid}`, { recursive: true });
      await recoverAbandonedBuilds(output);
      assert.deepEqual(await readdir(root), [`_site.building-${process.pid}`]);
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});

describe("deleting replaced sites off the build's critical path", () => {
  it("hands replaced sites and a killed deleter's folder to a deleter, and keeps the live site", async () => {
    const root = await tempDir("deleter");
    try {
      const output = path.join(root, "_site");
      await mkdir(output, { recursive: true });
      await writeFile(path.join(output, "index.html"), "live site");
      // A site replaced by a build that is still running, and a deleter killed mid-way.
      for (const folder of [`${output}.old-${process.pid}`, `${output}.deleting-${deadPid()}-0`, `${output}.replaced-${deadPid()}`]) {
        await mkdir(path.join(folder, "news", "2024", "a"), { recursive: true });
        await writeFile(path.join(folder, "news", "2024", "a", "index.html"), "old");
      }
      await recoverAbandonedBuilds(output);
      assert.deepEqual(await entriesOnceDeleted(root), ["_site"]);
      assert.equal(await readFile(path.join(output, "index.html"), "utf8"), "live site");
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    }
  });

  it("leaves the folder a running deleter has claimed", async () => {
    const root = await tempDir("claimed");
    try {
      const output = path.join(root, "_site");
      await mkdir(`${output}.deleting-${process.pid}-0`, { recursive: true });
      await recoverAbandonedBuilds(output);
      await sleep(500);
      assert.deepEqual(await readdir(root), [`_site.deleting-${process.pid}-0`]);
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});

describe("a build whose templates fail", { timeout: 120_000 }, () => {
  it("leaves the previous site byte for byte and no folder behind", async () => {
    const root = await tempDir("throws");
    try {
      const project = await copyProject(root);
      const content = await generateContent(project, 3);
      const output = path.join(project, "_site");
      const build = () =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--input", content, "--output", output], {
            cwd: project,
            stdio: "ignore",
            env: { ...process.env, RI_BUILD_DATE: FIXTURE_DAY },
          });
          child.once("exit", (code) => resolve(code ?? 1));
        });
      assert.equal(await build(), 0);
      const good = await snapshot(output);
      const layout = path.join(project, "layouts", "story.tsx");
      await writeFile(layout, (await readFile(layout, "utf8")).replace("const year =", 'throw new Error("broken layout");\n  const year ='));
      assert.equal(await build(), 1);
      assert.deepEqual(await snapshot(output), good);
      assert.deepEqual(
        (await entriesOnceDeleted(project)).filter((entry) => entry.startsWith("_site.")),
        [],
      );
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});
