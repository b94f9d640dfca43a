import path from "node:path";
import type { CheckResult } from "../check/check.ts";

/**
 * The check each build rests on, by its input folder: the build hands over its check, so
 * the Eleventy plugin (src/eleventy/checked-content.ts) renders exactly what was checked.
 */
export const checks = new Map<string, CheckResult>();

/** The build hands over its check, so Eleventy renders exactly what was checked. */
export function rememberCheck(inputDir: string, result: CheckResult): void {
  checks.set(path.resolve(inputDir), result);
}

export function forgetCheck(inputDir: string): void {
  checks.delete(path.resolve(inputDir));
}
