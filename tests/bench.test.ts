import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers/fixture-site.ts";

/** The benchmark works end to end on a small corpus; its times are for people, not for tests. */
describe("npm run bench", () => {
  it("builds 200 generated stories and prints every figure, leaving nothing behind", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ri-bench-test-"));
    const args = ["--import", "tsx", path.join(ROOT, "src", "cli", "bench.ts"), "--stories", "200", "--runs", "2", "--dir", dir];
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const rows = [
      "check (npm run check)",
      "floor (gray-matter + markdown-it)",
      "site build, no search (npm run build)",
      "search index (Pagefind, from disk)",
      "whole build (npm run build)",
      "reference: Pagefind CLI over the floor",
    ];
    for (const row of rows) {
      assert.match(output, new RegExp(`${row.replace(/[()+,:]/g, "\\$&")}\\s+\\d+\\.\\d+ s\\s+(\\(\\d+\\.\\d+–\\d+\\.\\d+\\)\\s+)?\\d+ MiB\\s+\\d+`), row);
    }
    assert.match(output, /median of 2 runs/);
    assert.match(output, /site build \/ floor: +\d+\.\d+x/);
    assert.match(output, /whole build \/ floor: +\d+\.\d+x/);
    assert.match(output, /Pagefind CLI alone \/ floor: +\d+\.\d+x/);
    assert.match(output, /pages indexed: 2\d\d\b/);
    assert.match(output, /search index size: \d+\.\d MiB/);
    assert.match(output, /first query "research": (\d+\.\d kB in \d+ requests|not measured)/);
    assert.match(output, /story +\d+\.\d kB \(HTML/);
    assert.deepEqual(await readdir(dir), [], "the temporary corpus was removed");
    await rm(dir, { recursive: true, force: true });
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
