import assert from "node:assert/strict";
import { cp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseFrontMatter } from "../src/check/frontmatter.ts";
import { CONTENT_TYPES, type ContentType, definitionOf, locate } from "../src/content/types.ts";
import { ROOT, exists, readPage, runCli, tempDir } from "./helpers/fixture-site.ts";
import { TODAY } from "./helpers/test-day.ts";

/**
 * The real content, built as CI builds it. Every assertion here must stay true as editors
 * add, change and remove stories and pages: expectations are worked out from the content
 * folder, never counted by hand. `RI_TEST_CONTENT` points the suite at another content
 * folder (tests/site-any-content.test.ts runs it on a copy with more in it).
 */
const CONTENT = path.resolve(process.env.RI_TEST_CONTENT ?? path.join(ROOT, "content"));
/** The real London day, as CI's deploy builds: stories dated later are embargoed. */
const BUILD_DAY = TODAY;

/** The stories the site was seeded with: they stay, with their dates. */
const SEED_STORIES = [
  { url: "/news/2024/nihr-commercial-research-delivery-centre/", date: "2024-12-12", ordinal: "12th December 2024", nhs: "12 December 2024" },
  { url: "/news/2024/windows-of-opportunity-innovations-in-care/", date: "2024-11-18", ordinal: "18th November 2024", nhs: "18 November 2024" },
  { url: "/news/2024/lancet-commission-on-self-harm/", date: "2024-10-10", ordinal: "10th October 2024", nhs: "10 October 2024" },
];
/** The event the seed's news tells of: a past event on the day the story gives, linked with that story. */
const SEED_EVENT = {
  url: "/events/2024/windows-of-opportunity-innovations-in-care/",
  start: "2024-11-07",
  story: "/news/2024/windows-of-opportunity-innovations-in-care/",
};
const SERVICES_FROM_SEED = ["taking-part-in-research", "research-governance-and-approvals", "support-for-researchers", "research-training"];

interface ContentPage {
  url: string;
  kind: ContentType;
  data: Record<string, unknown>;
  body: string;
}

/**
 * Every page the content folder publishes in a production build on BUILD_DAY: each file's
 * type and address as the definitions lay them out (tests/slug.test.ts holds those to
 * the design's URL table), less drafts and, for a type that embargoes, items dated later.
 */
async function publishedPages(content: string): Promise<ContentPage[]> {
  const files = (await readdir(content, { recursive: true })).filter((file) => file.endsWith(".md")).map((file) => file.split(path.sep).join("/"));
  const pages: ContentPage[] = [];
  for (const file of files) {
    const { data, body } = parseFrontMatter(await readFile(path.join(content, file), "utf8"));
    const located = locate(file);
    assert.ok(located.ok, `${file}: ${located.ok ? "" : located.problem}`);
    const { type, url } = located.location;
    const dated = definitionOf(type).dated;
    if (data.draft === true || (dated?.embargo && String(data[dated.field]) > BUILD_DAY)) continue;
    pages.push({ url, kind: type, data, body });
  }
  return pages;
}

/** The listings every type makes whatever the content (/news/, /events/, ...), from the definitions. */
const LISTINGS = CONTENT_TYPES.flatMap((definition) => (definition.listings?.reserved ?? []).map(([url]) => url));

const stories = (pages: ContentPage[]) =>
  pages.filter((page) => page.kind === "news").toSorted((a, b) => String(b.data.date).localeCompare(String(a.data.date)));

const ORDINAL_DATE = /^\d{1,2}(st|nd|rd|th) (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;
const NHS_DATE = /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

/** The cards of every page of a listing, following its pagination. */
async function listingDates(output: string, first: string): Promise<Array<[string, string]>> {
  const dates: Array<[string, string]> = [];
  for (let number = 1; ; number++) {
    const url = number === 1 ? first : `${first}page/${number}/`;
    if (!(await exists(path.join(output, url, "index.html")))) break;
    const doc = await readPage(output, url);
    const cards = [...doc.querySelectorAll("main .nhsuk-card time")].map((t): [string, string] => [t.getAttribute("datetime") ?? "", t.textContent ?? ""]);
    assert.ok(cards.length <= 10, `${url} shows ${cards.length} stories, more than 10 a page`);
    dates.push(...cards);
  }
  return dates;
}

/** Names the folder when it is not the real content, so a run on a copy says so. */
const FROM = process.env.RI_TEST_CONTENT ? ` built from ${CONTENT}` : "";

describe(`the R&I site${FROM}`, () => {
  let root: string;
  let output: string;
  let pages: ContentPage[];
  before(async () => {
    root = await tempDir("site");
    output = path.join(root, "_site");
    pages = await publishedPages(CONTENT);
    const result = await runCli("build", ["--input", CONTENT, "--output", output], { RI_BUILD_DATE: BUILD_DAY });
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("keeps the seed stories and services", () => {
    for (const seed of SEED_STORIES)
      assert.ok(
        pages.some((page) => page.url === seed.url && page.data.date === seed.date),
        seed.url,
      );
    for (const slug of SERVICES_FROM_SEED)
      assert.ok(
        pages.some((page) => page.url === `/services/${slug}/`),
        slug,
      );
  });

  it("has a page for every published content file, and every page of the design's URL table", async () => {
    const news = stories(pages);
    const urls = [
      ...pages.map((page) => page.url),
      "/news/",
      ...new Set(news.map((story) => `/news/${String(story.data.date).slice(0, 4)}/`)),
      ...new Set(news.flatMap((story) => (Array.isArray(story.data.tags) ? story.data.tags.map((tag) => `/news/topics/${String(tag)}/`) : []))),
      ...LISTINGS,
      ...new Set(
        pages.flatMap((page) =>
          page.kind === "study" && Array.isArray(page.data.conditions) ? page.data.conditions.map((slug) => `/studies/conditions/${String(slug)}/`) : [],
        ),
      ),
      "/search/",
    ];
    for (const url of urls) assert.ok(await exists(path.join(output, url, "index.html")), url);
    const tagged = news.find((story) => Array.isArray(story.data.tags) && story.data.tags.length);
    const files = ["/404.html", "/news/feed.xml", "/sitemap.xml", "/robots.txt", "/assets/images/favicon.svg"];
    if (Array.isArray(tagged?.data.tags)) files.push(`/news/topics/${String(tagged.data.tags[0])}/feed.xml`);
    // Each event's calendar file, and the one to subscribe to when there are any.
    const events = pages.filter((page) => page.kind === "event");
    files.push(...events.map((event) => `${event.url}event.ics`), ...(events.length ? ["/events/calendar.ics"] : []));
    for (const file of files) assert.ok(await exists(path.join(output, file)), file);
    // The stylesheet and scripts carry a content hash in their names.
    const home = await readPage(output, "/");
    const assets = [
      home.querySelector("link[rel=stylesheet]")?.getAttribute("href"),
      ...[...home.querySelectorAll("script[src]")].map((script) => script.getAttribute("src")),
    ];
    assert.equal(assets.length, 2, "one stylesheet and one script");
    for (const asset of assets) {
      assert.match(asset ?? "", /^\/assets\/(css\/nhsuk-frontend|js\/main)\.[0-9a-f]{10}\.(css|js)$/);
      assert.ok(await exists(path.join(output, asset ?? "-")), asset ?? "");
    }
  });

  it("is searchable: the build indexes every published story, service and page, and nothing else", async () => {
    const entry = JSON.parse(await readFile(path.join(output, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    assert.equal(entry.languages.en?.page_count, pages.length);
    assert.ok(await exists(path.join(output, "pagefind", "pagefind.js")));
    for (const url of [...LISTINGS, "/news/2024/", "/search/", "/404.html"]) {
      const doc = await readPage(output, url);
      assert.equal(doc.querySelector("[data-pagefind-body]"), null, url);
    }
  });

  it("says on /studies/, the home page and the taking-part page how many studies recruit, and where else to look when none does", async () => {
    // A study recruits on the build day if it says so and its recruitment end date, if any, has not passed.
    const recruiting = pages.filter(
      (page) =>
        page.kind === "study" && page.data.status === "recruiting" && !(typeof page.data.recruitmentEnds === "string" && page.data.recruitmentEnds < BUILD_DAY),
    ).length;
    const register = await readPage(output, "/studies/");
    assert.equal(register.querySelector("h1")?.textContent, "Take part in research");
    const empty = register.querySelector("main .nhsuk-inset-text");
    if (recruiting === 0) {
      assert.match(empty?.textContent ?? "", /No studies are recruiting at the moment/);
      assert.ok(empty?.querySelector('a[href="https://bepartofresearch.nihr.ac.uk/"]'), "points to Be Part of Research");
      if (pages.some((page) => page.url === "/services/taking-part-in-research/"))
        assert.ok(empty?.querySelector('a[href="/services/taking-part-in-research/"]'), "points to the taking-part page");
    } else {
      assert.equal(register.querySelectorAll('section[aria-labelledby="studies-recruiting"] .nhsuk-card').length, recruiting);
    }
    const said = recruiting === 0 ? "No studies are looking for people" : `${recruiting} ${recruiting === 1 ? "study is" : "studies are"} looking for people`;
    for (const url of ["/", ...pages.filter((page) => page.url === "/services/taking-part-in-research/").map((page) => page.url)]) {
      const section = (await readPage(output, url)).querySelector('section[aria-labelledby="recruiting-studies"]');
      assert.ok(section?.textContent?.includes(said), url);
      assert.equal(section?.querySelector("a")?.getAttribute("href"), "/studies/", url);
    }
  });

  it("lists every published story newest first, ten a page, with the Trust's date style", async () => {
    const dates = await listingDates(output, "/news/");
    assert.deepEqual(
      dates.map(([datetime]) => datetime),
      stories(pages).map((story) => String(story.data.date)),
    );
    for (const [, text] of dates) assert.match(text, ORDINAL_DATE);
    for (const seed of SEED_STORIES)
      assert.ok(
        dates.some(([datetime, text]) => datetime === seed.date && text === seed.ordinal),
        seed.url,
      );
  });

  it("shows the seed's event, past, linked both ways with its story", async () => {
    const event = pages.find((page) => page.url === SEED_EVENT.url);
    assert.equal(event?.data.start, SEED_EVENT.start);
    const page = await readPage(output, SEED_EVENT.url);
    assert.match(page.querySelector("main")?.textContent ?? "", /This event has passed/);
    assert.ok(page.querySelector(`#event-news + ul a[href="${SEED_EVENT.story}"]`), "the event links to its story");
    const story = await readPage(output, SEED_EVENT.story);
    assert.ok(story.querySelector(`#about-the-event + ul a[href="${SEED_EVENT.url}"]`), "the story links to its event");
  });

  it("links every event with the stories it names, both ways", async () => {
    for (const event of pages.filter((page) => page.kind === "event" && Array.isArray(page.data.news))) {
      for (const story of event.data.news as string[]) {
        const page = await readPage(output, story);
        assert.ok(page.querySelector(`#about-the-event + ul a[href="${event.url}"]`), `${story} shows ${event.url}`);
      }
    }
  });

  it("shows each seed story with its date", async () => {
    for (const seed of SEED_STORIES) {
      const time = (await readPage(output, seed.url)).querySelector("main article time");
      assert.deepEqual([time?.getAttribute("datetime"), time?.textContent], [seed.date, seed.ordinal], seed.url);
    }
  });

  it("shows the home page's own text, with the latest news", async () => {
    const home = pages.find((page) => page.kind === "home");
    const doc = await readPage(output, "/");
    const shown = doc.querySelector("main .ri-content")?.textContent?.replace(/\s+/g, " ") ?? "";
    // Every plain paragraph of the markdown appears on the page as it was written.
    const paragraphs = (home?.body ?? "")
      .split(/\n\s*\n/)
      .map((p) => p.trim().replace(/\s+/g, " "))
      .filter((p) => p && !/[[*_`#<>|]/.test(p));
    for (const paragraph of paragraphs) assert.ok(shown.includes(paragraph), paragraph);
    // The latest-news cards only: upcoming events have cards of their own.
    const latest = [...doc.querySelectorAll('main section[aria-labelledby="latest-news"] .nhsuk-card time')].map((t) => t.getAttribute("datetime"));
    assert.deepEqual(
      latest,
      stories(pages)
        .slice(0, latest.length)
        .map((story) => String(story.data.date)),
    );
    assert.ok(latest.length >= Math.min(1, stories(pages).length), "the home page shows the latest news");
  });

  it("uses the organisational header, skip link and footer accessibility link on every page type", async () => {
    const one = (kind: ContentPage["kind"]) =>
      pages
        .filter((page) => page.kind === kind)
        .map((page) => page.url)
        .slice(0, 1);
    for (const url of [...LISTINGS, ...CONTENT_TYPES.flatMap((definition) => one(definition.name)), "/404.html"]) {
      const doc = await readPage(output, url);
      assert.equal(doc.querySelector("a.nhsuk-skip-link")?.getAttribute("href"), "#maincontent", url);
      assert.ok(doc.querySelector("main#maincontent"), url);
      assert.match(
        doc.querySelector(".nhsuk-header--organisation")?.textContent ?? "",
        /Midlands Partnership University.*NHS Foundation Trust.*Research and Innovation/s,
      );
      assert.equal(doc.querySelector("footer a[href='/accessibility-statement/']")?.textContent?.trim(), "Accessibility statement");
      assert.equal(doc.querySelectorAll("h1").length, 1, url);
    }
  });
});

describe(`the R&I site in the NHS date style${FROM}`, () => {
  let root: string;
  before(async () => {
    root = await tempDir("site-nhs");
    await cp(CONTENT, path.join(root, "content"), { recursive: true });
    const siteFile = path.join(root, "content", "_data", "site.json");
    const site = JSON.parse(await readFile(siteFile, "utf8")) as Record<string, unknown>;
    await writeFile(siteFile, JSON.stringify({ ...site, dateStyle: "nhs" }));
    const result = await runCli("build", ["--input", path.join(root, "content"), "--output", path.join(root, "_site")], { RI_BUILD_DATE: BUILD_DAY });
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("writes 12 December 2024", async () => {
    const output = path.join(root, "_site");
    for (const [, text] of await listingDates(output, "/news/")) assert.match(text, NHS_DATE);
    for (const seed of SEED_STORIES) {
      const time = (await readPage(output, seed.url)).querySelector("main article time");
      assert.equal(time?.textContent, seed.nhs, seed.url);
    }
  });
});
