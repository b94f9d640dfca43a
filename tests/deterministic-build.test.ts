import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runCli, snapshot, tempDir } from "./helpers/fixture-site.ts";
import { generateContent } from "./helpers/generated-content.ts";

/**
 * Two builds of the same content are byte-identical: nothing records when, where or in
 * which time zone a build ran, so a deploy changes exactly the files whose content did.
 */
describe("deterministic builds", () => {
  let root: string;
  before(async () => {
    root = await tempDir("twice");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("write the same bytes on another day, in another time zone, into another folder", async () => {
    // Both build days are after every seed story, so the same stories are published.
    const first = await runCli("build", ["--output", path.join(root, "first")], { RI_BUILD_DATE: "2026-11-24", TZ: "UTC" });
    assert.equal(first.code, 0, first.stderr);
    const second = await runCli("build", ["--output", path.join(root, "second", "_site")], { RI_BUILD_DATE: "2027-06-30", TZ: "Pacific/Kiritimati" });
    assert.equal(second.code, 0, second.stderr);
    const a = await snapshot(path.join(root, "first"));
    const b = await snapshot(path.join(root, "second", "_site"));
    assert.ok(a.size > 20, "the build wrote the site");
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [file, bytes] of a) assert.equal(b.get(file), bytes, `${file} differs between the two builds`);
  });

  it("index hundreds of pages the same way each time, whatever order Pagefind's threads finish in", async () => {
    const content = await generateContent(path.join(root, "many"), 600);
    const builds = ["one", "two"].map((name) => path.join(root, "many", name));
    for (const output of builds) {
      const run = await runCli("build", ["--input", content, "--output", output], { RI_BUILD_DATE: "2026-11-24" });
      assert.equal(run.code, 0, run.stderr);
    }
    const [a, b] = await Promise.all(builds.map((output) => snapshot(path.join(output, "pagefind"))));
    assert.ok(a && b && a.size > 600, "every story has a search record");
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [file, bytes] of a) assert.equal(b.get(file), bytes, `pagefind/${file} differs between the two builds`);
  });
});
