import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DOMParser, onWarningStopParsing } from "@xmldom/xmldom";
import { FEED_SIZE, newsFeeds } from "../src/content/news-feeds.ts";
import { renderAtomFeed } from "../src/publish/feed.ts";
import { type NewsEntry, buildNewsIndex } from "../src/content/news-index.ts";
import { scriptSafeJson } from "../src/publish/structured-data.ts";

const topics = [
  { slug: "events", name: "Events" },
  { slug: "partnerships", name: "Partnerships & more" },
];

function entry(slug: string, date: string, extra: Partial<NewsEntry> = {}): NewsEntry {
  return { url: `/news/${date.slice(0, 4)}/${slug}/`, title: slug, summary: "S.", date, tags: [], year: date.slice(0, 4), ...extra };
}

describe("newsFeeds", () => {
  it("makes no feeds for a site without stories", () => {
    assert.deepEqual(newsFeeds(buildNewsIndex([], ["events"]), { siteName: "R&I", topics }), []);
  });

  it("keeps the newest 20, and dates a feed by its newest change", () => {
    const stories = Array.from({ length: 25 }, (_, i) => entry(`s${i}`, `2024-01-${String(i + 1).padStart(2, "0")}`, { tags: ["events"] }));
    stories.push(entry("old-but-updated", "2023-06-01", { updated: "2024-07-01", tags: ["events"] }));
    const [site, events, partnerships] = newsFeeds(buildNewsIndex(stories, ["events", "partnerships"]), { siteName: "R&I", topics });
    assert.equal(site?.entries.length, FEED_SIZE);
    assert.equal(site?.entries[0]?.title, "s24");
    // The story updated in July is not among the 20 newest, so it does not date the feed.
    assert.equal(site?.updated, "2024-01-25T00:00:00+00:00");
    assert.equal(events?.url, "/news/topics/events/feed.xml");
    assert.equal(partnerships?.entries.length, 0);
    assert.equal(partnerships?.updated, "2024-01-25T00:00:00+00:00", "an empty topic's feed is as new as the site's newest story");
  });

  it("dates a feed by an update newer than any publication", () => {
    const stories = [entry("new", "2024-05-01"), entry("updated", "2024-04-01", { updated: "2024-08-15" })];
    const [site] = newsFeeds(buildNewsIndex(stories, []), { siteName: "R&I", topics: [] });
    assert.equal(site?.updated, "2024-08-15T00:00:00+01:00");
  });

  it("writes well-formed XML whatever a title holds", () => {
    const stories = [entry("odd", "2024-05-01", { title: "A & B <i>]]></i> \u0007bell", summary: "\"q\" 'a' </summary>", tags: ["partnerships"] })];
    const [site] = newsFeeds(buildNewsIndex(stories, ["partnerships"]), { siteName: "R&I", topics });
    const xml = renderAtomFeed(site as NonNullable<typeof site>, {
      absolute: (url) => `https://example.nhs.uk${url}`,
      author: "R&I",
      siteName: "R&I",
      language: "en-GB",
      topics,
    });
    const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "application/xml");
    assert.equal(doc.getElementsByTagName("entry")[0]?.getElementsByTagName("title")[0]?.textContent, "A & B <i>]]></i> bell");
    assert.equal(doc.getElementsByTagName("summary")[0]?.textContent, "\"q\" 'a' </summary>");
    assert.equal(doc.getElementsByTagName("category")[0]?.getAttribute("label"), "Partnerships & more");
  });
});

describe("scriptSafeJson", () => {
  it("cannot end its script element, and parses back to the same value", () => {
    const value = { headline: "</script><script>alert(1)</script> & <!-- \u2028" };
    const json = scriptSafeJson(value);
    assert.doesNotMatch(json, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(json), value);
  });
});
