import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers/fixture-site.ts";

/** Without Chromium, `npm test` stops the browser suites at once and ends with one line saying how to install it. */
describe("the test run without Chromium", { timeout: 180_000 }, () => {
  it("skips each browser suite whole, fails, and ends with the one line that says what to do", async () => {
    // A test file's child sees NODE_TEST_CONTEXT and would skip running its own tests.
    const { NODE_TEST_CONTEXT: _, RI_SKIP_BROWSER_TESTS: __, ...env } = process.env;
    const missing = path.join(ROOT, "no-such-chromium");
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "tests", "run.ts"), "tests/quality-checkers.test.ts", "tests/serve.test.ts"],
        { cwd: ROOT, env: { ...env, CHROMIUM_PATH: missing }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    assert.equal(result.code, 1, "the run fails");
    const lastLine = result.stderr.trim().split("\n").at(-1);
    assert.equal(
      lastLine,
      `Chromium was not found at ${missing}, so the browser tests did not run: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH to it), or set RI_SKIP_BROWSER_TESTS=1 to leave them out on purpose.`,
    );
    assert.match(result.stdout, /cancelled 0/);
    assert.match(result.stdout, /fail 0/);
    // The browser suites are skipped as wholes, one line each; the rest of each file still runs.
    assert.match(result.stdout, /in the browser \([\d.]+ms\) # no Chromium at /);
    assert.match(result.stdout, /the preview server \([\d.]+ms\) # no Chromium at /);
    assert.match(result.stdout, /html-validate reports an image without alt/);
  });
});
