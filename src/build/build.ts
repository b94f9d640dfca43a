import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { BuildOptions } from "./build-options.ts";
import { type CheckResult, checkContent } from "../check/check.ts";
import { outputProblems } from "./output-check.ts";
import { type BuildLock, BuildLockHeld, acquireBuildLock, isRunning } from "./build-lock.ts";
import { SIBLING, deleteInBackground } from "./build-cleanup.ts";
import { londonToday } from "../content/dates.ts";
import { forgetCheck, rememberCheck } from "./check-handoff.ts";

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
  /** Why a build whose check passed was not published, for the person running it. */
  failure?: string;
}

const configPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "eleventy.config.ts");

/**
 * Cleans up after builds that were killed before they finished: if one was killed between
 * its two renames (the old site moved aside, the new one not yet in place), puts the old
 * site back; every other folder a finished or killed build left (half-written sites,
 * replaced sites, a killed deleter's claim) is handed to a background deleter, so that
 * this build does not wait for their deletion either.
 */
export async function recoverAbandonedBuilds(output: string): Promise<void> {
  const parent = path.dirname(output);
  const base = path.basename(output);
  const entries = await readdir(parent).catch(() => []);
  const garbage: string[] = [];
  for (const entry of entries) {
    const match = SIBLING.exec(entry.slice(base.length));
    if (!entry.startsWith(base) || !match) continue;
    const [, kind, pid] = match;
    // A replaced site waiting to be deleted belongs to nobody once its build has swapped.
    if (kind !== "old" && isRunning(Number(pid))) continue;
    const folder = path.join(parent, entry);
    const outputExists = await stat(output).then(
      () => true,
      () => false,
    );
    if (kind === "replaced" && !outputExists) await rename(folder, output);
    else garbage.push(folder);
  }
  deleteInBackground(output, garbage);
}

/** A file-system error in the words of someone who must fix it. */
function fileSystemFailure(error: unknown, what: string): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  const file = (error as NodeJS.ErrnoException).path ?? what;
  if (code === "EACCES" || code === "EPERM")
    return `cannot write ${file} (permission denied): make ${what} writable, or build into another folder with --output`;
  if (code === "EROFS") return `cannot write ${file}: it is on a read-only disk; build into another folder with --output`;
  if (code === "ENOENT") return `cannot write ${file}: its folder does not exist or cannot be reached`;
  if (code === "ENOSPC") return `cannot write ${file}: the disk is full`;
  if (code === "ENOTDIR" || code === "EEXIST") return `cannot write ${file}: a file stands where a folder should be`;
  return undefined;
}

/**
 * Checks the content, then builds into a new folder beside the output, verifies the new
 * site, and swaps it in only when it is whole. A failed, refused or killed build leaves
 * the previous site exactly as it was, and only one build writes to an output at a time.
 */
export async function buildSite(request: BuildRequest): Promise<BuildResult> {
  const output = path.resolve(request.output);
  const check = await checkContent(request.input, {
    preview: request.preview,
    today: request.today,
    strict: request.strict,
    renderPrefix: request.pathPrefix,
  });
  if (check.problems.some((problem) => problem.severity === "error")) return { ok: false, check };

  let lock: BuildLock;
  try {
    await mkdir(path.dirname(output), { recursive: true });
    lock = await acquireBuildLock(output);
  } catch (error) {
    if (error instanceof BuildLockHeld) return { ok: false, check, failure: error.message };
    return { ok: false, check, failure: fileSystemFailure(error, path.dirname(output)) ?? String(error), error };
  }
  try {
    await recoverAbandonedBuilds(output);
    return await buildChecked(request, output, check);
  } finally {
    await lock.release();
  }
}

async function buildChecked(request: BuildRequest, output: string, check: CheckResult): Promise<BuildResult> {
  const staging = `${output}.building-${process.pid}`;
  const retired = `${output}.replaced-${process.pid}`;
  const discard = () => rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await discard();

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
    await discard();
    return { ok: false, check, error, failure: fileSystemFailure(innermost(error), path.dirname(output)) };
  } finally {
    forgetCheck(request.input);
  }

  const wrong = await stat(staging).then(
    () => outputProblems(staging, check, request.searchIndex),
    () => ["the build wrote no site at all"],
  );
  if (wrong.length) {
    await discard();
    return { ok: false, check, failure: `the new site is not complete, so it was not published:\n${wrong.map((line) => `  ${line}`).join("\n")}` };
  }

  try {
    const hadOutput = await rename(output, retired).then(
      () => true,
      () => false,
    );
    await rename(staging, output);
    if (!hadOutput) return { ok: true, check };
  } catch (error) {
    await discard();
    return { ok: false, check, error, failure: fileSystemFailure(error, path.dirname(output)) };
  }
  // The new site is live: the old one is garbage, deleted off this build's critical path.
  // Should the rename fail, the next build finds it as a replaced site and deletes it then.
  const old = `${output}.old-${process.pid}`;
  await rename(retired, old).then(
    () => deleteInBackground(output, [old]),
    () => undefined,
  );
  return { ok: true, check };
}

/** Eleventy wraps the error that stopped it, sometimes twice: the first cause says what happened. */
export function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { originalError?: unknown; cause?: unknown } | undefined)?.originalError ?? (current as { cause?: unknown } | undefined)?.cause;
    if (!inner) break;
    current = inner;
  }
  return current;
}
