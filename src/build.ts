import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { BuildOptions } from "./build-options.ts";
import { type CheckResult, checkContent } from "./check.ts";
import { londonToday } from "./dates.ts";

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

/** Removes the half-written folders of builds that were killed before they could swap. */
async function removeAbandonedBuilds(output: string): Promise<void> {
  const parent = path.dirname(output);
  const prefix = `${path.basename(output)}.building-`;
  const entries = await readdir(parent).catch(() => []);
  for (const entry of entries) {
    const pid = Number(entry.slice(prefix.length));
    if (entry.startsWith(prefix) && !isRunning(pid)) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * Checks the content, then builds into a new folder beside the output and swaps it in
 * only when the whole site is written. A failed or killed build leaves the previous
 * site exactly as it was.
 */
export async function buildSite(request: BuildRequest): Promise<BuildResult> {
  const check = await checkContent(request.input, { preview: request.preview, today: request.today, strict: request.strict });
  if (check.problems.some((problem) => problem.severity === "error")) return { ok: false, check };

  const output = path.resolve(request.output);
  await removeAbandonedBuilds(output);
  const staging = `${output}.building-${process.pid}`;
  const retired = `${output}.replaced-${process.pid}`;
  await rm(staging, { recursive: true, force: true });

  // The site plugin reads its options from the environment, as it does under `eleventy --serve`.
  process.env.RI_PREVIEW = request.preview ? "1" : "0";
  process.env.RI_BUILD_DATE = londonToday(request.today).toISODate() ?? "";
  process.env.RI_PATH_PREFIX = request.pathPrefix;

  try {
    // As on the command line, the folders given here win over the config file's defaults.
    const eleventy = new Eleventy(request.input, staging, { configPath, quietMode: request.quiet ?? true, source: "cli" });
    await eleventy.write();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    return { ok: false, check, error };
  }

  const hadOutput = await rename(output, retired).then(
    () => true,
    () => false,
  );
  await rename(staging, output);
  if (hadOutput) await rm(retired, { recursive: true, force: true });
  return { ok: true, check };
}
