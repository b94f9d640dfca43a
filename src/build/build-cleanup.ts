import { spawn } from "node:child_process";
import { constants, setPriority } from "node:os";
import path from "node:path";

/**
 * Deleting a replaced site is the slowest file-system work a rebuild does on disk: at 3,000
 * stories, some 8,400 `rmdir` and 4,300 `unlink` calls, 4 to 5 s of system time here. None of
 * it is needed for the new site to be live, so it is handed to a detached process that
 * outlives the build, and the build reports success without waiting for it.
 *
 * A folder is deleted by exactly one process: the deleter first claims it by renaming it to
 * `<output>.deleting-<its pid>-<n>` (a rename is atomic; a folder another deleter has
 * claimed is gone from its old name, and the rename fails). A deleter that was killed leaves
 * its claimed folder under its own dead pid, and the next build hands it to a new deleter
 * (see recoverAbandonedBuilds).
 */

/** `<output>.<kind>-<pid>[-<n>]`: the folders a build leaves beside its output, and whose they are. */
export const SIBLING = /^\.(building|replaced|old|deleting)-(\d+)(?:-\d+)?$/;

/** Plain JavaScript, so that the deleter starts in milliseconds (no TypeScript loader). */
const DELETER = `
const { renameSync, rmSync } = require("node:fs");
const [output, ...folders] = process.argv.slice(1);
folders.forEach((folder, n) => {
  const claimed = output + ".deleting-" + process.pid + "-" + n;
  try { renameSync(folder, claimed); } catch { return; }
  try { rmSync(claimed, { recursive: true, force: true, maxRetries: 3 }); } catch {}
});
`;

/**
 * Runs a plain-JavaScript deleter in a detached process and returns at once. It runs at
 * the lowest CPU priority the system gives without privileges, so a build that starts
 * meanwhile is not slowed by it. Should it not start (no process slots), what it was to
 * delete stays, named so that the next build finds it and tries again.
 */
function startDeleter(script: string, args: string[]): void {
  const child = spawn(process.execPath, ["-e", script, ...args], {
    detached: true,
    stdio: "ignore",
    // The build's own Node options (a TypeScript loader, a debugger) are not wanted here.
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  child.on("error", () => undefined);
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: it runs at normal priority, which is only slower for others.
    }
  }
  child.unref();
}

/**
 * Deletes these folders (siblings of `output`) in the background: a deleter left killed
 * leaves its claimed folders under its own dead pid, for the next build.
 */
export function deleteInBackground(output: string, folders: string[]): void {
  if (!folders.length) return;
  startDeleter(DELETER, [path.resolve(output), ...folders.map((folder) => path.resolve(folder))]);
}

/** Plain JavaScript, as DELETER: removes one folder that no other process uses. */
const FOLDER_DELETER = `require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 });`;

/**
 * Deletes a temporary folder of this build's own (one nobody else knows the name of, such
 * as the search documents) in the background, so the build does not wait for thousands
 * of `unlink` calls. Such folders carry their build's pid, so the next build deletes any
 * a killed build left (see startSearchIndex).
 */
export function deleteFolderInBackground(folder: string): void {
  startDeleter(FOLDER_DELETER, [path.resolve(folder)]);
}
