import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { axeOn } from "./quality/axe.ts";
import { browserSkip, trackRequests, watchPage } from "./quality/browser.ts";
import { launchBrowser } from "../src/bench/chromium.ts";
import { validateHtml } from "./quality/html.ts";
import { checkInternalLinks } from "./quality/links.ts";
import { PAGE_TYPES, type QualitySite, qualitySite } from "./quality/quality-site.ts";
import { type StaticServer, serveSite } from "../src/bench/static-host.ts";

const PREFIX = "/ri/";

/** The site built for a GitHub Pages project site, served under /ri/ and nowhere else. */
describe("a build under the path prefix /ri/", () => {
  let site: QualitySite | undefined;
  let root: string;
  let output: string;
  before(async () => {
    // linkinator serves its folder at the root, so the build is in <root>/ri/.
    site = await qualitySite(PREFIX);
    ({ root, output } = site);
  });
  after(() => site?.cleanup());

  it("links only to files that were built, all under /ri/", async () => {
    assert.deepEqual(await checkInternalLinks(root, { entries: ["ri/index.html", "ri/404.html"] }), []);
  });

  it("is valid HTML", async () => {
    assert.deepEqual(await validateHtml(output), []);
  });

  describe("in a real browser", { skip: browserSkip }, () => {
    let server: StaticServer;
    let browser: Browser;
    before(async () => {
      server = await serveSite(output, { pathPrefix: PREFIX });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const [type, url] of Object.entries(PAGE_TYPES)) {
      it(`${type} loads every asset and icon under /ri/, with no CSP violation and no WCAG A/AA violation`, async () => {
        // A context of its own, with an empty cache, so that every asset the page uses is requested.
        const page = await (await browser.newContext()).newPage();
        const problems = await watchPage(page);
        const requests = trackRequests(page);
        const requested: string[] = [];
        page.on("request", (request) => requested.push(new URL(request.url()).pathname));
        const response = await page.goto(server.url + url, { waitUntil: "load" });
        await requests.whenIdle();
        assert.equal(response?.status(), 200);
        assert.ok(server.url.endsWith(PREFIX));
        const local = requested.filter((p) => !p.startsWith("/fonts/"));
        assert.ok(
          local.every((p) => p.startsWith(PREFIX)),
          `requests outside the prefix: ${local.filter((p) => !p.startsWith(PREFIX)).join(", ")}`,
        );
        const scan = await axeOn(page).analyze();
        assert.deepEqual(
          scan.violations.map((v) => v.id),
          [],
        );
        assert.deepEqual(problems, { consoleErrors: [], failedRequests: [], cspViolations: [] });
        await page.context().close();
      });
    }

    it("searches with the index under /ri/pagefind/ and links results under /ri/", async () => {
      const page = await (await browser.newContext()).newPage();
      const problems = await watchPage(page);
      await page.goto(`${server.url}search/?q=Lancet`);
      await page.waitForFunction(() => /\d+ results?/.test(document.querySelector("#search-status")?.textContent ?? ""));
      // Other stories may mention Lancet too: the seed story is among the results, and every result is under /ri/.
      const hrefs = await page.$$eval("#search-result-list li h2 a", (links) => links.map((link) => link.getAttribute("href")));
      assert.ok(hrefs.includes("/ri/news/2024/lancet-commission-on-self-harm/"), hrefs.join(", "));
      assert.ok(
        hrefs.every((href) => href?.startsWith("/ri/")),
        hrefs.join(", "),
      );
      assert.deepEqual(problems, { consoleErrors: [], failedRequests: [], cspViolations: [] });
      await page.context().close();
    });
  });
});
