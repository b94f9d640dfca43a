import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import matter from "gray-matter";
import { ADMIN_CONTENT_SECURITY_POLICY, PREVIEW_ADMIN_CONTENT_SECURITY_POLICY } from "../src/publish/csp.ts";
import { HEADER_RULES } from "../src/publish/http-headers.ts";
import { type BuiltCmsConfig, SAMPLE_PNG, fillForm } from "./helpers/cms-editor.ts";
import { makeContent, tempDir } from "./helpers/fixture-site.ts";
import { freePort, stopProcessGroup } from "./helpers/processes.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { browserSkip, watchPage } from "./quality/browser.ts";
import { launchBrowser } from "../src/bench/chromium.ts";

/**
 * `npm run cms` on a copy of the project: the preview's /admin/ uses Decap's local
 * backend (src/cli/cms-backend.ts), a story saved there with an upload is written into
 * the working copy's content/, and the preview shows it. tests/local-servers.test.ts
 * tries the requests a hostile page could make of both servers.
 */
describe("local editing with npm run cms", { skip: browserSkip, timeout: 300_000 }, () => {
  let root: string;
  let project: string;
  let runner: ChildProcess;
  let output = "";
  let preview: string;
  let backendPort: number;
  let browser: Browser;
  let page: Page;

  before(async () => {
    root = await tempDir("cms-local");
    project = await copyProject(root);
    await makeContent(project, { stories: [{ slug: "first", title: "First story", date: "2026-01-05", summary: "The first story." }] });
    const port = await freePort();
    backendPort = await freePort();
    preview = `http://localhost:${port}/`;
    runner = spawn(process.execPath, ["--import", "tsx", "src/cli/cms.ts", "--port", String(port)], {
      cwd: project,
      detached: true,
      env: { ...process.env, RI_CMS_PORT: String(backendPort) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    runner.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    runner.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes("Preview rebuilt") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(output, /Preview rebuilt/, output);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    await stopProcessGroup(runner);
    await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  it("serves /admin/ under the preview-only policy, which adds only the local backend, and without the live-reload script", async () => {
    const response = await fetch(`${preview}admin/`);
    const local = `http://127.0.0.1:${backendPort}`;
    assert.equal(response.headers.get("content-security-policy"), ADMIN_CONTENT_SECURITY_POLICY.replace(/(connect-src [^;]*)/, `$1 ${local}`));
    const reloadScripts = async (url: string) => {
      const tab = await browser.newPage();
      await tab.goto(url);
      const count = await tab.locator('script[src*="reload-client"]').count();
      await tab.close();
      return count;
    };
    assert.equal(await reloadScripts(`${preview}admin/`), 0);
    assert.equal(await reloadScripts(preview), 1, "other preview pages keep live reload");
    // The published site's hosting files never carry it.
    assert.ok(HEADER_RULES.every((rule) => !Object.values(rule.headers).includes(PREVIEW_ADMIN_CONTENT_SECURITY_POLICY)));
  });

  it("saves a story with an upload into the working copy, and the preview shows it", async () => {
    const problems = await watchPage(page);
    await page.goto(`${preview}admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByRole("link", { name: "News", exact: true }).click();
    await page.getByRole("link", { name: "Create entry of type News story" }).click();
    const config = (await import("js-yaml")).default.load(await readFile(path.join(project, "_preview", "admin", "config.yml"), "utf8")) as BuiltCmsConfig;
    const news = config.collections.find((collection) => collection.name === "news");
    await fillForm(page, news?.fields ?? [], {
      title: "Written on this machine",
      date: "2026-02-03",
      summary: "A story saved through the local backend.",
      image: { src: { upload: "Local photo.png", bytes: SAMPLE_PNG }, alt: "A small test picture" },
      body: "Saved into the working copy.",
    });
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    // The local backend has no review step: Decap offers to publish at once.
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("menuitem", { name: "Publish now" }).click();
    await page.getByRole("button", { name: "Published" }).waitFor();

    const saved = matter(await readFile(path.join(project, "content", "news", "2026", "written-on-this-machine.md"), "utf8"));
    assert.equal(saved.data.title, "Written on this machine");
    assert.deepEqual(saved.data.image, { src: "/images/local-photo.png", alt: "A small test picture" });
    assert.deepEqual(await readFile(path.join(project, "content", "images", "local-photo.png")), SAMPLE_PNG);

    const story = await browser.newPage();
    const deadline = Date.now() + 60_000;
    let html = "";
    while (!html.includes("Saved into the working copy.") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      html = await (await fetch(`${preview}news/2026/written-on-this-machine/`)).text();
    }
    await story.goto(`${preview}news/2026/written-on-this-machine/`);
    assert.equal(await story.locator("h1").textContent(), "Written on this machine");
    // The editor's page was not reloaded under the editor by the rebuilds the save caused.
    assert.equal(await page.evaluate(() => "notReloaded" in window), true);
    assert.deepEqual(problems.cspViolations, []);
  });
});
