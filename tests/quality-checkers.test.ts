import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import axe from "axe-core";
import { AXE_RULES, AXE_RULES_LEFT_OUT, WCAG_TAGS, axeOn } from "./quality/axe.ts";
import { tempDir } from "./helpers/fixture-site.ts";
import { browserSkip, watchPage } from "./quality/browser.ts";
import { launchBrowser } from "../src/bench/chromium.ts";
import { checkTitlesAndHeadings, nuCheck, validateHtml } from "./quality/html.ts";
import { checkInternalLinks } from "./quality/links.ts";
import { type StaticServer, serveSite } from "../src/bench/static-host.ts";

const SUFFIX = "Research and Innovation – Midlands Partnership University NHS Foundation Trust";
const page = (title: string, body: string, head = "") =>
  `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width, initial-scale=1">${head}</head><body><main>${body}</main></body></html>\n`;

/** Small sites that each break one rule, to prove the checkers catch it. */
const BAD_PAGES: Record<string, string> = {
  "index.html": page(SUFFIX, `<h1>Home</h1><p><a href="/good/">A good page</a> and <a href="/dead-link/">a dead link</a>.</p>`),
  "404.html": page(`Page not found – ${SUFFIX}`, "<h1>Page not found</h1>"),
  "good/index.html": page(
    `Good – ${SUFFIX}`,
    `<h1>Good</h1><p><a href="/no-alt/">image</a> <a href="/skipped-heading/">headings</a> <a href="/inline-script/">script</a></p>`,
  ),
  "no-alt/index.html": page(`No alt – ${SUFFIX}`, `<h1>An image without alt</h1><img src="/good/pixel.png" width="1" height="1">`),
  "skipped-heading/index.html": page(`Skipped – ${SUFFIX}`, "<h1>Title</h1><h3>Skips h2</h3>"),
  "inline-script/index.html": page(`Inline – ${SUFFIX}`, "<h1>Inline script</h1><script>document.title = 'changed';</script>"),
  "two-h1/index.html": page("Two headings", "<h1>One</h1><h1>Two</h1>"),
  "label-in-name/index.html": page(
    `Label in name – ${SUFFIX}`,
    `<h1>A link named apart from its text</h1><p><a href="/good/" aria-label="Trust homepage">Midlands Partnership University</a></p>`,
  ),
  "invalid-markup/index.html": page(`Invalid – ${SUFFIX}`, "<h1>A paragraph in a list</h1><ul><p>Not a list item</p></ul>"),
  "bold-paragraph/index.html": page(
    `Bold paragraph – ${SUFFIX}`,
    "<h1>A paragraph styled as a heading</h1><p><b><i>Looks like a heading</i></b></p><p>A paragraph of ordinary text that follows it.</p>",
  ),
};

describe("the quality checkers catch what they are for", () => {
  let dir: string;
  before(async () => {
    dir = await tempDir("bad-site");
    for (const [file, html] of Object.entries(BAD_PAGES)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), html);
    }
    // A 1×1 transparent PNG, so the only fault of /no-alt/ is the missing alt.
    await writeFile(
      path.join(dir, "good", "pixel.png"),
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
    );
  });
  after(() => rm(dir, { recursive: true, force: true, maxRetries: 10 }));

  it("html-validate reports an image without alt and a skipped heading level", async () => {
    const problems = await validateHtml(dir);
    assert.ok(
      problems.some((p) => p.file === path.join("no-alt", "index.html") && /wcag\/h37/.test(p.message)),
      JSON.stringify(problems),
    );
    assert.ok(problems.some((p) => p.file === path.join("skipped-heading", "index.html") && /heading-level/.test(p.message)));
    assert.ok(problems.some((p) => p.file === path.join("two-h1", "index.html") && /heading-level/.test(p.message)));
    assert.ok(!problems.some((p) => p.file === path.join("good", "index.html")), "a good page passes");
  });

  it("the Nu HTML Checker reports invalid markup, and nothing on a good page", async () => {
    const problems = await nuCheck(dir);
    assert.ok(
      problems.some((p) => p.file === path.join("invalid-markup", "index.html") && /error: Element “p” not allowed as child of element “ul”/.test(p.message)),
      JSON.stringify(problems),
    );
    assert.ok(!problems.some((p) => p.file === path.join("good", "index.html")), "a good page passes");
  });

  it("the title and heading check reports a bad title and two h1s", async () => {
    const problems = await checkTitlesAndHeadings(dir);
    assert.deepEqual(
      problems.filter((p) => p.file.startsWith("two-h1")).map((p) => p.message),
      [`title "Two headings" is not "Page – ${SUFFIX}"`, "has 2 h1 elements; a page needs exactly one"],
    );
  });

  it("the link checker reports a dead link", async () => {
    const broken = await checkInternalLinks(dir);
    assert.deepEqual(
      broken.map((link) => [link.url.replace(/^.*?(dead-link)/, "$1"), link.status]),
      [["dead-link/", 404]],
    );
  });

  it("axe runs every WCAG 2.2 A and AA rule of the installed axe-core, experimental ones too, unless left out with a reason", () => {
    const wcag = axe.getRules().filter(({ tags }) => !tags.includes("deprecated") && tags.some((tag) => WCAG_TAGS.includes(tag)));
    for (const { ruleId } of wcag) assert.ok(AXE_RULES.includes(ruleId) || ruleId in AXE_RULES_LEFT_OUT, ruleId);
    for (const id of ["label-content-name-mismatch", "target-size", "p-as-heading", "css-orientation-lock", "region", "heading-order"]) {
      assert.ok(AXE_RULES.includes(id), id);
    }
    for (const reason of Object.values(AXE_RULES_LEFT_OUT)) assert.ok(reason.length > 20, "each rule left out says why");
  });

  describe("in the browser", { skip: browserSkip }, () => {
    let browser: Browser;
    let server: StaticServer;
    before(async () => {
      browser = await launchBrowser();
      server = await serveSite(dir);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it("the CSP blocks an inline script and the harness reports it", async () => {
      const tab = await (await browser.newContext()).newPage();
      const problems = await watchPage(tab);
      await tab.goto(`${server.url}inline-script/`);
      assert.equal(await tab.title(), `Inline – ${SUFFIX}`, "the inline script did not run");
      assert.equal(problems.cspViolations.length > 0, true, JSON.stringify(problems));
      await tab.context().close();
    });

    it("axe reports an image without alt", async () => {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`${server.url}no-alt/`);
      const results = await axeOn(tab).analyze();
      // @axe-core/playwright is held at 4.13.0 for Node 20; package.json's overrides give it the installed axe-core.
      assert.equal(results.testEngine.version, axe.version, "the page runs the installed axe-core");
      assert.deepEqual(
        results.violations.map((v) => v.id),
        ["image-alt"],
      );
      await tab.context().close();
    });

    it("axe reports a link whose name does not contain its visible text (WCAG 2.5.3)", async () => {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`${server.url}label-in-name/`);
      const results = await axeOn(tab).analyze();
      assert.deepEqual(
        results.violations.map((v) => v.id),
        ["label-content-name-mismatch"],
      );
      await tab.context().close();
    });

    it("axe runs the rules it still marks experimental: a bold paragraph used as a heading", async () => {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`${server.url}bold-paragraph/`);
      const results = await axeOn(tab).analyze();
      assert.deepEqual(
        results.violations.map((v) => v.id),
        ["p-as-heading"],
      );
      await tab.context().close();
    });

    it("the harness reports a failed request", async () => {
      const tab = await (await browser.newContext()).newPage();
      const problems = await watchPage(tab);
      await tab.goto(`${server.url}good/`);
      await tab.evaluate(() => fetch("/missing.css").catch(() => undefined));
      await tab.waitForLoadState("networkidle");
      assert.ok(
        problems.failedRequests.some((r) => r.includes("/missing.css: HTTP 404")),
        JSON.stringify(problems),
      );
      await tab.context().close();
    });
  });
});
