import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildFixture, exists, readPage, storiesByDay } from "./helpers/fixture-site.ts";

const cards = (doc: Document) =>
  [...doc.querySelectorAll("main .nhsuk-card")].map((card) => ({
    title: card.querySelector(".nhsuk-card__link")?.textContent?.trim(),
    href: card.querySelector(".nhsuk-card__link")?.getAttribute("href"),
    datetime: card.querySelector("time")?.getAttribute("datetime"),
  }));

for (const count of [0, 1, 10, 11, 21]) {
  describe(`news listing with ${count} stories`, () => {
    const stories = storiesByDay(count);
    const expectedPages = Math.max(1, Math.ceil(count / 10));
    let site: Awaited<ReturnType<typeof buildFixture>>;
    before(async () => {
      site = await buildFixture({ stories });
    });
    after(() => site.cleanup());

    it(`has ${expectedPages} listing page(s) of at most 10, newest first`, async () => {
      const seen: string[] = [];
      for (let number = 1; number <= expectedPages; number++) {
        const doc = await readPage(site.output, number === 1 ? "/news/" : `/news/page/${number}/`);
        const listed = cards(doc);
        assert.ok(listed.length <= 10);
        seen.push(...listed.map((card) => card.title ?? ""));
        const dates = listed.map((card) => card.datetime ?? "");
        assert.deepEqual(dates, dates.toSorted().reverse(), "dates descend");
      }
      assert.deepEqual(
        seen,
        stories.map((story) => story.title),
      );
      assert.equal(await exists(path.join(site.output, "news", "page", String(expectedPages + 1), "index.html")), false);
      assert.equal(await exists(path.join(site.output, "news", "page", "1", "index.html")), false);
    });

    it("shows numbered pagination only when there is more than one page", async () => {
      const doc = await readPage(site.output, "/news/");
      const nav = doc.querySelector("nav.nhsuk-pagination--numbered");
      if (expectedPages === 1) {
        assert.equal(nav, null);
        return;
      }
      assert.ok(nav);
      const links = [...nav.querySelectorAll(".nhsuk-pagination__link")].map((a) => a.getAttribute("href"));
      assert.deepEqual(
        links,
        Array.from({ length: expectedPages }, (_, i) => (i === 0 ? "/news/" : `/news/page/${i + 1}/`)),
      );
      assert.equal(nav.querySelector("[aria-current=page]")?.textContent?.trim(), "1");
      assert.equal(nav.querySelector("a[rel=prev]"), null);
      assert.equal(nav.querySelector("a[rel=next]")?.getAttribute("href"), "/news/page/2/");

      const last = await readPage(site.output, `/news/page/${expectedPages}/`);
      assert.equal(last.querySelector("a[rel=next]"), null);
      assert.equal(last.querySelector("a[rel=prev]")?.getAttribute("href"), expectedPages === 2 ? "/news/" : `/news/page/${expectedPages - 1}/`);
      assert.match(last.querySelector("title")?.textContent ?? "", new RegExp(`^News \\(page ${expectedPages} of ${expectedPages}\\) – `));
    });

    it("says so when there is no news", async () => {
      const doc = await readPage(site.output, "/news/");
      if (count === 0) assert.match(doc.querySelector("main")?.textContent ?? "", /There is no news yet/);
      else assert.doesNotMatch(doc.querySelector("main")?.textContent ?? "", /There is no news yet/);
    });

    it("publishes every story at /news/<year>/<slug>/ with its date", async () => {
      for (const story of stories) {
        const doc = await readPage(site.output, `/news/${story.date.slice(0, 4)}/${story.slug}/`);
        assert.equal(doc.querySelector("h1")?.textContent, story.title);
        assert.equal(doc.querySelector("main time")?.getAttribute("datetime"), story.date);
      }
    });

    it("gives each year with stories an archive page", async () => {
      const years = [...new Set(stories.map((story) => story.date.slice(0, 4)))];
      for (const year of years) {
        const doc = await readPage(site.output, `/news/${year}/`);
        assert.deepEqual(
          cards(doc).map((card) => card.title),
          stories
            .filter((story) => story.date.startsWith(year))
            .slice(0, 10)
            .map((story) => story.title),
        );
      }
      if (count === 21) assert.deepEqual(years, ["2024", "2023"]);
    });
  });
}
