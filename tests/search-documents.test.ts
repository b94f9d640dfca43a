import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { isRunning } from "../src/build/build-lock.ts";
import { documentsParent, startSearchIndex } from "../src/eleventy/search-index.ts";
import { tempDir } from "./helpers/fixture-site.ts";

const page = (title: string) =>
  `<!DOCTYPE html>\n<html lang="en-GB"><body><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>Research news about ${title}.</p></article></body></html>`;

/** A process number no process has now, for a folder left by a killed build. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) if (!isRunning(pid)) return pid;
}

async function eventually(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(test(), what);
}

describe("search documents", () => {
  let root: string;
  before(async () => {
    root = await tempDir("search-documents");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("index every page added, and leave no documents behind", async () => {
    const output = path.join(root, "site");
    const search = startSearchIndex(output);
    search.add("/news/2024/first/", page("First"));
    search.add("/services/second/", page("Second"));
    search.start();
    assert.throws(() => search.add("/late/", page("Late")), /after the search index had started/);
    assert.deepEqual(await search.finish(), { pages: 2 });
    const files = await readdir(path.join(output, "pagefind"));
    assert.ok(files.includes("pagefind.js"), "the index is written");
    assert.ok(!files.some((file) => /-ui\.(js|css)$/.test(file)), "Pagefind's ready-made interface is left out");
    const mine = () => existsSync(documentsParent()) && !readdirSyncSafe(documentsParent()).some((entry) => entry.startsWith(`ri-search-${process.pid}-`));
    await eventually(mine, "the documents folder is deleted");
  });

  it("delete the documents a killed build left behind", async () => {
    const leftover = path.join(documentsParent(), `ri-search-${deadPid()}-left`);
    mkdirSync(path.join(leftover, "news"), { recursive: true });
    writeFileSync(path.join(leftover, "news", "index.html"), page("Left"));
    const search = startSearchIndex(path.join(root, "again"));
    await search.abort();
    await eventually(() => !existsSync(leftover), `${leftover} is deleted`);
  });
});

function readdirSyncSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
