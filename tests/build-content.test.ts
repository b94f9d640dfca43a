import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildFixture, exists, markdownFile, readPage } from "./helpers/fixture-site.ts";

const XSS = `<script>alert("x")</script>`;

describe("story pages", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    site = await buildFixture({
      stories: [
        { slug: "escaping", title: `Title ${XSS} & more`, summary: `Summary ${XSS}`, date: "2024-06-01", tags: ["events"] },
        { slug: "clocks-forward", title: "Clocks go forward", summary: "S.", date: "2024-03-31", updated: "2024-10-27" },
        { slug: "new-years-eve", title: "New Year's Eve", summary: "S.", date: "2024-12-31", tags: ["events", "mental-health"] },
        { slug: "new-years-day", title: "New Year's Day", summary: "S.", date: "2025-01-01" },
        { slug: "a-draft", title: "A draft", summary: "S.", date: "2024-05-01", draft: true },
        { slug: "embargoed", title: "Embargoed", summary: "S.", date: "2026-12-12" },
        { slug: "braces", title: "Braces", summary: "S.", date: "2024-02-01", body: "Keep {{ this }} and {% that %} as written." },
      ],
      files: {
        "pages/about-us.md": markdownFile({ title: "About us", summary: "About." }, "## Who we are\n\nText."),
        "services/training.md": markdownFile({ title: "Training", summary: "Courses.", reviewed: "2024-03-31", reviewDue: "2025-03-31" }, "Body."),
      },
    });
  });
  after(() => site.cleanup());

  it("escapes markup in titles and summaries everywhere they appear", async () => {
    const story = await readPage(site.output, "/news/2024/escaping/");
    assert.equal(story.querySelector("h1")?.textContent, `Title ${XSS} & more`);
    assert.equal(story.querySelector("meta[name=description]")?.getAttribute("content"), `Summary ${XSS}`);
    assert.match(story.querySelector("title")?.textContent ?? "", /^Title <script>/);
    const listing = await readPage(site.output, "/news/");
    const card = [...listing.querySelectorAll(".nhsuk-card")].find((c) => c.textContent?.includes("Title"));
    assert.equal(card?.querySelector(".nhsuk-card__description")?.textContent, `Summary ${XSS}`);
    for (const doc of [story, listing, await readPage(site.output, "/news/topics/events/")]) {
      // JSON-LD is data the browser never runs; every script that runs is a file.
      const scripts = [...doc.querySelectorAll("script:not([type='application/ld+json'])")];
      assert.ok(
        scripts.every((script) => !script.textContent?.includes("alert")),
        "no script element carries the text",
      );
      assert.ok(
        scripts.every((script) => script.getAttribute("src")),
        "every script is a file",
      );
    }
    const data = story.querySelector("script[type='application/ld+json']")?.textContent ?? "";
    assert.doesNotMatch(data, /[<>]/, "the JSON-LD cannot close its element");
    assert.equal((JSON.parse(data) as { headline: string }).headline, `Title ${XSS} & more`);
  });

  it("keeps template syntax in a story as written", async () => {
    const doc = await readPage(site.output, "/news/2024/braces/");
    assert.match(doc.querySelector("main")?.textContent ?? "", /Keep \{\{ this \}\} and \{% that %\} as written\./);
  });

  it("shows calendar dates in <time> elements on clock-change days and at the new year", async () => {
    const forward = await readPage(site.output, "/news/2024/clocks-forward/");
    const times = [...forward.querySelectorAll("main time")].map((t) => [t.getAttribute("datetime"), t.textContent]);
    assert.deepEqual(times, [
      ["2024-03-31", "31st March 2024"],
      ["2024-10-27", "27th October 2024"],
    ]);
    assert.match(forward.querySelector("main")?.textContent ?? "", /Updated 27th October 2024/);
    const eve = await readPage(site.output, "/news/2024/new-years-eve/");
    assert.equal(eve.querySelector("main time")?.getAttribute("datetime"), "2024-12-31");
    assert.equal(eve.querySelector("main time")?.textContent, "31st December 2024");
    const day = await readPage(site.output, "/news/2025/new-years-day/");
    assert.equal(day.querySelector("main time")?.textContent, "1st January 2025");
    assert.ok(await exists(path.join(site.output, "news", "2025", "index.html")));
  });

  it("links each story to its topics and to the stories either side", async () => {
    const eve = await readPage(site.output, "/news/2024/new-years-eve/");
    const topics = [...eve.querySelectorAll("main a[href^='/news/topics/']")].map((a) => [a.textContent, a.getAttribute("href")]);
    assert.deepEqual(topics, [
      ["Events", "/news/topics/events/"],
      ["Mental health", "/news/topics/mental-health/"],
    ]);
    assert.equal(eve.querySelector("a[rel=prev]")?.getAttribute("href"), "/news/2025/new-years-day/");
    assert.equal(eve.querySelector("a[rel=next]")?.getAttribute("href"), "/news/2024/escaping/");
    const newest = await readPage(site.output, "/news/2025/new-years-day/");
    assert.equal(newest.querySelector("a[rel=prev]"), null);
  });

  it("builds a page for every topic, listing its stories newest first", async () => {
    const events = await readPage(site.output, "/news/topics/events/");
    assert.equal(events.querySelector("h1")?.textContent?.includes("Events"), true);
    const titles = [...events.querySelectorAll(".nhsuk-card__link")].map((a) => a.textContent);
    assert.deepEqual(titles, ["New Year's Eve", `Title ${XSS} & more`]);
    const empty = await readPage(site.output, "/news/topics/partnerships/");
    assert.match(empty.querySelector("main")?.textContent ?? "", /no stories about this topic yet/);
  });

  it("leaves drafts and embargoed stories out of a production build and says so", async () => {
    assert.equal(await exists(path.join(site.output, "news", "2024", "a-draft", "index.html")), false);
    assert.equal(await exists(path.join(site.output, "news", "2026", "embargoed", "index.html")), false);
    const listing = await readPage(site.output, "/news/");
    assert.doesNotMatch(listing.body.textContent ?? "", /A draft|Embargoed/);
    assert.match(site.result.stdout, /a-draft\.md: draft, left out of this build/);
    assert.match(site.result.stdout, /embargoed\.md: embargoed until 2026-12-12, left out of this build/);
  });

  it("publishes other pages at /<slug>/ and service pages with NHS review dates", async () => {
    const about = await readPage(site.output, "/about-us/");
    assert.equal(about.querySelector("h1")?.textContent, "About us");
    assert.equal(about.querySelector("main h2")?.textContent, "Who we are");
    const service = await readPage(site.output, "/services/training/");
    assert.match(service.querySelector("main")?.textContent ?? "", /Page last reviewed: 31st March 2024/);
    assert.match(service.querySelector("main")?.textContent ?? "", /Next review due: 31st March 2025/);
    const index = await readPage(site.output, "/services/");
    assert.equal(index.querySelector(".nhsuk-card__link")?.getAttribute("href"), "/services/training/");
  });
});

describe("the nhs date style", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    site = await buildFixture({
      site: { dateStyle: "nhs" },
      stories: [{ slug: "one", title: "One", summary: "S.", date: "2024-12-12" }],
    });
  });
  after(() => site.cleanup());

  it("writes dates as 12 December 2024", async () => {
    const doc = await readPage(site.output, "/news/");
    assert.equal(doc.querySelector("main time")?.textContent, "12 December 2024");
    assert.equal(doc.querySelector("main time")?.getAttribute("datetime"), "2024-12-12");
  });
});

describe("preview builds", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    site = await buildFixture(
      {
        stories: [
          { slug: "a-draft", title: "A draft", summary: "S.", date: "2024-05-01", draft: true },
          { slug: "embargoed", title: "Embargoed", summary: "S.", date: "2026-12-12" },
        ],
      },
      { RI_PREVIEW: "1" },
    );
  });
  after(() => site.cleanup());

  it("keep drafts and embargoed stories", async () => {
    assert.ok(await exists(path.join(site.output, "news", "2024", "a-draft", "index.html")));
    assert.ok(await exists(path.join(site.output, "news", "2026", "embargoed", "index.html")));
  });
});
