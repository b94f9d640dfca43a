import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { axeOn } from "./quality/axe.ts";
import { htmlFiles } from "./quality/html.ts";
import { type PageProblems, browserSkip, trackRequests, watchPage } from "./quality/browser.ts";
import { type Harness, startHarness } from "./quality/harness.ts";
import { PAGE_TYPES } from "./quality/quality-site.ts";
import type { StaticServer } from "../src/bench/static-host.ts";

/** What the focus test adds to the page's window. */
interface FocusStyleWindow {
  focusStyleForTest(el: Element | null): string;
}

describe("in a real browser, under the strict CSP", { skip: browserSkip }, () => {
  let output: string;
  let server: StaticServer;
  let browser: Browser;
  let harness: Harness | undefined;

  before(async () => {
    harness = await startHarness();
    ({ output, server, browser } = harness);
  });
  after(() => harness?.close());

  /**
   * One tab for each window width, reused by every test at that width: a new browser
   * context for each page took about a second more than a navigation in the same tab
   * (measured here). Each navigation starts the page afresh (focus, scripts, state); the
   * problems are those of the page opened last.
   */
  const tabs = new Map<number, { page: Page; problems: PageProblems; requests: ReturnType<typeof trackRequests> }>();
  async function open(url: string, width = 1280): Promise<{ page: Page; problems: PageProblems; requests: ReturnType<typeof trackRequests> }> {
    let tab = tabs.get(width);
    if (!tab) {
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      tab = { page, problems: await watchPage(page), requests: trackRequests(page) };
      tabs.set(width, tab);
    }
    for (const key of ["consoleErrors", "failedRequests", "cspViolations"] as const) tab.problems[key].length = 0;
    const response = await tab.page.goto(server.url + url, { waitUntil: "load" });
    assert.equal(response?.status(), 200, url);
    return tab;
  }

  for (const [type, url] of Object.entries(PAGE_TYPES)) {
    it(`${type} (/${url}) has no axe violations (WCAG 2.2 A and AA, experimental and best-practice rules)`, async () => {
      const { page } = await open(url);
      const results = await axeOn(page).analyze();
      const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      assert.deepEqual(violations, []);
      assert.ok(results.passes.length > 20, "axe ran its rules");
    });
  }

  it("loads every page without console errors, failed requests or CSP violations", async () => {
    const files = await htmlFiles(output);
    assert.ok(files.length >= 25, `only ${files.length} pages were built`);
    for (const file of files) {
      const url = path.relative(output, file).replace(/index\.html$/, "");
      const { problems, requests } = await open(url);
      await requests.whenIdle();
      assert.deepEqual(problems, { consoleErrors: [], failedRequests: [], cspViolations: [] }, url);
    }
  });

  it("runs nhsuk-frontend's JavaScript from a file under the CSP", async () => {
    const { page } = await open("");
    const classes = await page.evaluate(() => document.body.className);
    assert.match(classes, /js-enabled/);
    assert.match(classes, /nhsuk-frontend-supported/);
  });

  it("keeps keyboard focus in the header navigation when the window is resized, on the menu button when the link moves into the menu", async () => {
    // A context of its own: the test resizes the window.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.url}news/`, { waitUntil: "load" });
    const focused = () =>
      page.evaluate(() => ({ html: document.activeElement?.outerHTML.slice(0, 60), visible: document.activeElement?.matches(":focus-visible") }));
    // The header lays itself out a frame after a resize; two frames later it has.
    const settle = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await settle();
    for (let step = 0; step < 30 && !(await page.evaluate(() => document.activeElement?.matches(".nhsuk-header__navigation-link[href='/search/']"))); step++) {
      await page.keyboard.press("Tab");
    }
    const search = await focused();
    assert.match(search.html ?? "", /href="\/search\/"/);
    await page.setViewportSize({ width: 1000, height: 900 });
    await settle();
    assert.deepEqual(await focused(), search, "focus stays on the link when the navigation is laid out again");
    await page.setViewportSize({ width: 320, height: 900 });
    await settle();
    assert.equal(
      await page.evaluate(() => document.querySelector(".nhsuk-header__menu-list a[href='/search/']") !== null),
      true,
      "the link has moved into the menu",
    );
    assert.deepEqual(await focused(), { html: (await focused()).html, visible: true });
    assert.match((await focused()).html ?? "", /nhsuk-header__menu-toggle/, "focus moves to the menu button");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    assert.match((await focused()).html ?? "", /nhsuk-header__navigation-link/, "Tab goes on into the open menu");
    await page.context().close();
  });

  it("serves the 404 page with a 404 status for a missing address", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}no-such-page/`);
    assert.equal(response?.status(), 404);
    assert.equal(await page.textContent("h1"), "Page not found");
    await page.close();
  });

  for (const [type, url] of Object.entries(PAGE_TYPES)) {
    it(`${type}: the skip link is the first tab stop and moves focus to the main content`, async () => {
      const { page } = await open(url);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => ({
        className: document.activeElement?.className,
        text: document.activeElement?.textContent?.trim(),
        visible: (() => {
          const box = document.activeElement?.getBoundingClientRect();
          return Boolean(box && box.width > 1 && box.height > 1 && box.top >= 0);
        })(),
      }));
      assert.deepEqual(first, { className: "nhsuk-skip-link", text: "Skip to main content", visible: true });
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "maincontent");
    });

    it(`${type}: every interactive element is reachable by keyboard and shows where focus is`, async () => {
      const { page } = await open(url);
      // Each element's look before anything has focus, to compare with its look when focused.
      const tabbable = await page.evaluate(() => {
        const selector = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])";
        const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.checkVisibility() && el.closest("[hidden]") === null);
        elements.forEach((el, index) => (el.dataset.tabIndexForTest = String(index)));
        return elements.length;
      });
      // One function describes an element's look, defined in the page once, for the snapshot before and for each focused element.
      await page.evaluate(() => {
        (window as unknown as FocusStyleWindow).focusStyleForTest = (el) => {
          if (!el) return "";
          const s = getComputedStyle(el);
          return [
            s.outlineStyle,
            s.outlineWidth,
            s.outlineColor,
            s.boxShadow,
            s.backgroundColor,
            s.color,
            s.textDecorationLine,
            s.textDecorationThickness,
          ].join("|");
        };
      });
      const before = await page.evaluate(() =>
        [...document.querySelectorAll("[data-tab-index-for-test]")].map((el) => (window as unknown as FocusStyleWindow).focusStyleForTest(el)),
      );
      const reached = new Set<number>();
      for (let step = 0; step < tabbable + 2; step++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return { index: el?.dataset.tabIndexForTest, style: (window as unknown as FocusStyleWindow).focusStyleForTest(el), tag: el?.outerHTML.slice(0, 80) };
        });
        if (focused.index === undefined) continue;
        const index = Number(focused.index);
        reached.add(index);
        assert.notEqual(focused.style, before[index], `no visible focus style on ${focused.tag}`);
      }
      const missed = await page.evaluate(
        (seen) =>
          [...document.querySelectorAll<HTMLElement>("[data-tab-index-for-test]")]
            .filter((el) => !seen.includes(Number(el.dataset.tabIndexForTest)))
            .map((el) => el.outerHTML.slice(0, 80)),
        [...reached],
      );
      assert.deepEqual(missed, [], `${missed.length} interactive elements were not reached by Tab`);
      assert.equal(reached.size, tabbable);
    });

    it(`${type}: reflows at 320 px wide without horizontal scrolling`, async () => {
      const { page } = await open(url, 320);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll} px wide in a ${widths.client} px window`);
    });
  }
});
