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
 * `node --import tsx tests/run.ts tests/foo.test.ts ...` runs only the files given;
 * `--fast` (`npm run test:fast`) only the FAST files.
 */

/**
 * Tests of single modules in this process: no site build, no browser, no child process,
 * so they run in seconds. A file belongs here only if it is one of those; every file runs
 * in the full `npm test` whether it is listed or not.
 */
const FAST = [
  "dates",
  "editor-messages",
  "events-ics",
  "events-layouts",
  "events-schema",
  "events-structured-data",
  "events-time",
  "feed",
  "frontmatter",
  "hosting-files",
  "jsx-runtime",
  "news-index",
  "schema",
  "search-query",
  "site-urls",
  "slug",
  "studies-layouts",
  "studies-register",
  "studies-schema",
  "watch-files",
  "workflow",
];

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const fast = args.includes("--fast");
const given = args.filter((arg) => arg !== "--fast");
const files = given.length
  ? given
  : readdirSync(here)
      .filter((name) => /\.test\.tsx?$/.test(name) && (!fast || FAST.includes(name.replace(/\.test\.tsx?$/, ""))))
      .sort()
      .map((name) => path.join("tests", name));

const child = spawn(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], {
  cwd: path.join(here, ".."),
  stdio: "inherit",
});
const code = await new Promise<number>((resolve) => child.on("exit", (exit, signal) => resolve(exit ?? (signal ? 1 : 0))));
// The fast files use no browser, so a missing one is not their business.
if (chromiumMissing && !fast) {
  console.error(`\n${MISSING_CHROMIUM}`);
  process.exitCode = 1;
} else {
  process.exitCode = code;
}
