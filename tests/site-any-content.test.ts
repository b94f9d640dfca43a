import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, markdownFile, tempDir } from "./helpers/fixture-site.ts";

/**
 * An editor's first correct story must not turn CI red: the real-content suite
 * (tests/site.test.ts) runs again on a copy of the real content with one more valid story
 * and one more page, and must pass as it does on the content itself.
 */
describe("the real-content suite on a copy with an editor's new story and page", { timeout: 300_000 }, () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("any-content");
    content = path.join(root, "content");
    await cp(path.join(ROOT, "content"), content, { recursive: true });
    // Newer than every seed story, so it heads the listing and the home page's latest news.
    await mkdir(path.join(content, "news", "2025"), { recursive: true });
    await writeFile(
      path.join(content, "news", "2025", "an-editors-first-story.md"),
      markdownFile(
        { title: "An editor's first story", date: "2025-03-04", summary: "A plain sentence about what happened, for the listing.", tags: ["events"] },
        "The story.\n\n## More\n\nSee [our services](/services/).",
      ),
    );
    await writeFile(
      path.join(content, "pages", "contact-us.md"),
      markdownFile({ title: "Contact the team", summary: "How to reach the Research and Innovation team." }, "Write to us."),
    );
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("passes", async () => {
    // A test file's child sees NODE_TEST_CONTEXT and would skip running its own tests.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "--test", "--test-reporter=spec", path.join(ROOT, "tests", "site.test.ts")],
        { cwd: ROOT, env: { ...env, RI_TEST_CONTENT: content }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    assert.equal(result.code, 0, result.output);
    // The suite really ran on the copy: every test passed, none was skipped.
    assert.ok(result.output.includes(`the R&I site built from ${content}`), result.output);
    assert.match(result.output, /\bpass [1-9]\d*\b/);
    assert.match(result.output, /\bfail 0\b/);
    assert.match(result.output, /\bskipped 0\b/);
  });
});
