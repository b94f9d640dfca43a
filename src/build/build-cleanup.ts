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
 * Starts a process that deletes these folders (siblings of `output`) and returns at once.
 * It runs at the lowest CPU priority the system gives without privileges, so a build that
 * starts meanwhile is not slowed by it.
 */
export function deleteInBackground(output: string, folders: string[]): void {
  if (!folders.length) return;
  const child = spawn(process.execPath, ["-e", DELETER, path.resolve(output), ...folders.map((folder) => path.resolve(folder))], {
    detached: true,
    stdio: "ignore",
    // The build's own Node options (a TypeScript loader, a debugger) are not wanted here.
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  child.on("error", () => {
    // Could not start (no process slots): the folders stay, named for a dead process, and
    // the next build hands them to a deleter of its own.
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: it runs at normal priority, which is only slower for others.
    }
  }
  child.unref();
}

/** Plain JavaScript, as DELETER: removes one folder that no other process uses. */
const FOLDER_DELETER = `require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 });`;

/**
 * Deletes a temporary folder of this build's own (one nobody else knows the name of, such
 * as the search documents) in a detached low-priority process, so the build does not wait
 * for thousands of `unlink` calls. A folder left by a killed build is in the system's
 * temporary folder, which the system clears.
 */
export function deleteFolderInBackground(folder: string): void {
  const child = spawn(process.execPath, ["-e", FOLDER_DELETER, path.resolve(folder)], {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  child.on("error", () => {
    // Could not start: the folder stays in the temporary folder.
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: it runs at normal priority.
    }
  }
  child.unref();
}
