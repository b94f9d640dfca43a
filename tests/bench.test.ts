import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers/fixture-site.ts";

/** The benchmark works end to end on a small corpus; its times are for people, not for tests. */
describe("npm run bench", () => {
  it("builds 200 generated stories and prints every figure, leaving nothing behind", async () => {
    const before = new Set((await readdir(tmpdir())).filter((name) => name.startsWith("ri-bench-")));
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "bench.ts"), "--stories", "200"], { cwd: ROOT, maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    for (const row of ["check (npm run check)", "floor (gray-matter + markdown-it)", "site build, no search (Eleventy)", "search index (Pagefind)", "whole build (npm run build)"]) {
      assert.match(output, new RegExp(`${row.replace(/[()+]/g, "\\$&")}\\s+\\d+\\.\\d+ s\\s+\\d+ MiB\\s+\\d+`), row);
    }
    assert.match(output, /site build \/ floor: +\d+\.\d+x/);
    assert.match(output, /pages indexed: 2\d\d\b/);
    assert.match(output, /search index size: \d+\.\d MiB/);
    assert.match(output, /first query "research": (\d+\.\d kB in \d+ requests|not measured)/);
    assert.match(output, /story +\d+\.\d kB \(HTML/);
    const after = (await readdir(tmpdir())).filter((name) => name.startsWith("ri-bench-") && !before.has(name));
    assert.deepEqual(after, [], "the temporary corpus was removed");
    assert.equal((await readdir(ROOT)).includes("_site.building"), false);
  });

  it("measures how soon npm start shows an edited story (--watch-edit)", async () => {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "bench.ts"), "--watch-edit", "--stories", "50"], { cwd: ROOT, maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    assert.match(output, /saving one story shows the change in \d+ ms \(target 500 ms\); the worker re-rendered \d+ pages in \d+ ms/);
  });
});
