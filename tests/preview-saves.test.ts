import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, TINY_PNG, makeContent, markdownFile, runCli, tempDir } from "./helpers/fixture-site.ts";
import { freePort, stopProcessGroup } from "./helpers/processes.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const LIVE = { title: "Live story", date: "2024-05-01", summary: "A story edited while the preview runs.", tags: ["events"] };
const story = (body: string, data: Record<string, unknown> = {}) => markdownFile({ ...LIVE, ...data }, body);

/**
 * `npm start` as an editor uses it: every way of saving a story is shown, and a save with
 * a mistake prints the same lines as `npm run check` while the last good page stays.
 */
describe("the preview, saving a story", { timeout: 240_000 }, () => {
  let root: string;
  let content: string;
  let file: string;
  let runner: ChildProcess;
  let output = "";
  let base = "";

  before(async () => {
    root = await tempDir("preview-saves");
    content = await makeContent(root, {
      stories: [{ slug: "neighbour", title: "Neighbour", date: "2024-04-01", summary: "Another story.", body: "See [the live story](/news/2024/live/)." }],
      files: { "news/2024/live.md": story("Version 0.") },
    });
    file = path.join(content, "news", "2024", "live.md");
    const port = await freePort();
    base = `http://localhost:${port}`;
    // Its own process group, so the runner and its worker stop together.
    runner = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "src", "cli", "serve.ts"), "--input", content, "--output", path.join(root, "_preview"), "--port", String(port)],
      { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RI_BUILD_DATE: FIXTURE_DAY } },
    );
    runner.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    runner.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes("Preview rebuilt") && runner.exitCode === null && Date.now() < deadline) await sleep(100);
    assert.match(output, /Preview rebuilt in/, output);
  });

  after(async () => {
    await stopProcessGroup(runner);
    // A replaced site is deleted by a detached process that first renames it beside the
    // new one (src/build/build-cleanup.ts), so the folder can gain an entry while it is
    // removed: rm retries then (ENOTEMPTY), here and in every test's clean-up.
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  const page = async (url: string) => {
    const response = await fetch(base + url);
    return { status: response.status, text: await response.text() };
  };

  /** Makes a save, then waits for the page to show the text; returns how long that took. */
  async function shown(url: string, text: string, save: () => Promise<void>, limit = 10_000): Promise<number> {
    const begun = performance.now();
    await save();
    while (performance.now() - begun < limit) {
      if ((await page(url)).text.includes(text)) return performance.now() - begun;
      await sleep(20);
    }
    assert.fail(`${url} did not show "${text}" within ${limit} ms. The preview said:\n${output}`);
  }

  /** Writes a temporary file and renames it over the story, as many editors and sync tools save. */
  const replace = (target: string, text: string) => async () => {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${Date.now()}.tmp`);
    await writeFile(temporary, text);
    await rename(temporary, target);
  };

  it("shows each of ten replace-style saves of one story in under a second", async (t) => {
    const times: number[] = [];
    for (let n = 1; n <= 10; n++) {
      times.push(await shown("/news/2024/live/", `Version ${n}.`, replace(file, story(`Version ${n}.`))));
      // Editors save seconds apart, not within one burst.
      await sleep(150);
    }
    t.diagnostic(`from save to page: ${times.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    assert.ok(
      times.every((ms) => ms < 1000),
      `times from save to page: ${times.map((ms) => ms.toFixed(0)).join(", ")} ms`,
    );
  });

  it("shows a save written in place", async () => {
    await shown("/news/2024/live/", "Written in place.", () => writeFile(file, story("Written in place.")));
  });

  it("shows a story deleted and written again", async () => {
    await shown("/news/2024/live/", "Deleted and written again.", async () => {
      await unlink(file);
      await writeFile(file, story("Deleted and written again."));
    });
  });

  it("shows a story moved in from another folder", async () => {
    const outside = path.join(root, "downloaded.md");
    await writeFile(outside, markdownFile({ title: "Moved in", date: "2024-06-01", summary: "A story from elsewhere." }, "Moved in from elsewhere."));
    await shown("/news/2024/moved-in/", "Moved in from elsewhere.", () => rename(outside, path.join(content, "news", "2024", "moved-in.md")));
  });

  /** What `npm run check` prints for the content as it is now: one line a problem. */
  async function checkLines(): Promise<string[]> {
    const result = await runCli("check", [content, "--preview"]);
    return result.stderr.split("\n").filter(Boolean);
  }

  /** Saves a story with a mistake and returns what the preview printed for it. */
  async function saveWithMistake(target: string, text: string): Promise<string> {
    const before = output.length;
    await replace(target, text)();
    const deadline = Date.now() + 10_000;
    while (!output.slice(before).includes("Preview not rebuilt") && Date.now() < deadline) await sleep(50);
    return output.slice(before);
  }

  const MISTAKES: Record<string, { text: string; line: RegExp }> = {
    "a link to no page": {
      text: story("Read about [our services](/servics/)."),
      line: /live\.md:\d+: link: "\/servics\/" goes to no page on this site \(did you mean "\/services\/"\?\)/,
    },
    "a tag that is not a topic": { text: story("Tagged.", { tags: ["dementia"] }), line: /live\.md:\d+: tags\[0\]: "dementia" is not a topic/ },
    "an image that is not there": {
      text: story("![A chart of results](/images/missing.png)"),
      line: /live\.md:\d+: image: "\/images\/missing\.png" is not an image on this site/,
    },
    "an image without alt text": { text: story("![](/images/missing.png)"), line: /live\.md:\d+: image: "\/images\/missing\.png" has no alt text/ },
  };

  for (const [name, mistake] of Object.entries(MISTAKES)) {
    it(`prints ${name} as npm run check does, and keeps the last good page`, async () => {
      const updates = () => output.split("Story updated").length;
      const before = updates();
      await shown("/news/2024/live/", "The last good version.", replace(file, story("The last good version.")));
      // The preview says so just after writing the page: wait for that, so it is not taken for the next save's.
      while (updates() === before) await sleep(20);
      const printed = await saveWithMistake(file, mistake.text);
      assert.match(printed, mistake.line);
      assert.match(printed, /Preview not rebuilt: fix the problems above and save again/);
      assert.doesNotMatch(printed, /Story updated/);
      for (const line of await checkLines()) assert.ok(printed.includes(line), `the preview did not print "${line}":\n${printed}`);
      const now = await page("/news/2024/live/");
      assert.equal(now.status, 200);
      assert.match(now.text, /The last good version\./);
    });
  }

  it("names the other page whose link a deleted story breaks", async () => {
    await shown("/news/2024/live/", "Back to good.", replace(file, story("Back to good.")));
    const before = output.length;
    await unlink(file);
    const deadline = Date.now() + 10_000;
    while (!output.slice(before).includes("Preview not rebuilt") && Date.now() < deadline) await sleep(50);
    assert.match(output.slice(before), /neighbour\.md:\d+: link: "\/news\/2024\/live\/" goes to no page on this site/);
    await mkdir(path.dirname(file), { recursive: true });
    await shown("/news/2024/live/", "Restored.", () => writeFile(file, story("Restored.")));
    assert.match((await readFile(file, "utf8")).toString(), /Restored/);
  });

  it("shows a story saved while another story had an error, once the error is fixed", async () => {
    const neighbour = path.join(content, "news", "2024", "neighbour.md");
    const neighbourText = (body: string) => markdownFile({ title: "Neighbour", date: "2024-04-01", summary: "Another story." }, body);
    await shown("/news/2024/live/", "Good before the mistake.", replace(file, story("Good before the mistake.")));
    assert.match(await saveWithMistake(file, "---\ntitle: [unclosed\n---\nBroken.\n"), /live\.md/);
    assert.match(await saveWithMistake(neighbour, neighbourText("Saved while live.md was broken. See [the live story](/news/2024/live/).")), /live\.md/);
    await shown("/news/2024/live/", "Mended.", replace(file, story("Mended.")), 60_000);
    await shown("/news/2024/neighbour/", "Saved while live.md was broken.", async () => {}, 60_000);
  });

  it("shows a story changed without the watcher hearing it, once another file is saved", async () => {
    const neighbour = path.join(content, "news", "2024", "neighbour.md");
    await shown("/news/2024/live/", "Heard.", replace(file, story("Heard.")), 60_000);
    // Renamed over the story with its modification time (to the nanosecond, as touch copies
    // it), read since: chokidar (src/cli/watch-files.ts) takes that for a file only read, so
    // no event comes.
    const temporary = path.join(path.dirname(file), ".live.md.unheard");
    await writeFile(temporary, story("Changed unheard."));
    execFileSync("touch", ["-r", file, temporary]);
    execFileSync("touch", ["-a", temporary]);
    await rename(temporary, file);
    await sleep(500);
    assert.doesNotMatch((await page("/news/2024/live/")).text, /Changed unheard\./, "the change was heard after all: this test shows nothing");
    await shown(
      "/news/2024/live/",
      "Changed unheard.",
      replace(neighbour, markdownFile({ title: "Neighbour", date: "2024-04-01", summary: "Another story." }, "Saved after an unheard change.")),
      60_000,
    );
    await shown("/news/2024/neighbour/", "Saved after an unheard change.", async () => {}, 60_000);
  });

  it("shows a newly added image as a picture whose resized copies are all there", async () => {
    // The image and the story that shows it, saved one after the other as the CMS does: the
    // preview rebuilds in full for a new image (src/render/incremental.ts), which makes its copies.
    const save = async () => {
      await mkdir(path.join(content, "images"), { recursive: true });
      await writeFile(path.join(content, "images", "new-photo.png"), TINY_PNG);
      await replace(file, story("With a picture.\n\n![A new photo](/images/new-photo.png)"))();
    };
    await shown("/news/2024/live/", "/images/_sized/new-photo-", save, 60_000);
    const copies = new Set([...(await page("/news/2024/live/")).text.matchAll(/\/images\/_sized\/new-photo-[^" ,]+/g)].map((match) => match[0]));
    assert.ok(copies.size >= 3, `AVIF, WebP and PNG copies: ${[...copies].join(", ")}`);
    // The copies are written after the pages (in eleventy.after): each is there within moments.
    for (const copy of copies) {
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (status !== 200 && Date.now() < deadline) {
        status = (await fetch(base + copy)).status;
        if (status !== 200) await sleep(100);
      }
      assert.equal(status, 200, `${copy} is served. The preview said:\n${output}`);
    }
  });
});
