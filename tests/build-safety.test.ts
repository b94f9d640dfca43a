import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildFixture, exists, runCli, snapshot, storiesByDay } from "./helpers/fixture-site.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { entriesOnceDeleted } from "./helpers/build-siblings.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";

/** A build publishes a whole site or nothing, one build at a time, and says why in plain words when it cannot. */
describe("a build never publishes a broken site", { timeout: 300_000 }, () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  let previous: Map<string, string>;
  before(async () => {
    site = await buildFixture({ stories: storiesByDay(3) });
    previous = await snapshot(site.output);
  });
  after(() => site.cleanup());

  // A replaced site is deleted by a background process after the build: give it its time.
  const leftovers = async () => (await entriesOnceDeleted(site.root)).filter((name) => name.startsWith("_site."));

  it("refuses a site that lost its home page or gained a stray file, and keeps the previous one", async () => {
    // A build whose Eleventy run goes wrong as a bad data file once made it: the home page
    // gone and a file nobody asked for in its place.
    const project = await copyProject(site.root);
    const config = path.join(project, "eleventy.config.ts");
    const text = await readFile(config, "utf8");
    const sabotage = `eleventyConfig.addPlugin(sitePlugin);
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const { rm, writeFile } = await import("node:fs/promises");
    await rm(directories.output + "/index.html");
    await writeFile(directories.output + "/_redirects", "/* https://attacker.example/ 301");
  });`;
    await writeFile(config, text.replace("eleventyConfig.addPlugin(sitePlugin);", sabotage));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--input", site.content, "--output", site.output], {
        cwd: project,
        env: { ...process.env, RI_BUILD_DATE: FIXTURE_DAY },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("exit", (code) => resolve({ code, stderr }));
    });
    await rm(project, { recursive: true, force: true, maxRetries: 10 });
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stderr,
      /the new site is not complete, so it was not published:\n {2}_redirects is not a file the site publishes\n {2}index\.html is missing/,
    );
    assert.match(result.stderr, /Build failed: .* was left as it was\./);
    assert.deepEqual(await snapshot(site.output), previous);
    assert.deepEqual(await leftovers(), []);
  });

  it("lets one build at a time write a site: a second one stops with a clear message", async () => {
    // This test process stands in for a build that is running.
    const lock = `${site.output}.lock`;
    await writeFile(lock, String(process.pid));
    const second = await runCli("build", ["--input", site.content, "--output", site.output]);
    await rm(lock);
    assert.equal(second.code, 1);
    assert.match(
      second.stderr,
      new RegExp(`another build into .*_site is running \\(process ${process.pid}\\): wait for it to finish, then run this one again`),
    );
    assert.doesNotMatch(second.stderr, /\n\s+at /, "no stack trace");
    assert.deepEqual(await snapshot(site.output), previous);
    assert.deepEqual(await leftovers(), []);
  });

  it("two builds started together leave one whole site and nothing else", async () => {
    const results = await Promise.all([1, 2].map(() => runCli("build", ["--input", site.content, "--output", site.output])));
    for (const result of results) if (result.code !== 0) assert.match(result.stderr, /another build into .* is running/);
    assert.ok(results.some((result) => result.code === 0));
    assert.deepEqual(await snapshot(site.output), previous);
    assert.equal(await exists(`${site.output}.lock`), false);
    assert.deepEqual(await leftovers(), []);
  });

  it("takes over the lock of a build that was killed", async () => {
    await writeFile(`${site.output}.lock`, "999999999");
    const result = await runCli("build", ["--input", site.content, "--output", site.output]);
    assert.equal(result.code, 0, result.stderr);
  });

  it("explains an output folder it cannot write, without a stack trace", async () => {
    // A file where the output's folder should be; root ignores permissions, so this is the
    // failure every user, CI included, can meet.
    const blocked = path.join(site.root, "not-a-folder");
    await writeFile(blocked, "");
    const result = await runCli("build", ["--input", site.content, "--output", path.join(blocked, "_site")]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /cannot write .*not-a-folder.*: a file stands where a folder should be\nBuild failed: .*not-a-folder\/_site\/ was left as it was\./,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
