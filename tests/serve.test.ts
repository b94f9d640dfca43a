import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./helpers/browser.ts";
import { browserSkip } from "./quality/browser.ts";
import { makeContent, tempDir } from "./helpers/fixture-site.ts";
import { freePort, stopProcessGroup } from "./helpers/processes.ts";
import { copyProject } from "./helpers/project-copy.ts";

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, "utf8");
  assert.ok(text.includes(from), `${file} has ${from}`);
  await writeFile(file, text.replace(from, to));
}

/** `npm start` on a copy of the project: every kind of edit reaches an open page by itself. */
describe("the preview server", { timeout: 120_000, skip: browserSkip }, () => {
  let root: string;
  let project: string;
  let runner: ChildProcess;
  let output = "";
  let browser: Browser;
  let page: Page;
  let port = 0;

  before(async () => {
    root = await tempDir("serve");
    project = await copyProject(root);
    await makeContent(project, {
      stories: [
        { slug: "live", title: "Live reload", date: "2024-05-01", summary: "S." },
        { slug: "draft", title: "Draft story", date: "2024-05-02", summary: "S.", draft: true },
      ],
    });
    port = await freePort();
    // Its own process group, so the runner and any build it is running stop together.
    runner = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts", "--port", String(port)], {
      cwd: project,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    runner.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    runner.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!output.includes("Preview rebuilt") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(output, new RegExp(`Preview rebuilt in [0-9.]+ s: open http://localhost:${port}/`));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`http://localhost:${port}/news/2024/live/`);
  });

  after(async () => {
    await browser?.close();
    await stopProcessGroup(runner);
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  const waitForText = (text: string) => page.waitForFunction((wanted) => document.body.textContent?.includes(wanted), text, { timeout: 30_000 });

  it("listens only on this machine by default, since it shows drafts and embargoed stories", async () => {
    const reach = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host, port, timeout: 2000 });
        socket.once("connect", () => (socket.destroy(), resolve("connected")));
        socket.once("timeout", () => (socket.destroy(), resolve("timeout")));
        socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      });
    assert.equal(await reach("127.0.0.1"), "connected");
    // Where the kernel lists listening sockets (Linux), every one on this port is bound to
    // 127.0.0.1, not to all addresses; read from the table, with no traffic to any other address.
    const table = await readFile("/proc/net/tcp", "utf8").catch(() => undefined);
    if (table === undefined) return;
    const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
    const listening = table
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A")
      .map((fields) => fields[1]);
    assert.deepEqual(listening, [`0100007F:${hexPort}`]);
    const table6 = await readFile("/proc/net/tcp6", "utf8").catch(() => "");
    assert.ok(!table6.split("\n").some((line) => line.includes(`:${hexPort} `) && line.trim().split(/\s+/)[3] === "0A"), "not listening on IPv6 addresses");
  });

  it("serves drafts, never into _site/", async () => {
    const response = await page.request.get(page.url().replace("/live/", "/draft/"));
    assert.match(await response.text(), /ri-preview-banner/);
    assert.equal(await readFile(path.join(project, "_site", "index.html")).catch(() => null), null);
  });

  it("reloads the open page when a story changes", async () => {
    await edit(path.join(project, "content", "news", "2024", "live.md"), "The story of Live reload.", "An edited story.");
    await waitForText("An edited story.");
    // The running worker re-renders the story and the pages it changes, not the whole site.
    assert.match(output, /Story updated in \d+ ms \(\d+ pages? written\)/);
  });

  it("reloads the open page when a layout changes", async () => {
    await edit(path.join(project, "layouts", "story.tsx"), "Published <Time", "First published <Time");
    await waitForText("First published");
  });

  it("reloads the open page when a module in src/ changes", async () => {
    await edit(path.join(project, "src", "content", "dates.ts"), 'return "st";', 'return "ST";');
    await waitForText("1ST May 2024");
  });

  it("keeps the last good preview and says why when the content is broken", async () => {
    await edit(path.join(project, "content", "news", "2024", "live.md"), "title: Live reload", "title: Live: reload");
    const deadline = Date.now() + 30_000;
    while (!output.includes("Preview not rebuilt") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(output, /live\.md:2: front matter: could not be read/);
    assert.match(output, /Preview not rebuilt: fix the problems above and save again/);
    assert.match((await page.request.get(page.url())).status().toString(), /200/);
  });
});
