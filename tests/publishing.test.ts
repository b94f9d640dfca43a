import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type FixtureStory, TINY_JPEG, buildFixture, exists, markdownFile, readPage, storiesByDay } from "./helpers/fixture-site.ts";
import { META_CONTENT_SECURITY_POLICY } from "../src/publish/csp.ts";
import { headersFile, staticWebAppConfig } from "../src/publish/hosting-files.ts";
import { HEADER_RULES } from "../src/publish/http-headers.ts";
import { ATOM, SITEMAP, elements, readXml, textOf } from "./helpers/xml.ts";

const ORIGIN = "https://ri.example.nhs.uk";
const TRUST = "Midlands Partnership University NHS Foundation Trust";

/** 22 stories, one every 20 days back from 31 December 2024, every third about events. */
const regular: FixtureStory[] = storiesByDay(22).map((story, index) => (index % 3 === 0 ? { ...story, tags: ["events"] } : story));
const special: FixtureStory[] = [
  {
    slug: "escaped",
    title: `Tom & Jerry <b>"quoted"</b> ]]> </script>`,
    summary: `Less < more & "quotes" 'too'.`,
    date: "2024-12-20",
    updated: "2025-01-10",
    tags: ["mental-health", "events"],
  },
  { slug: "summer", title: "Summer", summary: "S.", date: "2024-06-01" },
  { slug: "clocks-forward", title: "Clocks forward", summary: "S.", date: "2024-03-31" },
  { slug: "clocks-back", title: "Clocks back", summary: "S.", date: "2024-10-27" },
  // Written with its image in the fixture's files; listed here for the expected order.
  { slug: "with-image", title: "With an image", summary: "S.", date: "2023-01-01" },
];
const heldBack: FixtureStory[] = [
  { slug: "a-draft", title: "A draft", summary: "S.", date: "2024-12-30", draft: true },
  { slug: "embargoed", title: "Embargoed", summary: "S.", date: "2026-12-12" },
];
const published = [...regular, ...special];
const storyUrl = (story: FixtureStory) => `/news/${story.date.slice(0, 4)}/${story.slug}/`;
/** Newest first, as the site orders them; same-day stories by address. */
const newestFirst = published.toSorted((a, b) => b.date.localeCompare(a.date) || storyUrl(a).localeCompare(storyUrl(b)));

/** The UTC offset of London at the start of a calendar day, worked out by Intl rather than by the site's code. */
function londonOffsetAtMidnight(date: string): string {
  // Clocks change at 01:00 UTC, so London's offset at midnight local time equals its offset at 00:00 UTC.
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "shortOffset" })
    .formatToParts(new Date(`${date}T00:00:00Z`))
    .find((part) => part.type === "timeZoneName")?.value;
  return name === "GMT+1" ? "+01:00" : "+00:00";
}

/** Every page the site itself renders (the content editor under /admin/ is not one). */
async function htmlPages(output: string): Promise<string[]> {
  const files = await readdir(output, { recursive: true });
  return files
    .filter((file) => file.endsWith(".html") && !file.startsWith(`admin${path.sep}`))
    .map((file) => `/${file.split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

describe("publishing: feeds, sitemap, robots and metadata", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    site = await buildFixture({
      stories: [...published.filter((story) => story.slug !== "with-image"), ...heldBack],
      files: {
        "news/2023/with-image.md": markdownFile(
          { title: "With an image", summary: "S.", date: "2023-01-01", image: { src: "/images/photo.jpg", alt: "Researchers at work" } },
          "Text.",
        ),
        "pages/about-us.md": markdownFile({ title: "About us", summary: "About.", reviewed: "2024-05-05" }, "Text."),
        "pages/contact.md": markdownFile({ title: "Contact", summary: "How to reach the department." }, "Text."),
        "services/training.md": markdownFile({ title: "Training", summary: "Courses.", reviewed: "2024-03-31" }, "Body."),
        "services/advice.md": markdownFile({ title: "Advice", summary: "Help with planning a study.", reviewed: "2025-02-02" }, "Body."),
        // The check requires a story's image to exist on the site.
        "images/photo.jpg": TINY_JPEG,
      },
    });
  });
  after(() => site.cleanup());

  describe("the news feed", () => {
    it("is Atom with the newest 20 published stories, newest first, with absolute URLs", async () => {
      const feed = await readXml(site.output, "news/feed.xml");
      assert.equal(feed.namespaceURI, ATOM);
      assert.equal(feed.localName, "feed");
      const entries = elements(feed, ATOM, "entry");
      assert.equal(entries.length, 20);
      const expected = newestFirst.slice(0, 20);
      assert.deepEqual(
        entries.map((entry) => textOf(entry, ATOM, "id")),
        expected.map((story) => `${ORIGIN}${storyUrl(story)}`),
      );
      const self = elements(feed, ATOM, "link").find((link) => link.getAttribute("rel") === "self");
      assert.equal(self?.getAttribute("href"), `${ORIGIN}/news/feed.xml`);
      const alternate = elements(feed, ATOM, "link").find((link) => link.getAttribute("rel") === "alternate");
      assert.equal(alternate?.getAttribute("href"), `${ORIGIN}/news/`);
      assert.match(textOf(elements(feed, ATOM, "author")[0] as Element, ATOM, "name") ?? "", new RegExp(TRUST));
    });

    it("gives every entry its title, link, summary and London-dated published and updated times", async () => {
      const feed = await readXml(site.output, "news/feed.xml");
      for (const entry of elements(feed, ATOM, "entry")) {
        const id = textOf(entry, ATOM, "id") ?? "";
        const story = published.find((s) => `${ORIGIN}${storyUrl(s)}` === id);
        assert.ok(story, id);
        assert.equal(textOf(entry, ATOM, "title"), story.title);
        assert.equal(textOf(entry, ATOM, "summary"), story.summary);
        assert.equal(elements(entry, ATOM, "link")[0]?.getAttribute("href"), id);
        const changed = story.updated ?? story.date;
        assert.equal(textOf(entry, ATOM, "published"), `${story.date}T00:00:00${londonOffsetAtMidnight(story.date)}`, id);
        assert.equal(textOf(entry, ATOM, "updated"), `${changed}T00:00:00${londonOffsetAtMidnight(changed)}`, id);
        const terms = elements(entry, ATOM, "category").map((category) => category.getAttribute("term"));
        assert.deepEqual(terms, story.tags ?? []);
      }
    });

    it("is as new as its newest change, not the time of the build", async () => {
      const feed = await readXml(site.output, "news/feed.xml");
      // The escaped story (20 December) was updated on 10 January 2025, after every publication.
      assert.equal(textOf(feed, ATOM, "updated"), "2025-01-10T00:00:00+00:00");
    });

    it("writes summer dates with the BST offset and clock-change days with the offset at midnight", async () => {
      const feed = await readXml(site.output, "news/feed.xml");
      const publishedOn = (slug: string) =>
        elements(feed, ATOM, "entry")
          .filter((entry) => textOf(entry, ATOM, "id")?.endsWith(`/${slug}/`))
          .map((entry) => textOf(entry, ATOM, "published"))[0];
      assert.equal(publishedOn("summer"), "2024-06-01T00:00:00+01:00");
      assert.equal(publishedOn("clocks-forward"), "2024-03-31T00:00:00+00:00");
      assert.equal(publishedOn("clocks-back"), "2024-10-27T00:00:00+01:00");
    });

    it("leaves out drafts and embargoed stories", async () => {
      const xml = await readFile(path.join(site.output, "news", "feed.xml"), "utf8");
      assert.doesNotMatch(xml, /a-draft|embargoed/);
    });
  });

  describe("topic feeds", () => {
    it("carry only the topic's stories, newest first", async () => {
      const feed = await readXml(site.output, "news/topics/events/feed.xml");
      const ids = elements(feed, ATOM, "entry").map((entry) => textOf(entry, ATOM, "id"));
      const expected = newestFirst.filter((story) => story.tags?.includes("events")).slice(0, 20);
      assert.deepEqual(
        ids,
        expected.map((story) => `${ORIGIN}${storyUrl(story)}`),
      );
      const self = elements(feed, ATOM, "link").find((link) => link.getAttribute("rel") === "self");
      assert.equal(self?.getAttribute("href"), `${ORIGIN}/news/topics/events/feed.xml`);
      assert.match(textOf(feed, ATOM, "title") ?? "", /^Events: /);
    });

    it("exist for a topic with no stories yet, so a subscription can start before the first", async () => {
      const feed = await readXml(site.output, "news/topics/partnerships/feed.xml");
      assert.equal(elements(feed, ATOM, "entry").length, 0);
      assert.match(textOf(feed, ATOM, "updated") ?? "", /^\d{4}-\d{2}-\d{2}T00:00:00\+0[01]:00$/);
    });
  });

  it("links every page to the news feed, and topic pages to their own feed first", async () => {
    for (const url of await htmlPages(site.output)) {
      const doc = await readPage(site.output, url);
      const feeds = [...doc.querySelectorAll("head link[rel=alternate][type='application/atom+xml']")].map((link) => link.getAttribute("href"));
      const topic = /^\/news\/topics\/([a-z-]+)\//.exec(url)?.[1];
      assert.deepEqual(feeds, [...(topic ? [`/news/topics/${topic}/feed.xml`] : []), "/news/feed.xml"], url);
      for (const feed of feeds) assert.ok(await exists(path.join(site.output, feed ?? "-")), feed ?? "");
    }
  });

  describe("the sitemap", () => {
    it("lists every public page once, with absolute URLs, and nothing else", async () => {
      const sitemap = await readXml(site.output, "sitemap.xml");
      assert.equal(sitemap.namespaceURI, SITEMAP);
      const locs = elements(sitemap, SITEMAP, "url").map((url) => textOf(url, SITEMAP, "loc") ?? "");
      const pages = (await htmlPages(site.output)).filter((url) => url !== "/404.html");
      assert.deepEqual(locs.toSorted(), pages.map((url) => `${ORIGIN}${url}`).toSorted());
      assert.equal(new Set(locs).size, locs.length);
      for (const loc of locs) assert.doesNotMatch(loc, /a-draft|embargoed|\/admin\/|404/);
      assert.ok(locs.includes(`${ORIGIN}/news/page/2/`), "every page of the listing");
    });

    it("dates each page from its front matter", async () => {
      const sitemap = await readXml(site.output, "sitemap.xml");
      const lastmod = new Map(
        elements(sitemap, SITEMAP, "url").map((url) => [(textOf(url, SITEMAP, "loc") ?? "").slice(ORIGIN.length), textOf(url, SITEMAP, "lastmod")]),
      );
      assert.equal(lastmod.get("/news/2024/escaped/"), "2025-01-10", "a story's updated date");
      assert.equal(lastmod.get("/news/2024/summer/"), "2024-06-01", "a story's publication date");
      assert.equal(lastmod.get("/about-us/"), "2024-05-05", "a page's reviewed date");
      assert.equal(lastmod.get("/contact/"), undefined, "no date, no lastmod");
      assert.equal(lastmod.get("/services/training/"), "2024-03-31");
      assert.equal(lastmod.get("/services/"), "2025-02-02", "the services index changes with its newest review");
      assert.equal(lastmod.get("/news/"), "2024-12-31", "a listing changes with its newest story");
      assert.equal(lastmod.get("/news/page/2/"), "2024-12-31");
      assert.equal(lastmod.get("/news/topics/events/"), "2024-12-31");
      assert.equal(lastmod.get("/news/2023/"), regular.find((story) => story.date.startsWith("2023"))?.date);
      assert.equal(lastmod.get("/"), "2025-02-02", "the home page lists the latest news and the services");
      for (const [url, day] of lastmod) if (day) assert.match(day, /^\d{4}-\d{2}-\d{2}$/, url);
    });
  });

  it("tells crawlers where the sitemap is and keeps them out of the editor", async () => {
    const robots = await readFile(path.join(site.output, "robots.txt"), "utf8");
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, /^Disallow: \/admin\/$/m);
    assert.match(robots, new RegExp(`^Sitemap: ${ORIGIN}/sitemap\\.xml$`, "m"));
  });

  describe("page metadata", () => {
    const meta = (doc: Document, key: string) => doc.querySelector(`meta[property='${key}'], meta[name='${key}']`)?.getAttribute("content") ?? undefined;

    it("gives a story its canonical URL, description, Open Graph article tags and Twitter card", async () => {
      const story = special[0] as FixtureStory;
      const doc = await readPage(site.output, storyUrl(story));
      const canonical = `${ORIGIN}/news/2024/escaped/`;
      assert.equal(doc.querySelector("link[rel=canonical]")?.getAttribute("href"), canonical);
      assert.equal(meta(doc, "description"), story.summary);
      assert.equal(meta(doc, "og:type"), "article");
      assert.equal(meta(doc, "og:title"), story.title);
      assert.equal(meta(doc, "og:description"), story.summary);
      assert.equal(meta(doc, "og:url"), canonical);
      assert.equal(meta(doc, "og:locale"), "en_GB");
      assert.equal(meta(doc, "article:published_time"), "2024-12-20T00:00:00+00:00");
      assert.equal(meta(doc, "article:modified_time"), "2025-01-10T00:00:00+00:00");
      assert.deepEqual(
        [...doc.querySelectorAll("meta[property='article:tag']")].map((m) => m.getAttribute("content")),
        ["Mental health", "Events"],
      );
      assert.equal(meta(doc, "twitter:card"), "summary_large_image");
      const image = meta(doc, "og:image") ?? "";
      assert.equal(image, `${ORIGIN}/assets/images/nhsuk-opengraph-image.png`);
      assert.ok(await exists(path.join(site.output, new URL(image).pathname)), "the image is published");
    });

    it("shares a story's own image when it has one", async () => {
      const doc = await readPage(site.output, "/news/2023/with-image/");
      assert.equal(meta(doc, "og:image"), `${ORIGIN}/images/photo.jpg`);
      assert.equal(meta(doc, "og:image:alt"), "Researchers at work");
      assert.equal(meta(doc, "og:image:width"), undefined, "the fallback's size is not the story image's");
      const data = JSON.parse(doc.querySelector("script[type='application/ld+json']")?.textContent ?? "") as { image: string[] };
      assert.deepEqual(data.image, [`${ORIGIN}/images/photo.jpg`]);
    });

    it("describes a story as schema.org NewsArticle JSON-LD that parses", async () => {
      const story = special[0] as FixtureStory;
      const doc = await readPage(site.output, storyUrl(story));
      const scripts = [...doc.querySelectorAll("script[type='application/ld+json']")];
      assert.equal(scripts.length, 1);
      const data = JSON.parse(scripts[0]?.textContent ?? "") as Record<string, unknown>;
      assert.equal(data["@context"], "https://schema.org");
      assert.equal(data["@type"], "NewsArticle");
      assert.equal(data.headline, story.title);
      assert.equal(data.description, story.summary);
      assert.equal(data.datePublished, "2024-12-20T00:00:00+00:00");
      assert.equal(data.dateModified, "2025-01-10T00:00:00+00:00");
      assert.equal(data.mainEntityOfPage, `${ORIGIN}/news/2024/escaped/`);
      assert.deepEqual(data.publisher, { "@type": "Organization", name: TRUST });
      assert.deepEqual(data.image, [`${ORIGIN}/assets/images/nhsuk-opengraph-image.png`]);
      const summer = await readPage(site.output, "/news/2024/summer/");
      const summerData = JSON.parse(summer.querySelector("script[type='application/ld+json']")?.textContent ?? "") as Record<string, unknown>;
      assert.equal(summerData.datePublished, "2024-06-01T00:00:00+01:00");
      assert.equal(summerData.dateModified, "2024-06-01T00:00:00+01:00");
    });

    it("describes other pages as websites, and keeps the 404 page out of search engines", async () => {
      for (const url of ["/", "/news/", "/about-us/", "/services/training/", "/news/topics/events/"]) {
        const doc = await readPage(site.output, url);
        assert.equal(doc.querySelector("link[rel=canonical]")?.getAttribute("href"), `${ORIGIN}${url}`, url);
        assert.equal(meta(doc, "og:type"), "website", url);
        assert.equal(meta(doc, "og:locale"), "en_GB", url);
        assert.equal(meta(doc, "robots"), undefined, url);
        assert.equal(doc.querySelector("script[type='application/ld+json']"), null, url);
        assert.ok(meta(doc, "description"), url);
      }
      const missing = await readPage(site.output, "/404.html");
      assert.equal(meta(missing, "robots"), "noindex");
      assert.equal(missing.querySelector("link[rel=canonical]"), null);
    });
  });

  describe("hosting files in the build", () => {
    it("are made from the policy in src/publish/http-headers.ts", async () => {
      assert.equal(await readFile(path.join(site.output, "_headers"), "utf8"), headersFile(HEADER_RULES, "/"));
      const azure = JSON.parse(await readFile(path.join(site.output, "staticwebapp.config.json"), "utf8")) as unknown;
      assert.deepEqual(azure, staticWebAppConfig(HEADER_RULES, "/"));
      assert.ok(await exists(path.join(site.output, "404.html")), "Azure's 404 rewrite finds its page");
    });

    it("include the policy as a meta element first in every page's head, for GitHub Pages", async () => {
      for (const url of await htmlPages(site.output)) {
        const doc = await readPage(site.output, url);
        const policy = doc.querySelector("head meta[http-equiv='Content-Security-Policy']");
        assert.equal(policy?.getAttribute("content"), META_CONTENT_SECURITY_POLICY, url);
        const first = doc.querySelector("head")?.children;
        assert.equal(first?.[0]?.getAttribute("charset"), "utf-8", url);
        assert.equal(first?.[1], policy, `${url}: before anything the policy covers`);
      }
    });
  });
});
