import path from "node:path";
import { watch } from "@11ty/chokidar-with-glob-support";

/** Editors' swap and backup files are not changes to the site. */
const IGNORED = /^[.#]|~$|\.swp$|\.tmp$/;

export interface FileWatcher {
  /** Resolves once every target is being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches files and folders for every common way of saving a file: written in place,
 * a temporary file renamed over it (as many editors and sync tools save), deleted and
 * created again, or moved in from elsewhere. Node's own recursive `fs.watch` on Linux
 * watches each file's inode, so it goes deaf to a file after the first rename over it;
 * chokidar watches the folders and follows replaced files. This is the chokidar build that
 * Eleventy's own dev server uses (chokidar 4; a direct chokidar 4 would clash with the
 * chokidar 3 that nunjucks asks for).
 *
 * Saves come in bursts (a temporary file, then the rename): `onChange` is called once per
 * burst, with every file that changed in it.
 */
export function watchFiles(targets: string[], onChange: (files: string[]) => void, burstMs = 50): FileWatcher {
  const watcher = watch(targets, {
    ignoreInitial: true,
    ignored: (file: string) => !targets.includes(file) && IGNORED.test(path.basename(file)),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on("all", (event: string, file: string) => {
    if (event === "addDir") return;
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending = new Set();
      onChange(files);
    }, burstMs);
  });
  return {
    ready: new Promise((resolve) => watcher.once("ready", () => resolve())),
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
