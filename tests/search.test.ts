import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { axeOn } from "./quality/axe.ts";
import { type PageProblems, browserSkip, watchPage } from "./quality/browser.ts";
import { type Harness, startHarness } from "./quality/harness.ts";
import type { StaticServer } from "../src/bench/static-host.ts";

describe("search", { skip: browserSkip }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let harness: Harness | undefined;

  before(async () => {
    harness = await startHarness();
    ({ server, browser } = harness);
  });
  after(() => harness?.close());

  async function openSearch(query = ""): Promise<void> {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    problems = await watchPage(page);
    await page.goto(`${server.url}search/${query}`);
    if (query) await settled();
  }

  /** Waits until the status says how many results there are. */
  async function settled(): Promise<string> {
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector("#search-status")?.textContent ?? ""));
    return (await page.textContent("#search-status")) ?? "";
  }

  const results = () =>
    page.$$eval("#search-result-list > li", (items) =>
      items.map((item) => ({
        title: item.querySelector("h2 a")?.textContent ?? "",
        href: item.querySelector("h2 a")?.getAttribute("href") ?? "",
        type: item.querySelector("p")?.textContent?.split(" · ")[0] ?? "",
        date: item.querySelector("time")?.getAttribute("datetime") ?? null,
      })),
    );

  async function searchFor(text: string): Promise<void> {
    await page.fill("#search-q", text);
    await page.click("#search-form button[type=submit]");
    await settled();
  }

  const done = async () => {
    assert.deepEqual(problems, { consoleErrors: [], failedRequests: [], cspViolations: [] });
    await page.context().close();
  };

  // The real content grows: these tests ask what must stay true (a story is found), not what is first or how many.
  const LANCET = "/news/2024/lancet-commission-on-self-harm/";
  const found = async (href: string) => (await results()).some((result) => result.href === href);

  it("finds the Lancet Commission story for 'Lancet', with its date and a highlighted excerpt", async () => {
    await openSearch("?q=Lancet");
    const story = (await results()).find((result) => result.href === LANCET);
    assert.deepEqual(story, {
      title: "Lancet Commission on self-harm published on World Mental Health Day",
      href: "/news/2024/lancet-commission-on-self-harm/",
      type: "News",
      date: "2024-10-10",
    });
    const item = page.locator("#search-result-list > li", { has: page.locator(`a[href="${LANCET}"]`) });
    assert.match((await item.locator("time").textContent()) ?? "", /10th October 2024/);
    assert.equal(await item.locator("mark").first().textContent(), "Lancet");
    await done();
  });

  it("finds the event story for 'virtual reality'", async () => {
    await openSearch("?q=virtual+reality");
    assert.ok(await found("/news/2024/windows-of-opportunity-innovations-in-care/"));
    await done();
  });

  it("finds a service page by a word only in its body", async () => {
    await openSearch("?q=questionnaire");
    assert.ok((await results()).some((r) => r.href === "/services/taking-part-in-research/" && r.type === "Service"));
    await done();
  });

  it("announces the result count politely and hides the no-JavaScript message", async () => {
    await openSearch("?q=Lancet");
    assert.equal(await page.getAttribute("#search-status", "role"), "status");
    const count = (await results()).length;
    assert.ok(count > 0);
    assert.equal(await page.textContent("#search-status"), `${count} result${count === 1 ? "" : "s"} for ‘Lancet’`);
    assert.equal(await page.isVisible("#search-needs-javascript"), false);
    await done();
  });

  it("narrows results with the type, year and topic filters", async () => {
    await openSearch("?q=research");
    const all = await results();
    assert.ok(new Set(all.map((r) => r.type)).size > 1, "unfiltered results mix types");
    await page.selectOption("#search-type", "Service");
    await page.click("#search-form button[type=submit]");
    await settled();
    const services = await results();
    assert.ok(services.length > 0 && services.length < all.length);
    assert.ok(services.every((r) => r.type === "Service"));
    assert.match(page.url(), /[?&]type=Service/);

    await page.goto(`${server.url}search/?type=News&year=2023`);
    await settled();
    const from2023 = await results();
    assert.ok(from2023.length >= 10, "the ten example stories of 2023");
    assert.ok(from2023.every((r) => r.date?.startsWith("2023")));

    await page.goto(`${server.url}search/?topic=Mental+health`);
    await settled();
    assert.ok(await found(LANCET));
    await done();
  });

  /** Shows every result by pressing "Show more results" until it goes. */
  async function showAll(): Promise<void> {
    while (await page.isVisible("#search-more")) {
      const count = await page.locator("#search-result-list > li").count();
      await page.click("#search-more");
      await page.waitForFunction((n) => document.querySelectorAll("#search-result-list > li").length > n, count);
    }
  }

  it("sorts newest first, keeping the pages that have no date", async () => {
    await openSearch("?q=research");
    const unsorted = await page.textContent("#search-status");
    await page.goto(`${server.url}search/?q=research&sort=newest`);
    assert.equal(await settled(), unsorted, "sorting drops no result");
    await showAll();
    const sorted = await results();
    assert.equal(`${sorted.length} results for ‘research’`, unsorted);
    const dates = sorted.filter((r) => r.date).map((r) => r.date ?? "");
    assert.deepEqual(dates, dates.toSorted().reverse());
    assert.ok(
      sorted.some((r) => r.type === "Service"),
      "service pages are kept",
    );
    const firstUndated = sorted.findIndex((r) => !r.date);
    assert.ok(
      sorted.slice(firstUndated).every((r) => !r.date),
      "undated pages follow the stories",
    );
    await done();
  });

  it("keeps the query in the address through reload and the back button", async () => {
    await openSearch();
    await searchFor("Lancet");
    await searchFor("questionnaire");
    assert.match(page.url(), /\?q=questionnaire$/);
    await page.reload();
    await settled();
    assert.equal(await page.inputValue("#search-q"), "questionnaire");
    assert.ok(await found("/services/taking-part-in-research/"));
    await page.goBack();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>("#search-q")?.value === "Lancet");
    await settled();
    assert.ok(await found(LANCET));
    await done();
  });

  it("gives advice and links when nothing matches", async () => {
    await openSearch("?q=zzqxv");
    assert.equal(await page.textContent("#search-status"), "0 results for ‘zzqxv’");
    assert.equal(await page.isVisible("#search-no-results"), true);
    const links = await page.$$eval("#search-no-results a", (as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(links, ["/news/", "/services/"]);
    await done();
  });

  it("passes axe with results shown", async () => {
    await openSearch("?q=research");
    const scan = await axeOn(page).analyze();
    assert.deepEqual(
      scan.violations.map((v) => v.id),
      [],
    );
    await done();
  });

  it("takes any input safely: regex characters, markup, long and non-ASCII words", async () => {
    await openSearch();
    await page.evaluate(() => {
      (window as unknown as { pwned: boolean }).pwned = false;
    });
    const inputs = ["(", "[", "\\", "a.*+?^${}()|[]\\/", `<img src=x onerror="window.pwned=true">`, "x".repeat(5000), "é", "ł", "ŵ", "Cymraeg ŵyn"];
    for (const input of inputs) {
      await searchFor(input);
      const status = (await page.textContent("#search-status")) ?? "";
      assert.match(status, /^\d+ results? for ‘/, input.slice(0, 20));
    }
    assert.equal(await page.locator("#search-status img, #search-result-list img").count(), 0, "markup stays text");
    assert.equal(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned), false);
    await searchFor(`<img src=x onerror="window.pwned=true">`);
    assert.match((await page.textContent("#search-status")) ?? "", /<img src=x onerror/);
    await done();
  });

  it("the header search box on every page submits to /search/?q=", async () => {
    page = await (await browser.newContext()).newPage();
    problems = await watchPage(page);
    await page.goto(`${server.url}news/`);
    await page.fill("#search-field", "Lancet");
    await page.press("#search-field", "Enter");
    await page.waitForURL(/\/search\/\?q=Lancet$/);
    await settled();
    assert.ok(await found(LANCET));
    await done();
  });
});
