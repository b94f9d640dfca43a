import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildFixture, exists, readPage } from "./helpers/fixture-site.ts";
import { BUILD_DATE, STUDIES, studySiteFiles } from "./helpers/study-fixtures.ts";
import { ATOM, SITEMAP, elements, readXml, textOf } from "./helpers/xml.ts";

/**
 * A site with fixture studies in every status, built as CI builds it on the fixtures' build
 * day: the register, the condition pages, the study pages, the feed, the sitemap, search's
 * filters, and the home and "Taking part in research" pages' count, from the built files.
 */
const ORIGIN = "https://ri.example.nhs.uk";
const texts = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((element) => element.textContent?.replace(/\s+/g, " ").trim() ?? "");

describe("a site with studies in every status", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    site = await buildFixture({ files: studySiteFiles() }, { RI_BUILD_DATE: BUILD_DATE });
  });
  after(() => site.cleanup());

  it("builds, and the check warns about the recruiting study past its end date", () => {
    const output = `${site.result.stdout}\n${site.result.stderr}`;
    assert.match(output, /example-ended-study\.md:\d+: recruitmentEnds: "2025-06-14" has passed, so the site shows this study as closed to recruitment/);
    assert.doesNotMatch(output, /example-last-day-study\.md:\d+: recruitmentEnds/, "the last day itself is still open");
  });

  it("groups /studies/ by the status each study shows, recruiting first, the ended study among the closed", async () => {
    const register = await readPage(site.output, "/studies/");
    assert.deepEqual(texts(register, "main section > h2"), [
      "Recruiting now: 4 studies",
      "Setting up: 1 study",
      "Closed to recruitment: 2 studies",
      "Completed: 1 study",
    ]);
    const closed = register.querySelector('section[aria-labelledby="studies-closed"]');
    assert.deepEqual(
      [...(closed?.querySelectorAll(".nhsuk-card__link") ?? [])].map((link) => link.getAttribute("href")),
      ["/studies/example-closed-study/", "/studies/example-ended-study/"],
    );
    assert.equal(
      closed?.querySelector('a[href="/studies/example-ended-study/"]')?.closest(".nhsuk-card")?.querySelector(".nhsuk-tag")?.textContent,
      "Closed to recruitment",
    );
  });

  it("filters by condition with a page per condition, linked from the register", async () => {
    const register = await readPage(site.output, "/studies/");
    assert.deepEqual(texts(register, 'nav[aria-labelledby="filter-by-condition"] li'), [
      "All studies (8 studies)",
      "Dementia (3 studies)",
      "Mental health (3 studies)",
      "Sleep (1 study)",
    ]);
    const dementia = await readPage(site.output, "/studies/conditions/dementia/");
    assert.equal(texts(dementia, "h1")[0], "Take part in research – Dementia studies");
    assert.deepEqual(
      [...dementia.querySelectorAll(".nhsuk-card__link")].map((link) => link.getAttribute("href")),
      ["/studies/example-setting-up-study/", "/studies/example-ended-study/", "/studies/example-completed-study/"],
    );
    assert.equal(dementia.querySelector('[aria-current="page"]')?.textContent?.trim(), "Dementia (3 studies)");
    assert.match(texts(dementia, ".nhsuk-inset-text h2")[0] ?? "", /No dementia studies are recruiting/);
  });

  it("shows the study past its end date as closed, and says when recruitment ended", async () => {
    const page = await readPage(site.output, "/studies/example-ended-study/");
    assert.equal(page.querySelector("main .nhsuk-tag")?.textContent, "Closed to recruitment");
    assert.match(texts(page, ".nhsuk-inset-text")[0] ?? "", /Recruitment to this study ended on 14th June 2025/);
    assert.equal(page.querySelector("#how-to-take-part"), null, "it invites no one to take part");
  });

  it("links each identifier to its public registry, and shows the IRAS ID as text", async () => {
    const page = await readPage(site.output, "/studies/example-mood-study/");
    assert.deepEqual(
      [...page.querySelectorAll(".nhsuk-summary-list a[href^='https://']")].map((link) => link.getAttribute("href")),
      ["https://www.isrctn.com/ISRCTN12345678", "https://clinicaltrials.gov/study/NCT12345678"],
    );
    assert.ok(texts(page, ".nhsuk-summary-list__value").includes("1234567"));
    assert.match(page.querySelector("#what-taking-part-involves")?.parentElement?.textContent ?? "", /sleep diary for 2 weeks/);
    assert.deepEqual(
      [...page.querySelectorAll("#how-to-take-part ~ ul a, section[aria-labelledby='how-to-take-part'] a")].map((link) => link.getAttribute("href")),
      ["mailto:example.study@example.nhs.uk", "tel:01632960001"],
    );
  });

  it("describes each study as schema.org MedicalStudy JSON-LD with the status it shows", async () => {
    const expected: Record<string, string> = {
      "example-mood-study": "https://schema.org/Recruiting",
      "example-ended-study": "https://schema.org/ActiveNotRecruiting",
      "example-last-day-study": "https://schema.org/Recruiting",
      "example-setting-up-study": "https://schema.org/NotYetRecruiting",
      "example-closed-study": "https://schema.org/ActiveNotRecruiting",
      "example-completed-study": "https://schema.org/Completed",
    };
    for (const [slug, status] of Object.entries(expected)) {
      const page = await readPage(site.output, `/studies/${slug}/`);
      const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? "null") as Record<string, unknown>;
      assert.equal(data["@type"], "MedicalStudy", slug);
      assert.equal(data.status, status, slug);
      assert.equal(data.url, `${ORIGIN}/studies/${slug}/`);
    }
  });

  it("lists the register, the condition pages and every study in the sitemap, dated", async () => {
    const sitemap = await readXml(site.output, "sitemap.xml");
    const lastmod = new Map(
      elements(sitemap, SITEMAP, "url").map((url) => [(textOf(url, SITEMAP, "loc") ?? "").slice(ORIGIN.length), textOf(url, SITEMAP, "lastmod")]),
    );
    for (const [slug, study] of Object.entries(STUDIES)) assert.equal(lastmod.get(`/studies/${slug}/`), study.reviewed, slug);
    // The ended study began to show as closed on the day after its end date: the register changed then.
    assert.equal(lastmod.get("/studies/"), "2025-06-15");
    assert.equal(lastmod.get("/studies/conditions/sleep/"), "2025-05-01");
    assert.ok(lastmod.has("/studies/conditions/dementia/") && lastmod.has("/studies/conditions/mental-health/"));
    assert.ok(!lastmod.has("/studies/feed.xml"));
  });

  it("publishes an Atom feed of the studies open to recruitment, linked from the register", async () => {
    const feed = await readXml(site.output, "studies/feed.xml");
    assert.equal(feed.namespaceURI, ATOM);
    assert.equal(feed.localName, "feed");
    assert.equal(textOf(feed, ATOM, "id"), `${ORIGIN}/studies/feed.xml`);
    assert.equal(textOf(feed, ATOM, "updated"), "2025-06-15T00:00:00+01:00");
    const entries = elements(feed, ATOM, "entry");
    assert.deepEqual(entries.map((entry) => textOf(entry, ATOM, "id")).toSorted(), [
      `${ORIGIN}/studies/example-last-day-study/`,
      `${ORIGIN}/studies/example-mood-study/`,
      `${ORIGIN}/studies/example-study-10/`,
      `${ORIGIN}/studies/example-study-2/`,
    ]);
    for (const entry of entries) {
      for (const name of ["title", "id", "updated", "summary"]) assert.ok(textOf(entry, ATOM, name), `${name} in ${textOf(entry, ATOM, "id")}`);
      assert.match(textOf(entry, ATOM, "updated") ?? "", /^\d{4}-\d{2}-\d{2}T00:00:00[+-]\d{2}:\d{2}$/);
    }
    const register = await readPage(site.output, "/studies/");
    assert.equal(register.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"), "/studies/feed.xml");
  });

  it("says on the home page and the taking-part page how many studies are recruiting, with a link to them", async () => {
    for (const url of ["/", "/services/taking-part-in-research/"]) {
      const page = await readPage(site.output, url);
      const section = page.querySelector('section[aria-labelledby="recruiting-studies"]');
      assert.match(section?.textContent ?? "", /4 studies are looking for people to take part\./, url);
      assert.equal(section?.querySelector("a")?.getAttribute("href"), "/studies/", url);
    }
    const other = await readPage(site.output, "/services/");
    assert.equal(other.querySelector('section[aria-labelledby="recruiting-studies"]'), null);
  });

  it("gives search a study's type and status, and the search page a status filter", async () => {
    const page = await readFile(path.join(site.output, "studies", "example-ended-study", "index.html"), "utf8");
    assert.match(page, /data-pagefind-filter="type:Study"/);
    assert.match(page, /data-pagefind-filter="status:Closed to recruitment"/);
    const search = await readPage(site.output, "/search/");
    assert.deepEqual(
      [...search.querySelectorAll("#search-filter-status option")].map((option) => option.textContent),
      ["Any status", "Recruiting", "Setting up", "Closed to recruitment", "Completed"],
    );
    assert.equal(search.querySelector('label[for="search-filter-status"]')?.textContent?.trim(), "Study status");
    assert.ok([...search.querySelectorAll("#search-type option")].some((option) => option.getAttribute("value") === "Study"));
    assert.ok(await exists(path.join(site.output, "pagefind", "pagefind.js")));
  });
});
