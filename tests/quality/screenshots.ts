import { copyFile, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fillForm, openEditor, readBuiltConfig } from "../helpers/cms-editor.ts";
import { ROOT } from "../helpers/fixture-site.ts";
import { launchBrowser } from "../../src/bench/chromium.ts";
import { PAGE_TYPES, buildQualitySite } from "./quality-site.ts";
import { frontendDist } from "../../src/eleventy/assets.ts";
import { serveSite } from "../../src/bench/static-host.ts";

/**
 * `npm run screenshots`: builds the quality site (the real content with ten made-up 2023
 * "Example story" items, so the listing has a second page), serves it under the strict CSP and saves
 * full-page PNGs of every page type at phone and desktop widths into screenshots/
 * (ignored by git), for a person to look at. Then the content editor's form for a news
 * story, filled in as an editor would (with Decap's offline test backend in place of
 * GitHub); that one is also copied to docs/images/ for EDITING.md, as is a picture of the
 * content components on the fixture story's page.
 */
const WIDTHS = [390, 1280];
const outDir = path.join(ROOT, "screenshots");
const { root, output } = await buildQualitySite();
const server = await serveSite(output);
const browser = await launchBrowser();
try {
  await mkdir(outDir, { recursive: true });
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    // The search page once more, with results and its filters in use.
    const pages = { ...PAGE_TYPES, "search results": "search/?q=research&type=News&sort=newest" };
    for (const [type, url] of Object.entries(pages)) {
      await page.goto(server.url + url, { waitUntil: "networkidle" });
      if (type === "search results") await page.waitForSelector("#search-result-list li");
      // A full-page screenshot does not scroll, so lazy-loaded pictures below the fold would be blank: scroll through once.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      // The browser starts a lazy image's request a moment after it comes near: networkidle alone returns too soon.
      await page.waitForTimeout(1000);
      await page.waitForLoadState("networkidle");
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = path.join(outDir, `${type.replace(/\W+/g, "-")}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(path.relative(ROOT, file));
      if (type === "story with images, documents and components" && width === 1280) {
        // The content components as an editor sees them on the page, for EDITING.md.
        const picture = path.join(ROOT, "docs", "images", "content-components.png");
        await page.locator(".ri-content").screenshot({ path: picture });
        console.log(path.relative(ROOT, picture));
      }
    }
    await context.close();
  }
  await editorScreenshot();
} finally {
  await browser.close();
  await server.close();
  await rm(root, { recursive: true, force: true, maxRetries: 10 });
}

async function editorScreenshot(): Promise<void> {
  const content = path.join(root, "content");
  const seed: Record<string, string> = {};
  for (const file of await readdir(content, { recursive: true })) {
    if (file.endsWith(".md")) seed[`content/${file.split(path.sep).join("/")}`] = await readFile(path.join(content, file), "utf8");
  }
  // A picture that is to hand: nhsuk-frontend's app icon. The test backend shows an upload
  // from its address on the site, where GitHub's would show it from the browser: put it there.
  const picture = await readFile(path.join(frontendDist, "assets", "images", "nhsuk-icon-180.png"));
  await mkdir(path.join(output, "images"), { recursive: true });
  await writeFile(path.join(output, "images", "trial-photo.png"), picture);
  const { page } = await openEditor(browser, `${server.url}admin/`, output, seed, { width: 1280, height: 1500 });
  await page.goto(`${server.url}admin/#/collections/news/new`);
  const news = (await readBuiltConfig(output)).collections.find((collection) => collection.name === "news");
  await fillForm(page, news?.fields ?? [], {
    title: "New trial opens",
    date: "2026-11-20",
    summary: "A new study is looking for people to take part. It is run by our R&I team.",
    tags: [news?.fields?.find((field) => field.name === "tags")?.options?.[0]?.label ?? ""],
    image: { src: { upload: "trial-photo.png", bytes: picture }, alt: "The NHS logo" },
    body: "The story, in plain words.",
  });
  // The form scrolls itself to the last field typed in; show it from the top.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll("*")) if (element.scrollTop) element.scrollTop = 0;
  });
  const file = path.join(outDir, "cms-news-form-1280.png");
  await page.screenshot({ path: file });
  console.log(path.relative(ROOT, file));
  const docs = path.join(ROOT, "docs", "images");
  await mkdir(docs, { recursive: true });
  await copyFile(file, path.join(docs, "cms-news-form.png"));
  console.log(path.relative(ROOT, path.join(docs, "cms-news-form.png")));
  await page.close();
}
