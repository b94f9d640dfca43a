import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { BuildOptions } from "./build-options.ts";
import { type CheckResult, checkContent } from "./check.ts";
import { londonToday } from "./dates.ts";
import { forgetCheck, rememberCheck } from "./eleventy/checked-content.ts";

export interface BuildRequest extends BuildOptions {
  input: string;
  output: string;
  quiet?: boolean;
  /** Warnings stop the build too. */
  strict?: boolean;
}

export interface BuildResult {
  ok: boolean;
  check: CheckResult;
  /** Set when the check passed but Eleventy failed. */
  error?: unknown;
}

const configPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "eleventy.config.ts");

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Cleans up after builds that were killed before they finished: removes their
 * half-written folders, and if one was killed between its two renames (the old site moved
 * aside, the new one not yet in place), puts the old site back.
 */
export async function recoverAbandonedBuilds(output: string): Promise<void> {
  const parent = path.dirname(output);
  const base = path.basename(output);
  const entries = await readdir(parent).catch(() => []);
  for (const entry of entries) {
    const match = /^\.(building|replaced)-(\d+)$/.exec(entry.slice(base.length));
    if (!entry.startsWith(base) || !match || isRunning(Number(match[2]))) continue;
    const folder = path.join(parent, entry);
    const outputExists = await stat(output).then(
      () => true,
      () => false,
    );
    if (match[1] === "replaced" && !outputExists) await rename(folder, output);
    else await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Checks the content, then builds into a new folder beside the output and swaps it in
 * only when the whole site is written. A failed or killed build leaves the previous
 * site exactly as it was.
 */
export async function buildSite(request: BuildRequest): Promise<BuildResult> {
  const output = path.resolve(request.output);
  await recoverAbandonedBuilds(output);
  const check = await checkContent(request.input, {
    preview: request.preview,
    today: request.today,
    strict: request.strict,
    renderPrefix: request.pathPrefix,
  });
  if (check.problems.some((problem) => problem.severity === "error")) return { ok: false, check };

  const staging = `${output}.building-${process.pid}`;
  const retired = `${output}.replaced-${process.pid}`;
  await rm(staging, { recursive: true, force: true });

  // The site plugin reads its options from the environment, as it does under `eleventy --serve`.
  process.env.RI_PREVIEW = request.preview ? "1" : "0";
  process.env.RI_BUILD_DATE = londonToday(request.today).toISODate() ?? "";
  process.env.RI_PATH_PREFIX = request.pathPrefix;
  process.env.RI_SEARCH_INDEX = request.searchIndex ? "1" : "0";

  // Eleventy renders what this check read, and nothing it did not pass.
  rememberCheck(request.input, check);
  try {
    // As on the command line, the folders given here win over the config file's defaults.
    const eleventy = new Eleventy(request.input, staging, { configPath, quietMode: request.quiet ?? true, source: "cli" });
    await eleventy.write();
  } catch (error) {
    // Eleventy runs its after-build handlers side by side: when one fails, others may
    // still be writing into the folder for a moment, so removing it is retried.
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    return { ok: false, check, error };
  } finally {
    forgetCheck(request.input);
  }

  const hadOutput = await rename(output, retired).then(
    () => true,
    () => false,
  );
  await rename(staging, output);
  if (hadOutput) await rm(retired, { recursive: true, force: true });
  return { ok: true, check };
}
