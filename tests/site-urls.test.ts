import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkBody } from "../src/check/body-checks.ts";
import { siteUrls } from "../src/content/site-urls.ts";
import { news } from "../src/content/types/news.ts";
import { service } from "../src/content/types/service.ts";

const stories = Array.from({ length: 11 }, (_, index) => ({
  url: `/news/2024/story-${index}/`,
  date: `2024-01-${String(index + 1).padStart(2, "0")}`,
  tags: index === 0 ? ["events"] : [],
}));
const urls = siteUrls({
  pages: ["/", "/about/", ...stories.map((story) => story.url)],
  listings: [
    ...(news.listings?.urls(
      stories.map((story) => ({ url: story.url, data: { date: story.date, tags: story.tags } })),
      { topicSlugs: ["events", "partnerships"] },
    ) ?? []),
    ...(service.listings?.urls([], { topicSlugs: [] }) ?? []),
  ],
  images: ["team/photo.jpg"],
});

describe("siteUrls", () => {
  it("knows the pages the news index makes from the stories", () => {
    for (const url of ["/news/", "/news/page/2/", "/news/2024/", "/news/2024/page/2/", "/news/topics/events/", "/news/topics/partnerships/"]) {
      assert.ok(urls.has(url), url);
    }
    for (const url of ["/news/page/3/", "/news/2023/", "/news/topics/other/", "/news/topics/events/page/2/"]) assert.ok(!urls.has(url), url);
  });

  it("knows the generated pages, editors' images and the asset folders", () => {
    for (const url of ["/", "/services/", "/search/", "/news/feed.xml", "/sitemap.xml", "/images/team/photo.jpg", "/assets/css/nhsuk-frontend.min.css"]) {
      assert.ok(urls.has(url), url);
    }
    assert.ok(!urls.has("/images/team/other.jpg"));
    assert.ok(!urls.has("/assets/"));
  });

  it("suggests the nearest address", () => {
    assert.equal(urls.nearest("/abuot/"), "/about/");
  });
});

describe("checkBody", () => {
  const context = { file: "f.md", url: "/news/2024/story-0/", title: "Title", lineOffset: 5, urls, heldBack: new Map<string, string>() };

  it("gives file lines for links on later lines of a paragraph, in lists and quotes", () => {
    const body = "\nFirst line\nsecond [bad](/nope/) line\n\n- item\n- [bad](/nope/)\n\n> [bad](/nope/)\n";
    assert.deepEqual(
      checkBody(body, context).map((problem) => problem.line),
      [8, 11, 13],
    );
  });

  it("resolves relative links against the page and follows reference links", () => {
    const body = "[up](../story-1/) and [ref][r] and [bad ref][b]\n\n[r]: /about/\n[b]: /abot/\n";
    assert.deepEqual(
      checkBody(body, context).map((problem) => problem.message),
      ['"/abot/" goes to no page on this site (did you mean "/about/"?): correct the address or remove the link'],
    );
  });

  it("accepts headings that step down one level at a time and go back up", () => {
    assert.deepEqual(checkBody("## A\n\n### B\n\n#### C\n\n## D\n\n### E\n\nSetext\n------\n", context), []);
  });
});
