import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import yaml from "js-yaml";
import type { CmsCollection } from "../src/cms/config.ts";
import { parseFrontMatter } from "../src/check/frontmatter.ts";
import { doiUrl } from "../src/content/types/publication/schema.ts";
import { buildFixture, makeContent, markdownFile, readPage, runCli, tempDir } from "./helpers/fixture-site.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";
import { SITEMAP, elements, readXml, textOf } from "./helpers/xml.ts";
import { validateHtml } from "./quality/html.ts";

/**
 * The publications type end to end, on fixture sites built as of FIXTURE_DAY: the check's
 * rules, each publication's page and its ScholarlyArticle data, /publications/ newest
 * year first (and what it says with none), the sitemap, the search's type and year
 * filters, the CMS collection and `npm run new -- publication`. Years are counted back
 * from the build day's year, so the fixtures mean the same on any day.
 */
const THIS_YEAR = Number(FIXTURE_DAY.slice(0, 4));
const runAtFixtureDay = (...[script, args, env]: Parameters<typeof runCli>) => runCli(script, args, { RI_BUILD_DATE: FIXTURE_DAY, ...env });

const PUBLICATIONS = {
  "sleep-and-mood": {
    title: "Sleep and mood in adults using community mental health services",
    authors: ["A. Author", "B. Author", "C. Author"],
    journal: "Journal of Example Studies",
    year: THIS_YEAR - 1,
    doi: "10.1000/example.2025-1",
    summary: "What a year of sleep diaries showed about mood.",
    tags: ["mental-health"],
  },
  "an-older-paper": {
    title: "An older paper",
    authors: ["D. Author"],
    journal: "Example Review",
    year: THIS_YEAR - 3,
    summary: "A paper from three years before the build.",
  },
  "about-trials": {
    title: "About trials",
    authors: ["E. Author"],
    journal: "Example Trials",
    year: THIS_YEAR - 1,
    doi: "10.1000/q?x#y",
    summary: "A paper of the same year, listed after the other by title.",
  },
  "not-ready": { title: "Not ready", authors: ["F. Author"], journal: "Example", year: THIS_YEAR, summary: "A draft.", draft: true },
};

const files = (publications: Record<string, Record<string, unknown>>) =>
  Object.fromEntries(
    Object.entries(publications).map(([slug, data]) => [`publications/${slug}.md`, markdownFile(data, `The findings of ${String(data.title)}.`)]),
  );

/** A story in the build's year, so the year filter has a year from news as well. */
const STORY = { slug: "a-story", title: "A story", date: `${THIS_YEAR}-01-10`, summary: "News." };

describe("publications", { timeout: 300_000 }, () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  let empty: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    site = await buildFixture({ stories: [STORY], files: files(PUBLICATIONS) }, { RI_CMS_REPO: "example/ri-site" });
    empty = await buildFixture({ stories: [STORY] });
  });
  after(async () => {
    await site?.cleanup();
    await empty?.cleanup();
  });

  it("shows a publication's authors, journal, year, topics and DOI, linked to doi.org", async () => {
    const doc = await readPage(site.output, "/publications/sleep-and-mood/");
    assert.equal(doc.querySelector("h1")?.textContent, PUBLICATIONS["sleep-and-mood"].title);
    const rows = [...doc.querySelectorAll(".nhsuk-summary-list__row")].map((row) => [
      row.querySelector("dt")?.textContent,
      row.querySelector("dd")?.textContent?.trim(),
    ]);
    assert.deepEqual(rows, [
      ["Authors", "A. Author, B. Author, C. Author"],
      ["Published in", "Journal of Example Studies"],
      ["Year", String(THIS_YEAR - 1)],
      ["DOI", "10.1000/example.2025-1"],
      ["Topics", "Mental health"],
    ]);
    assert.equal(doc.querySelector("dd a")?.getAttribute("href"), "https://doi.org/10.1000/example.2025-1");
    assert.match(doc.querySelector("main")?.textContent ?? "", /The findings of Sleep and mood/);
    assert.deepEqual(
      [...doc.querySelectorAll(".nhsuk-breadcrumb__list a")].map((link) => link.getAttribute("href")),
      ["/", "/publications/"],
    );
    // A DOI's ? and # are part of it, not the address's query and fragment.
    const other = await readPage(site.output, "/publications/about-trials/");
    assert.equal(other.querySelector("dd a")?.getAttribute("href"), "https://doi.org/10.1000/q%3Fx%23y");
    assert.equal(doiUrl("10.1000/a b%"), "https://doi.org/10.1000/a%20b%25");
    // Without a DOI there is no DOI row and no link.
    const older = await readPage(site.output, "/publications/an-older-paper/");
    assert.equal(older.querySelector("dd a"), null);
    assert.equal(older.querySelector(".nhsuk-summary-list__row dt")?.textContent, "Author");
  });

  it("lists them at /publications/ newest year first, by title within a year, without drafts", async () => {
    const doc = await readPage(site.output, "/publications/");
    assert.equal(doc.querySelector("h1")?.textContent, "Publications");
    assert.deepEqual(
      [...doc.querySelectorAll("main h2")].map((heading) => heading.textContent),
      [String(THIS_YEAR - 1), String(THIS_YEAR - 3)],
    );
    assert.deepEqual(
      [...doc.querySelectorAll("main h3 a")].map((link) => link.getAttribute("href")),
      ["/publications/about-trials/", "/publications/sleep-and-mood/", "/publications/an-older-paper/"],
    );
    assert.equal(doc.querySelector("main .nhsuk-inset-text"), null);
    assert.match(doc.querySelector("main li")?.textContent ?? "", new RegExp(`E\\. Author\\. Example Trials, ${THIS_YEAR - 1}\\.`));
    await assert.rejects(readPage(site.output, "/publications/not-ready/"), "a draft has no page");
  });

  it("says there are none yet on a site without any, rather than showing an empty list", async () => {
    const doc = await readPage(empty.output, "/publications/");
    assert.equal(doc.querySelector("h1")?.textContent, "Publications");
    assert.match(doc.querySelector("main .nhsuk-inset-text")?.textContent ?? "", /There are no publications on this website yet\./);
    assert.equal(doc.querySelectorAll("main h2, main ul.nhsuk-list").length, 0);
  });

  it("describes each as a ScholarlyArticle in JSON-LD", async () => {
    const doc = await readPage(site.output, "/publications/sleep-and-mood/");
    const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => JSON.parse(script.textContent ?? "") as Record<string, unknown>,
    );
    const article = scripts.find((data) => data["@type"] === "ScholarlyArticle");
    const site_ = JSON.parse(await readFile(path.join(site.content, "_data", "site.json"), "utf8")) as { url: string };
    const url = new URL("/publications/sleep-and-mood/", site_.url).href;
    assert.deepEqual(article, {
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      url,
      mainEntityOfPage: url,
      headline: PUBLICATIONS["sleep-and-mood"].title,
      name: PUBLICATIONS["sleep-and-mood"].title,
      description: PUBLICATIONS["sleep-and-mood"].summary,
      author: [
        { "@type": "Person", name: "A. Author" },
        { "@type": "Person", name: "B. Author" },
        { "@type": "Person", name: "C. Author" },
      ],
      datePublished: String(THIS_YEAR - 1),
      isPartOf: { "@type": "Periodical", name: "Journal of Example Studies" },
      identifier: { "@type": "PropertyValue", propertyID: "DOI", value: "10.1000/example.2025-1", url: "https://doi.org/10.1000/example.2025-1" },
      sameAs: "https://doi.org/10.1000/example.2025-1",
      keywords: "Mental health",
    });
  });

  it("puts the listing and every published publication in the sitemap", async () => {
    for (const output of [site.output, empty.output]) {
      const sitemap = await readXml(output, "sitemap.xml");
      const paths = elements(sitemap, SITEMAP, "url").map((entry) => new URL(textOf(entry, SITEMAP, "loc") ?? "").pathname);
      const expected =
        output === site.output
          ? ["/publications/", "/publications/about-trials/", "/publications/an-older-paper/", "/publications/sleep-and-mood/"]
          : ["/publications/"];
      assert.deepEqual(paths.filter((url) => url.startsWith("/publications/")).sort(), expected);
    }
  });

  it("is found by search as a Publication, filtered by its year and topics, and the search page offers both", async () => {
    const doc = await readPage(site.output, "/publications/sleep-and-mood/");
    const body = doc.querySelector("[data-pagefind-body]");
    assert.ok(body, "the page is indexed");
    const filters = [...(body?.querySelectorAll("[data-pagefind-filter]") ?? [])].map((span) => span.getAttribute("data-pagefind-filter"));
    assert.deepEqual(filters, ["type:Publication", `year:${THIS_YEAR - 1}`, "topic:Mental health"]);
    assert.equal(body?.querySelector("[data-pagefind-sort]")?.getAttribute("data-pagefind-sort"), `date:${THIS_YEAR - 1}`);
    assert.equal((await readPage(site.output, "/publications/")).querySelector("[data-pagefind-body]"), null, "the listing is not a result");
    const search = await readPage(site.output, "/search/");
    const options = (name: string) => [...search.querySelectorAll(`select[name=${name}] option`)].map((option) => option.getAttribute("value"));
    assert.ok(options("type").includes("Publication"));
    // The news year, then the publications' years, which no story has: newest first.
    assert.deepEqual(options("year"), ["", String(THIS_YEAR), String(THIS_YEAR - 1), String(THIS_YEAR - 3)]);
    const entry = JSON.parse(await readFile(path.join(site.output, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    // The story, the home page and the three publications.
    assert.equal(entry.languages.en?.page_count, 5);
  });

  it("writes valid HTML on every page", async () => {
    assert.deepEqual(await validateHtml(site.output), []);
    assert.deepEqual(await validateHtml(empty.output), []);
  });

  it("has a CMS collection that saves content/publications/<slug>.md, with the schema's limits in the form", async () => {
    const config = yaml.load(await readFile(path.join(site.output, "admin", "config.yml"), "utf8")) as { collections: CmsCollection[] };
    const collection = config.collections.find((entry) => entry.name === "publications");
    assert.equal(collection?.folder, "content/publications");
    assert.equal(collection?.path, undefined);
    assert.equal(collection?.preview_path, "publications/{{slug}}/");
    const field = (name: string) => collection?.fields?.find((entry) => entry.name === name);
    assert.deepEqual(
      collection?.fields?.map((entry) => [entry.name, entry.widget, entry.required]),
      [
        ["title", "text", true],
        ["authors", "list", true],
        ["journal", "text", true],
        ["year", "number", true],
        ["doi", "string", false],
        ["summary", "text", true],
        ["tags", "select", false],
        ["draft", "boolean", false],
        ["body", "markdown", undefined],
      ],
    );
    assert.match(field("title")?.hint ?? "", /At most 300 characters\.$/);
    // One box an author, each called an author (a study's eligibility list calls its entries points).
    assert.deepEqual(field("authors")?.field, { label: "Author", name: "point", widget: "string" });
    assert.deepEqual([field("year")?.min, field("year")?.max, field("year")?.value_type], [1000, 9999, "int"]);
    const doi = new RegExp(field("doi")?.pattern?.[0] ?? "");
    assert.ok(doi.test("10.1000/xyz123") && !doi.test("https://doi.org/10.1000/xyz123") && !doi.test("10.1/x"));
  });
});

describe("the check of a publication", () => {
  let root: string;
  before(async () => {
    root = await tempDir("publication-check");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("names a bad DOI (with the DOI it holds), missing or empty authors, and a year in quotes", async () => {
    const good = { title: "A paper", authors: ["A. Author"], journal: "Example", year: THIS_YEAR, summary: "S." };
    const content = await makeContent(root, {
      files: files({
        "pasted-link": { ...good, doi: "https://doi.org/10.1000/xyz123" },
        "not-a-doi": { ...good, doi: "xyz123" },
        "no-authors": { title: good.title, journal: good.journal, year: good.year, summary: good.summary },
        "empty-authors": { ...good, authors: [] },
        "quoted-year": { ...good, year: String(THIS_YEAR) },
      }),
    });
    const result = await runAtFixtureDay("check", [content]);
    assert.equal(result.code, 1);
    const lines = result.stderr
      .trim()
      .split("\n")
      .map((line) => line.replace(`${content}/`, ""));
    const expected = [
      /^publications\/empty-authors\.md:\d+: authors: must name at least one author, one a line starting " {2}- "$/,
      /^publications\/no-authors\.md:\d+: authors: is required \(add a line "authors: \.\.\." to the front matter\)$/,
      /^publications\/not-a-doi\.md:\d+: doi: "xyz123" is not a DOI: write it as 10\., digits, a slash and the rest, such as "10\.1000\/xyz123"$/,
      /^publications\/pasted-link\.md:\d+: doi: "https:\/\/doi\.org\/10\.1000\/xyz123" is not a DOI: .* \(did you mean "10\.1000\/xyz123"\?\)$/,
      new RegExp(`^publications/quoted-year\\.md:\\d+: year: must be a year written with four digits and no quotes, such as year: 2024$`),
    ];
    for (const pattern of expected)
      assert.ok(
        lines.some((line) => pattern.test(line)),
        `${pattern.source}\n${lines.join("\n")}`,
      );
    assert.equal(lines.filter((line) => line.startsWith("publications/")).length, expected.length, lines.join("\n"));
  });
});

describe("npm run new -- publication", () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("new-publication");
    content = await makeContent(root);
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("starts a draft dated this year, which the check holds back from publishing until its placeholders are replaced", async () => {
    const made = await runAtFixtureDay("new", ["publication", "Sleep and mood: a year of diaries", "--content", content]);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /open http:\/\/localhost:8080\/publications\/sleep-and-mood-a-year-of-diaries\/\n/);
    const file = path.join(content, "publications", "sleep-and-mood-a-year-of-diaries.md");
    const text = await readFile(file, "utf8");
    assert.match(text, new RegExp(`^year: ${THIS_YEAR}$`, "m"), "the year is written as a number");
    const { data } = parseFrontMatter(text);
    assert.equal(data.year, THIS_YEAR);
    assert.equal(data.title, "Sleep and mood: a year of diaries");
    assert.equal(data.draft, true);
    assert.equal((await runAtFixtureDay("check", [content])).code, 0);

    await writeFile(file, text.replace("draft: true\n", ""));
    const published = await runAtFixtureDay("check", [content]);
    assert.equal(published.code, 1);
    const fields = published.stderr
      .trim()
      .split("\n")
      .map((line) => /^[^:]+:\d+: ([^:]+):/.exec(line.replace(`${content}/`, ""))?.[1]);
    assert.deepEqual(fields.toSorted(), ["authors[0]", "body", "journal", "summary"]);
  });
});
