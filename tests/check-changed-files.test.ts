import assert from "node:assert/strict";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { checkContent } from "../src/check/check.ts";
import { filesChangedSinceRead } from "../src/check/frontmatter.ts";
import { FIXTURE_CONTACT, makeContent, markdownFile, tempDir } from "./helpers/fixture-site.ts";

const story = (title: string, data: Record<string, unknown> = {}) =>
  markdownFile({ title, date: "2024-05-01", summary: "A story saved while the preview runs.", ...data }, `${title}.`);

/**
 * The preview's check on a save reads only the files its watcher names (changedFiles);
 * what it takes on trust must never hide a problem an earlier save brought.
 */
describe("the preview's check of one saved file", () => {
  let root: string;
  let content: string;
  let first: string;
  let second: string;
  const check = (...changed: string[]) => checkContent(content, { preview: true, changedFiles: new Set(changed) });
  const titles = async (...changed: string[]) =>
    (await check(...changed)).files
      .filter((file) => file.location.type === "news")
      .map((file) => String(file.data.title))
      .sort();
  const messages = async (...changed: string[]) => (await check(...changed)).problems.map((problem) => `${path.basename(problem.file)}: ${problem.message}`);

  before(async () => {
    root = await tempDir("check-changed");
    content = await makeContent(root, {
      files: { "news/2024/first.md": story("First"), "news/2024/second.md": story("Second") },
      site: { contact: FIXTURE_CONTACT },
    });
    first = path.join(content, "news", "2024", "first.md");
    second = path.join(content, "news", "2024", "second.md");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("reads every file this process has not read yet, named or not", async () => {
    assert.deepEqual((await check()).problems, []);
    assert.deepEqual(await titles(), ["First", "Second"]);
  });

  it("reads the named file afresh and takes the others as it last read them", async () => {
    await writeFile(first, story("First, edited"));
    await writeFile(second, story("Second, edited unseen"));
    assert.deepEqual(await titles(first), ["First, edited", "Second"]);
    // Named at last, as the watcher's next message would.
    assert.deepEqual(await titles(second), ["First, edited", "Second, edited unseen"]);
  });

  const MISTAKES: Record<string, { text: string; problem: RegExp }> = {
    "front matter that is not YAML": { text: "---\ntitle: [First\ndate: 2024-05-01\n---\nText.\n", problem: /^first\.md: / },
    "a field the schema refuses": { text: story("First", { tags: ["not-a-topic"] }), problem: /^first\.md: "not-a-topic" is not a topic/ },
  };
  for (const [name, mistake] of Object.entries(MISTAKES)) {
    it(`still reports ${name} in one file when the next save is to another`, async () => {
      await writeFile(first, mistake.text);
      const saved = await messages(first);
      assert.ok(
        saved.some((line) => mistake.problem.test(line)),
        saved.join("\n"),
      );
      await writeFile(second, story("Second, saved next"));
      assert.deepEqual(await messages(second), saved);
      await writeFile(first, story("First, mended"));
      assert.deepEqual(await messages(first), []);
    });
  }

  it("finds the files changed or deleted since it read them, for the preview to rebuild when its watcher missed one", async () => {
    await check(first, second);
    assert.deepEqual(filesChangedSinceRead(content), []);
    await writeFile(second, story("Second, changed unheard"));
    assert.deepEqual(filesChangedSinceRead(content), [second]);
    assert.deepEqual(await titles(first), ["First, mended", "Second, saved next"]);
    await check(second);
    assert.deepEqual(filesChangedSinceRead(content), []);
    const gone = path.join(content, "news", "2024", "gone.md");
    await writeFile(gone, story("Gone"));
    await check(gone);
    await rm(gone);
    assert.deepEqual(filesChangedSinceRead(content), [gone]);
    // The next check no longer lists it, and forgets it.
    await check();
    assert.deepEqual(filesChangedSinceRead(content), []);
    await writeFile(second, story("Second, saved next"));
    await check(second);
  });

  it("still sees a file deleted or added, named or not", async () => {
    const third = path.join(content, "news", "2024", "third.md");
    await writeFile(third, story("Third"));
    assert.deepEqual(await titles(first), ["First, mended", "Second, saved next", "Third"]);
    await rm(third);
    assert.deepEqual(await titles(first), ["First, mended", "Second, saved next"]);
  });
});
