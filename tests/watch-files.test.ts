import assert from "node:assert/strict";
import { mkdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type FileWatcher, watchFiles } from "../src/cli/watch-files.ts";
import { tempDir } from "./helpers/fixture-site.ts";

/** The preview's watcher hears every common way of saving a file, every time. */
describe("the preview's file watcher", () => {
  let root: string;
  let content: string;
  let story: string;
  let watcher: FileWatcher;
  let heard: string[][] = [];
  let waiting: (() => void) | undefined;

  before(async () => {
    root = await tempDir("watch");
    content = path.join(root, "content");
    story = path.join(content, "news", "2024", "story.md");
    await mkdir(path.dirname(story), { recursive: true });
    await writeFile(story, "first");
    watcher = watchFiles([content], (files) => {
      heard.push(files);
      waiting?.();
    });
    await watcher.ready;
  });
  after(async () => {
    await watcher.close();
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  /** Makes a save and returns the files the watcher reported for it, failing after a second. */
  async function save(action: () => Promise<void>): Promise<string[]> {
    heard = [];
    const reported = new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error("the save was not heard within a second")), 1000);
      waiting = () => {
        clearTimeout(timeout);
        resolve();
      };
    });
    await action();
    await reported;
    // Let the rest of the save's events arrive. A slow machine may report one save as two
    // bursts (a delete, then the file again): what matters is which files were heard.
    await new Promise((resolve) => setTimeout(resolve, 150));
    return [...new Set(heard.flat())];
  }

  it("hears a file written in place", async () => {
    assert.deepEqual(await save(() => writeFile(story, "in place")), [story]);
  });

  it("hears ten saves that write a temporary file and rename it over the story", async () => {
    for (let n = 0; n < 10; n++) {
      const temporary = path.join(path.dirname(story), `.story.md.${n}.tmp`);
      const files = await save(async () => {
        await writeFile(temporary, `replaced ${n}`);
        await rename(temporary, story);
      });
      assert.deepEqual(files, [story], `save ${n + 1}`);
    }
  });

  it("hears a file deleted and written again", async () => {
    assert.deepEqual(
      await save(async () => {
        await unlink(story);
        await writeFile(story, "recreated");
      }),
      [story],
    );
  });

  it("hears a file moved in from another folder", async () => {
    const outside = path.join(root, "downloaded.md");
    const moved = path.join(content, "news", "2024", "moved-in.md");
    await writeFile(outside, "from elsewhere");
    assert.deepEqual(await save(() => rename(outside, moved)), [moved]);
  });

  it("hears a file in a folder made after it started", async () => {
    const fresh = path.join(content, "news", "2025", "new.md");
    assert.deepEqual(
      await save(async () => {
        await mkdir(path.dirname(fresh));
        await writeFile(fresh, "new year");
      }),
      [fresh],
    );
  });

  it("still hears the story written in place after all that", async () => {
    assert.deepEqual(await save(() => writeFile(story, "last")), [story]);
  });
});
