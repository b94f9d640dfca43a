import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers/fixture-site.ts";

/** The benchmark works end to end on a small corpus; its times are for people, not for tests. */
describe("npm run bench", () => {
  it("builds 150 and 200 generated stories beside a plain Eleventy + Pagefind site and prints every figure and the growth, leaving nothing behind", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ri-bench-test-"));
    const args = ["--import", "tsx", path.join(ROOT, "src", "cli", "bench.ts"), "--stories", "150,200", "--runs", "2", "--dir", dir];
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const rows = [
      "check (npm run check)",
      "floor (gray-matter + markdown-it)",
      "site build, no search (npm run build)",
      "search index alone (as the build makes it)",
      "Pagefind CLI over the written pages",
      "whole build (npm run build)",
      "whole build over the previous site",
      "reference: plain Eleventy, one Nunjucks layout",
      "reference: Pagefind CLI over it",
      "reference: plain Eleventy + Pagefind CLI",
    ];
    for (const row of rows) {
      assert.match(output, new RegExp(`${row.replace(/[()+,:]/g, "\\$&")}\\s+\\d+\\.\\d+ s\\s+(\\(\\d+\\.\\d+–\\d+\\.\\d+\\)\\s+)?\\d+ MiB\\s+\\d+`), row);
    }
    assert.match(output, /median of 2 runs, alternated/);
    assert.match(output, /\(ext4|\(\w+, on disk|\(tmpfs, in memory/);
    assert.match(output, /whole build \/ reference: \d+\.\d+x/);
    assert.match(output, /site build \/ plain Eleventy: \d+\.\d+x/);
    assert.match(output, /site build \/ floor: +\d+\.\d+x/);
    assert.match(output, /whole build \/ floor: +\d+\.\d+x/);
    assert.match(output, /Pagefind CLI alone \/ floor: +\d+\.\d+x/);
    assert.match(output, /peak memory of the whole build: \d+ MiB/);
    assert.match(output, /pages indexed: 2\d\d\b/);
    assert.match(output, /search index size: \d+\.\d MiB/);
    assert.match(output, /first query "research": (\d+\.\d kB in \d+ requests|not measured)/);
    assert.match(output, /story +\d+\.\d kB \(HTML/);
    assert.match(output, /growth .*\n +stories +check +site +whole[^\n]*\n +150 [^\n]*x\n +200 [^\n]*x/);
    assert.deepEqual(await readdir(dir), [], "the temporary corpus was removed");
    await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    assert.equal((await readdir(ROOT)).includes("_site.building"), false);
  });

  it("measures how soon npm start shows an edited story (--watch-edit)", async () => {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "src", "cli", "bench.ts"), "--watch-edit", "--stories", "50"],
        { cwd: ROOT, maxBuffer: 10_000_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    assert.match(output, /saving one story shows the change in \d+ ms \(target 500 ms\); the worker re-rendered \d+ pages in \d+ ms/);
  });
});
