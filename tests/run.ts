import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TODAY } from "./helpers/test-day.ts";
import { MISSING_CHROMIUM, chromiumMissing } from "./quality/browser.ts";
import { type QualityPrefix, SHARED_QUALITY_SITE, buildQualitySiteUnder } from "./quality/quality-site.ts";

/**
 * `npm test` after the type check: every test file under node:test's spec reporter, then,
 * if Chromium is missing, the one line that says how to install it, as the last line of
 * the output where it cannot be missed, and a failed run. (The browser suites skip
 * themselves at once when it is missing; see browserSkip in tests/quality/browser.ts.)
 *
 * `node --import tsx tests/run.ts tests/foo.test.ts ...` runs only the files given;
 * `--fast` (`npm run test:fast`) only the FAST files.
 *
 * Every suite of a run builds as of the same real London day (RI_TEST_DAY, fixed here), and
 * the quality site is built once, under each prefix a suite asks for, before the suites
 * start: the suites that read it (axe, HTML, links, search, keyboard) share it rather than
 * each spending a build on the same site.
 *
 * Two files run at a time (--test-concurrency=2, one a core on the 2-core machines we
 * measure on): `time npm test` went from 10m20s to 8m47s. Every suite builds into its own
 * temporary folder and picks its own free ports, so two never touch each other's files.
 */

/**
 * Tests of single modules in this process: no site build, no browser, no child process,
 * so they run in seconds. A file belongs here only if it is one of those; every file runs
 * in the full `npm test` whether it is listed or not.
 */
const FAST = [
  "dates",
  "doc-links",
  "docs",
  "editor-messages",
  "events-ics",
  "events-layouts",
  "events-schema",
  "events-structured-data",
  "events-time",
  "feed",
  "folder-rules",
  "frontmatter",
  "hosting-files",
  "jsx-runtime",
  "news-index",
  "schema",
  "search-query",
  "site-pages",
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

const root = path.join(here, "..");
/** The prefixes whose quality site a file asks for: `qualitySite("/ri/")`, `qualitySite()` or the harness. */
const prefixesOf = (file: string): QualityPrefix[] => {
  const text = readFileSync(path.resolve(root, file), "utf8");
  const prefixes: QualityPrefix[] = [];
  if (/qualitySite\(\)|startHarness\(\)/.test(text)) prefixes.push("/");
  if (/qualitySite\((PREFIX|"\/ri\/")\)/.test(text)) prefixes.push("/ri/");
  return prefixes;
};
const wanted = [...new Set(files.flatMap(prefixesOf))];

const env: NodeJS.ProcessEnv = { ...process.env, RI_TEST_DAY: TODAY };
const shared: string[] = [];
const started = Date.now();
try {
  const sites = await Promise.all(wanted.map(async (prefix) => ({ prefix, ...(await buildQualitySiteUnder(prefix)) })));
  for (const { prefix, root: siteRoot } of sites) {
    env[SHARED_QUALITY_SITE[prefix]] = siteRoot;
    shared.push(siteRoot);
  }
  if (sites.length)
    console.log(
      `ℹ the quality site, built once for every suite (${sites.map((site) => site.prefix).join(" and ")}): ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const child = spawn(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files], {
  cwd: root,
  stdio: "inherit",
  env,
});
const code = await new Promise<number>((resolve) => child.on("exit", (exit, signal) => resolve(exit ?? (signal ? 1 : 0))));
await Promise.all(shared.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10 })));
// The fast files use no browser, so a missing one is not their business.
if (chromiumMissing && !fast) {
  console.error(`\n${MISSING_CHROMIUM}`);
  process.exitCode = 1;
} else {
  process.exitCode = code;
}
