import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { contactProblems, duplicateUrlProblems } from "../src/check/check.ts";
import { formatProblem } from "../src/content/problems.ts";
import { FIXTURE_CONTACT, TINY_PNG, makeContent, markdownFile, runCli, tempDir } from "./helpers/fixture-site.ts";
import { rm } from "node:fs/promises";

/** One file per kind of mistake the schema cannot see, each with the line the editor sees. */
const FILES: Record<string, string | Uint8Array> = {
  "news/2024/good-story.md": markdownFile({ title: "Good story", date: "2024-06-01", summary: "Nothing wrong here." }, "Fine."),
  "news/2024/unfinished.md": markdownFile({ title: "Unfinished", date: "2024-06-02", summary: "Still a draft.", draft: true }, "Draft."),
  "news/2026/coming-soon.md": markdownFile({ title: "Coming soon", date: "2026-12-12", summary: "Embargoed." }, "Soon."),
  "news/2024/links.md": markdownFile(
    { title: "Links", date: "2024-06-03", summary: "A story with links." },
    [
      "Read the [good story](/news/2024/good-stroy/) and the [services](/services) and [this](../good-story/).",
      "See [the listing](/news/), [the 2024 news](/news/2024/), [events](/news/topics/events/), [a chart](/images/chart.png),",
      "[search](/search/), [the feed](/news/feed.xml), [a section](#top), [the NIHR](https://www.nihr.ac.uk/), [mail](mailto:a@b.c).",
      "",
      "Also the [draft](/news/2024/unfinished/) and the [embargoed story](/news/2026/coming-soon/).",
    ].join("\n"),
  ),
  "news/2024/images.md": markdownFile(
    { title: "Images", date: "2024-06-04", summary: "A story with pictures.", image: { src: "/images/missing.jpg", alt: "A chart" } },
    "![](/images/chart.png)\n\n![A chart of the results](/images/chart.png)\n\n![A photo](/images/photo.jpg)",
  ),
  "news/2024/headings.md": markdownFile(
    { title: "Headings", date: "2024-06-05", summary: "A story with headings." },
    "# A big heading\n\nText.\n\n## Headings\n\n## Background\n\n#### Details\n\n### Fine\n\n## Also fine",
  ),
  "news/2024/same-summary.md": markdownFile({ title: "Trial results published", date: "2024-06-06", summary: "Trial results published." }, "Text."),
  "news/2024/unknown-tag.md": markdownFile({ title: "Tagged", date: "2024-06-07", summary: "A tagged story.", tags: ["event"] }, "Text."),
  "services/overdue.md": markdownFile({ title: "Overdue", summary: "A service.", reviewed: "2024-01-10", reviewDue: "2025-01-10" }, "Text."),
  "pages/search.md": markdownFile({ title: "Search help", summary: "How to search." }, "Text."),
  "images/chart.png": TINY_PNG,
};

describe("content checks beyond the schema", () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("checks");
    content = await makeContent(root, { files: FILES, site: { contact: FIXTURE_CONTACT } });
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  const EXPECTED = [
    'news/2024/headings.md:7: heading: "# A big heading" is a level-1 heading, but the page title is the page\'s only one: make it "## A big heading"',
    'news/2024/headings.md:11: heading: "## Headings" repeats the page title, which the page already shows at the top: remove it',
    'news/2024/headings.md:15: heading: "#### Details" jumps from level 2 to level 4: make it "### Details", so no level is skipped',
    'news/2024/images.md:6: image.src: "/images/missing.jpg" is not an image on this site: put the image in the content/images/ folder, or correct the address',
    'news/2024/images.md:10: image: "/images/chart.png" has no alt text: describe what the image shows between the square brackets, such as ![A nurse talking to a patient](/images/chart.png)',
    'news/2024/images.md:14: image: "/images/photo.jpg" is not an image on this site: put the image in the content/images/ folder, or correct the address',
    'news/2024/links.md:7: link: "/news/2024/good-stroy/" goes to no page on this site (did you mean "/news/2024/good-story/"?): correct the address or remove the link',
    'news/2024/links.md:7: link: "/services" goes to no page on this site (did you mean "/services/"?): correct the address or remove the link',
    'news/2024/links.md:11: link: "/news/2024/unfinished/" goes to a page that is a draft, so the link would be broken on the live site: remove the link until that page is published',
    'news/2024/links.md:11: link: "/news/2026/coming-soon/" goes to a page that is embargoed until 12th December 2026, so the link would be broken on the live site: remove the link until that page is published',
    "news/2024/same-summary.md:4: summary: repeats the title: say in one or two plain sentences what the page is about, which listings and search results show under the title",
    'news/2024/unknown-tag.md:6: tags[0]: "event" is not a topic in content/_data/topics.json (did you mean "events"?); add it there first or pick an existing topic',
    "pages/search.md: would have the address /search/, which is the search page: rename the file",
    'warning: services/overdue.md:5: reviewDue: "2025-01-10" has passed: check the page is still right, then set reviewed to the day you checked it and reviewDue to the next review date',
  ];
  const lines = (stderr: string) =>
    stderr
      .trim()
      .split("\n")
      .map((line) => line.replace(`${content}/`, ""));

  it("reports every mistake at once, naming file, line, field and fix; a warning alone does not fail", async () => {
    const result = await runCli("check", [content]);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), EXPECTED);
    assert.match(result.stdout, /13 problems found .*\(1 warning: worth fixing, but they do not stop the build\)/);
    assert.match(result.stdout, /unfinished\.md: draft, left out of this build/);
  });

  it("keeps held-back stories linkable in preview", async () => {
    const result = await runCli("check", [content, "--preview"]);
    assert.ok(!result.stderr.includes("unfinished/"), result.stderr);
    assert.ok(!result.stderr.includes("coming-soon/"), result.stderr);
  });

  it("prints machine-readable results with --json", async () => {
    const result = await runCli("check", [content, "--json"]);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as { ok: boolean; errors: number; warnings: number; problems: Array<Record<string, unknown>> };
    assert.equal(report.ok, false);
    assert.equal(report.errors, 13);
    assert.equal(report.warnings, 1);
    assert.deepEqual(
      report.problems.find((problem) => problem.field === "link"),
      {
        file: path.join(content, "news/2024/links.md"),
        line: 7,
        field: "link",
        message:
          'link: "/news/2024/good-stroy/" goes to no page on this site (did you mean "/news/2024/good-story/"?): correct the address or remove the link'.slice(
            6,
          ),
        severity: "error",
      },
    );
  });
});

describe("the review-date warning", () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("strict");
    content = await makeContent(root, { files: { "services/overdue.md": FILES["services/overdue.md"] ?? "" }, site: { contact: FIXTURE_CONTACT } });
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("passes the check and the build, and fails both with --strict", async () => {
    const check = await runCli("check", [content]);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stderr, /^warning: .*overdue\.md:5: reviewDue: "2025-01-10" has passed/);
    assert.match(check.stdout, /no problems \(1 warning: worth fixing, but they do not stop the build\)/);
    const strict = await runCli("check", [content, "--strict"]);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /^[^w].*overdue\.md:5: reviewDue: "2025-01-10" has passed/);
    const output = path.join(root, "_site");
    assert.equal((await runCli("build", ["--input", content, "--output", output, "--strict"])).code, 1);
    assert.equal((await runCli("build", ["--input", content, "--output", output])).code, 0);
  });

  it("is not given on or before the due day", async () => {
    const check = await runCli("check", [content], { RI_BUILD_DATE: "2025-01-10" });
    assert.equal(check.stderr, "");
  });
});

describe("the site's contact details", () => {
  let root: string;
  before(async () => {
    root = await tempDir("contact");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));
  const NO_CONTACT =
    /^warning: .*content\/_data\/site\.json: site\.json has no contact details: visitors cannot reach the department .*Add "contact" with at least "email" to content\/_data\/site\.json/m;

  it("warns on every run while site.json has none, and fails with --strict", async () => {
    // Whatever the real site.json holds, this fixture has no contact.
    const content = await makeContent(path.join(root, "none"), { site: { contact: undefined } });
    const check = await runCli("check", [content]);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stderr, NO_CONTACT);
    assert.match(check.stdout, /no problems \(1 warning/);
    const strict = await runCli("check", [content, "--strict"]);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /^[^w].*site\.json: site\.json has no contact details/m);
  });

  it("says nothing once site.json has an email", async () => {
    const content = await makeContent(path.join(root, "email"), { site: { contact: { email: FIXTURE_CONTACT.email } } });
    const check = await runCli("check", [content, "--strict"]);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(check.stderr, "");
  });

  it("keeps content/pages/contact.md an ordinary page while site.json has no details, and says the footer has none", () => {
    const page = { file: "content/pages/contact.md" };
    const site = { name: "R&I", organisation: { name: "Trust" }, url: "https://ri.example.nhs.uk", navigation: [], footer: [] };
    assert.deepEqual(contactProblems("content/_data/site.json", site, [page.file], false).map(formatProblem), [
      'warning: content/_data/site.json: site.json has no contact details: visitors cannot reach the department (no email or phone in the footer; content/pages/contact.md is the /contact/ page). Add "contact" with at least "email" to content/_data/site.json, such as "contact": { "email": "research@example.nhs.uk" }',
    ]);
    assert.deepEqual(contactProblems("content/_data/site.json", { ...site, contact: { email: FIXTURE_CONTACT.email } }, [page.file], true), []);
  });
});

describe("duplicate addresses", () => {
  it("names both files in each file's problem", () => {
    const byUrl = new Map([
      ["/about/", ["content/pages/about.md", "content/about.md"]],
      ["/news/", ["content/pages/news.md"]],
      ["/fine/", ["content/pages/fine.md"]],
    ]);
    assert.deepEqual(duplicateUrlProblems(byUrl).map(formatProblem), [
      "content/pages/about.md: would have the same address /about/ as content/about.md: rename one of the files",
      "content/about.md: would have the same address /about/ as content/pages/about.md: rename one of the files",
      "content/pages/news.md: would have the address /news/, which is the news listing: rename the file",
    ]);
  });
});
