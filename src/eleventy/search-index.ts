import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, readdirSync, statfsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { deleteFolderInBackground } from "../build/build-cleanup.ts";
import { isRunning } from "../build/build-lock.ts";
import { pageWriter } from "../render/pages.ts";

/**
 * The indexer binary Pagefind's npm package installs for this platform (its own
 * `pagefind` command runs the same file through a Node wrapper).
 */
function pagefindBinary(): string {
  const fromPagefind = createRequire(import.meta.resolve("pagefind"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const names = ["pagefind_extended", "pagefind"].map((name) => `@pagefind/${platform}-${process.arch}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
  for (const name of names) {
    try {
      return fromPagefind.resolve(name);
    } catch {
      // Not installed under this name: try the next.
    }
  }
  throw new Error(`Pagefind has no indexer installed for ${platform}-${process.arch} (looked for ${names.join(", ")}): run npm ci again`);
}

interface PagefindRun {
  /** How many pages it indexed, once it has written the index. */
  pages: Promise<number>;
  /** Stops it and waits for it to end, when the build has failed meanwhile. */
  stop(): Promise<void>;
}

/**
 * Starts Pagefind's indexer over `site`, writing the index to `outputPath`. Only the
 * arguments given here configure it: no configuration file is read (the working folder
 * is `site`, which holds only pages) and no PAGEFIND_* variable of the environment.
 */
function runPagefind(site: string, outputPath: string): PagefindRun {
  const args = ["--site", site, "--output-path", outputPath, "--force-language", "en"];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith("PAGEFIND_")));
  const child = spawn(pagefindBinary(), args, { cwd: site, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exit) => resolve(exit ?? 1));
  });
  const lastLines = () => output.trim().split("\n").slice(-20).join("\n");
  const pages = exited.then(async (code) => {
    if (code !== 0) throw new Error(`Pagefind could not build the search index (exit ${code}):\n${lastLines()}`);
    const indexed = /Indexed (\d+) pages?/.exec(output);
    if (!indexed) throw new Error(`Pagefind did not say how many pages it indexed:\n${lastLines()}`);
    // The site has its own search page; Pagefind's ready-made interfaces would only be dead weight.
    for (const file of await readdir(outputPath)) {
      if (/^pagefind-(.+-)?ui\.(js|css)$|^pagefind-highlight\.js$/.test(file)) await rm(path.join(outputPath, file));
    }
    return Number(indexed[1]);
  });
  // Its failure is thrown where the build awaits it, not reported as unhandled meanwhile.
  pages.catch(() => undefined);
  return {
    pages,
    async stop() {
      child.kill();
      await exited.catch(() => undefined);
    },
  };
}

export interface SearchIndexer {
  /** Keeps a page's searchable document for the index. */
  add(url: string, html: string): void;
  /** Starts indexing every page added, in its own process: no page may be added after this. */
  start(): void;
  /** Waits for the index (starting it if need be) and removes the documents. */
  finish(): Promise<{ pages: number }>;
  /** Stops indexing and removes the documents, when the build has failed. */
  abort(): Promise<void>;
}

/** Free space the memory-backed folder must have to be used: some 90,000 documents of ~11 kB. */
const MEMORY_FOLDER_MIN_FREE = 1024 ** 3;

/**
 * Linux's memory-backed folder, if this system has one we may write with room to spare:
 * the documents are read once and deleted, and on a CI runner's disk writing and deleting
 * thousands of small files costs seconds of system time for nothing. A container's
 * /dev/shm is often only 64 MB, so too small a one is passed over for the temporary folder.
 */
function memoryFolder(): string | undefined {
  try {
    accessSync("/dev/shm", constants.W_OK);
    const space = statfsSync("/dev/shm");
    return space.bavail * space.bsize >= MEMORY_FOLDER_MIN_FREE ? "/dev/shm" : undefined;
  } catch {
    return undefined;
  }
}

/** Where the search documents go: `<folder>/ri-search-<pid>-<random>`. */
export function documentsParent(): string {
  return memoryFolder() ?? tmpdir();
}

/**
 * Hands to the background deleter the documents of builds that were killed (their process
 * is gone): /dev/shm is memory, and nothing else clears it until the machine restarts.
 */
function deleteAbandonedDocuments(parent: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = /^ri-search-(\d+)-/.exec(entry)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) deleteFolderInBackground(path.join(parent, entry));
  }
}

/**
 * Collects each searchable page's document (`searchDocument`: its `data-pagefind-body`
 * element alone) in a temporary folder as the site is rendered, then runs Pagefind's
 * indexer over them once, in its own process, while the build renders the pages that are
 * not results (listings, feeds, the sitemap). The indexer reads and parses pages on every
 * core, where Pagefind's Node API hands them one at a time to a service that parses them
 * one after another (its service loop has no concurrency): at 3,000 stories the API spent
 * about twice as long. The documents are the ones the API was given, so the index is the
 * same; Pagefind 1.6 writes the same index whatever order it reads them in (the
 * determinism test checks this).
 */
export function startSearchIndex(outputDir: string): SearchIndexer {
  const parent = documentsParent();
  deleteAbandonedDocuments(parent);
  const documents = mkdtempSync(path.join(parent, `ri-search-${process.pid}-`));
  const write = pageWriter(documents);
  let added = 0;
  let run: PagefindRun | undefined;
  const start = () => (run ??= runPagefind(documents, path.join(outputDir, "pagefind")));
  return {
    add(url, html) {
      if (run) throw new Error(`${url} was rendered after the search index had started: render every searchable page first`);
      write(url, html);
      added++;
    },
    start: () => void start(),
    async finish() {
      try {
        const pages = await start().pages;
        if (pages !== added) throw new Error(`Pagefind indexed ${pages} of the site's ${added} searchable pages`);
        return { pages };
      } finally {
        deleteFolderInBackground(documents);
      }
    },
    async abort() {
      await run?.stop();
      deleteFolderInBackground(documents);
    },
  };
}
