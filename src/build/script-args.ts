import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The Node options package.json's build and check scripts run with, for processes this
 * project starts itself (the preview's worker, the bench): the packages load natively
 * first (src/cli/preload.mjs), then tsx for the project's TypeScript.
 */
export const SCRIPT_NODE_ARGS: readonly string[] = [
  "--import",
  pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "cli", "preload.mjs")).href,
  "--import",
  "tsx",
];
