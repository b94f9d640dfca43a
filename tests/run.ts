import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MISSING_CHROMIUM, chromiumMissing } from "./quality/browser.ts";

/**
 * `npm test` after the type check: every test file under node:test's spec reporter, then,
 * if Chromium is missing, the one line that says how to install it, as the last line of
 * the output where it cannot be missed, and a failed run. (The browser suites skip
 * themselves at once when it is missing; see browserSkip in tests/quality/browser.ts.)
 *
 * `node --import tsx tests/run.ts tests/foo.test.ts ...` runs only the files given.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const given = process.argv.slice(2);
const files = given.length
  ? given
  : readdirSync(here)
      .filter((name) => /\.test\.tsx?$/.test(name))
      .sort()
      .map((name) => path.join("tests", name));

const child = spawn(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], {
  cwd: path.join(here, ".."),
  stdio: "inherit",
});
const code = await new Promise<number>((resolve) => child.on("exit", (exit, signal) => resolve(exit ?? (signal ? 1 : 0))));
if (chromiumMissing) {
  console.error(`\n${MISSING_CHROMIUM}`);
  process.exitCode = 1;
} else {
  process.exitCode = code;
}
