import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { visiblePages } from "../layouts/components/Pagination.tsx";
import { type NewsEntry, buildNewsIndex, paginate } from "../src/content/news-index.ts";

const entry = (slug: string, date: string, tags: string[] = []): NewsEntry => ({
  url: `/news/${date.slice(0, 4)}/${slug}/`,
  title: slug,
  summary: "",
  date,
  tags,
  year: date.slice(0, 4),
});

describe("paginate", () => {
  it("always has a first page, even with no stories", () => {
    assert.deepEqual(paginate("/news/", []), [{ number: 1, total: 1, url: "/news/", items: [], pageUrls: ["/news/"] }]);
  });

  it("puts ten to a page and numbers the rest from /page/2/", () => {
    const items = Array.from({ length: 21 }, (_, i) => entry(`s${i}`, "2024-01-01"));
    const pages = paginate("/news/", items);
    assert.deepEqual(
      pages.map((p) => [p.url, p.items.length]),
      [
        ["/news/", 10],
        ["/news/page/2/", 10],
        ["/news/page/3/", 1],
      ],
    );
  });
});

describe("buildNewsIndex", () => {
  const index = buildNewsIndex(
    [entry("b", "2024-05-01", ["events"]), entry("a", "2023-12-31"), entry("c", "2024-05-01"), entry("d", "2025-01-01", ["events"])],
    ["events", "partnerships"],
  );

  it("orders stories newest first, same-day stories by address", () => {
    assert.deepEqual(
      index.stories.map((s) => s.title),
      ["d", "b", "c", "a"],
    );
  });

  it("links each story to its newer and older neighbour", () => {
    assert.equal(index.neighbours.get("/news/2024/b/")?.newer?.title, "d");
    assert.equal(index.neighbours.get("/news/2024/b/")?.older?.title, "c");
    assert.equal(index.neighbours.get("/news/2025/d/")?.newer, undefined);
    assert.equal(index.neighbours.get("/news/2023/a/")?.older, undefined);
  });

  it("makes year archives for years with stories and a page for every topic", () => {
    assert.deepEqual(index.years, ["2025", "2024", "2023"]);
    assert.deepEqual(
      index.archives.map((a) => [a.kind, a.key, a.url, a.items.map((s) => s.title).join()]),
      [
        ["year", "2025", "/news/2025/", "d"],
        ["year", "2024", "/news/2024/", "b,c"],
        ["year", "2023", "/news/2023/", "a"],
        ["topic", "events", "/news/topics/events/", "d,b"],
        ["topic", "partnerships", "/news/topics/partnerships/", ""],
      ],
    );
  });
});

describe("visiblePages", () => {
  it("shows every page of a short listing", () => {
    assert.deepEqual(visiblePages(1, 3), [1, 2, 3]);
  });

  it("shows the ends and the current page's neighbours of a long one", () => {
    assert.deepEqual(visiblePages(1, 10), [1, 2, "…", 10]);
    assert.deepEqual(visiblePages(5, 10), [1, "…", 4, 5, 6, "…", 10]);
    assert.deepEqual(visiblePages(10, 10), [1, "…", 9, 10]);
  });
});
