import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../helpers/fixture-site.ts";
import { launchBrowser } from "./browser.ts";
import { PAGE_TYPES, buildQualitySite } from "./quality-site.ts";
import { serveSite } from "./server.ts";

/**
 * `npm run screenshots`: builds the quality site (the real content with ten made-up 2023
 * "Example story" items, so the listing has a second page), serves it under the strict CSP and saves
 * full-page PNGs of every page type at phone and desktop widths into screenshots/
 * (ignored by git), for a person to look at.
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
      const file = path.join(outDir, `${type.replace(/\W+/g, "-")}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(path.relative(ROOT, file));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
}
