/** The parts of Eleventy's chokidar build (no type declarations of its own) the preview's watcher uses. */
declare module "@11ty/chokidar-with-glob-support" {
  export interface WatchOptions {
    ignoreInitial?: boolean;
    ignored?: (file: string) => boolean;
  }
  export interface FSWatcher {
    on(event: "all", listener: (event: string, file: string) => void): this;
    once(event: "ready", listener: () => void): this;
    close(): Promise<void>;
  }
  export function watch(paths: string[], options?: WatchOptions): FSWatcher;
}
