import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseFrontMatter } from "../src/check/frontmatter.ts";
import { SCAFFOLD_TYPES, planScaffold, shortSlug } from "../src/cli/scaffold.ts";
import { makeContent, runCli, tempDir } from "./helpers/fixture-site.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";

/** The CLIs as of FIXTURE_DAY: the files `npm run new` makes are dated that day. */
const runAtFixtureDay = (...[script, args, env]: Parameters<typeof runCli>) => runCli(script, args, { RI_BUILD_DATE: FIXTURE_DAY, ...env });

describe("npm run new", () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("new");
    content = await makeContent(root);
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("creates a draft story dated today in London, and prints its path and preview address", async () => {
    const result = await runAtFixtureDay("new", ["news", "Trial results: what we found", "--content", content]);
    assert.equal(result.code, 0, result.stderr);
    const file = path.join(content, "news", "2026", "trial-results-what-we-found.md");
    assert.match(result.stdout, new RegExp(`^Created ${file}\n`));
    assert.match(result.stdout, /open http:\/\/localhost:8080\/news\/2026\/trial-results-what-we-found\/\n/);
    const { data } = parseFrontMatter(await readFile(file, "utf8"));
    assert.deepEqual(data, {
      title: "Trial results: what we found",
      date: "2026-11-24",
      summary: "Replace this with one or two plain sentences that say what this is about.",
      draft: true,
    });
  });

  it("makes files that pass the check as drafts and fail it, with a fix, once published unwritten", async () => {
    assert.equal((await runAtFixtureDay("new", ["service", "Data and statistics", "--content", content])).code, 0);
    assert.equal((await runAtFixtureDay("new", ["page", "Contact us", "--content", content])).code, 0);
    const check = await runAtFixtureDay("check", [content]);
    assert.equal(check.code, 0, check.stderr);
    const service = path.join(content, "services", "data-and-statistics.md");
    const text = await readFile(service, "utf8");
    assert.match(text, /^reviewed: 2026-11-24\nreviewDue: 2027-11-24\n/m);
    await writeFile(service, text.replace("draft: true\n", ""));
    const published = await runAtFixtureDay("check", [content]);
    assert.equal(published.code, 1);
    assert.deepEqual(
      published.stderr
        .trim()
        .split("\n")
        .map((line) => line.replace(`${content}/`, "")),
      [
        "services/data-and-statistics.md:3: summary: still has the text the new file started with: write the summary, or keep the page a draft (draft: true) until it is ready",
        'services/data-and-statistics.md:8: body: still has "Replace this with the text of the page.": write the text, or keep the page a draft (draft: true) until it is ready',
      ],
    );
  });

  it("starts a study as a draft that is setting up, with a place for who can take part and whom to contact", async (t) => {
    // A folder of its own: the test before leaves a published service page unwritten in the shared one.
    const own = await tempDir("new-study");
    const content = await makeContent(own);
    t.after(() => rm(own, { recursive: true, force: true, maxRetries: 10 }));
    const result = await runAtFixtureDay("new", ["study", "Example memory study", "--content", content]);
    assert.equal(result.code, 0, result.stderr);
    const file = path.join(content, "studies", "example-memory-study.md");
    assert.match(result.stdout, /open http:\/\/localhost:8080\/studies\/example-memory-study\/\n/);
    const text = await readFile(file, "utf8");
    assert.deepEqual(parseFrontMatter(text).data, {
      title: "Example memory study",
      summary: "Replace this with one or two plain sentences that say what this is about.",
      status: "setting-up",
      studyType: "other",
      whoCanTakePart: ["Replace this with who can take part, one plain point a line."],
      contact: { email: "replace.this@example.nhs.uk" },
      reviewed: "2026-11-24",
      draft: true,
    });
    assert.equal((await runAtFixtureDay("check", [content])).code, 0);
    await writeFile(file, text.replace("draft: true\n", ""));
    const published = await runAtFixtureDay("check", [content]);
    assert.equal(published.code, 1);
    const lines = published.stderr
      .trim()
      .split("\n")
      .map((line) => line.replace(`${content}/`, ""));
    assert.deepEqual(
      lines.map((line) => line.replace(/^(\S+?):\d+:/, "$1:")),
      [
        "studies/example-memory-study.md: summary: still has the text the new file started with: write the summary, or keep the page a draft (draft: true) until it is ready",
        "studies/example-memory-study.md: whoCanTakePart[0]: still has the text the new file started with: write who can take part, or keep the study a draft (draft: true) until it is ready",
        "studies/example-memory-study.md: contact.email: still has the address the new file started with: write the study team's email address, or keep the study a draft (draft: true) until it is ready",
        'studies/example-memory-study.md: body: still has "Replace this with the text of the page.": write the text, or keep the page a draft (draft: true) until it is ready',
      ],
    );
  });

  it("refuses a file that exists, and says how to choose another address", async () => {
    const result = await runAtFixtureDay("new", ["news", "Trial results: what we found", "--content", content]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Nothing was created: .*news\/2026\/trial-results-what-we-found\.md already exists: .*--slug trial-results-what-we-found-2\n/);
    const again = await runAtFixtureDay("new", ["news", "Trial results: what we found", "--slug", "trial-results-2", "--content", content]);
    assert.equal(again.code, 0, again.stderr);
  });

  it("refuses an unknown kind of content, a reserved address and a title the schema rejects", async () => {
    // Every type with a scaffold, in the type list's order: news, event, service, page, study, ...
    const kinds = `${SCAFFOLD_TYPES.slice(0, -1).join(", ")} or ${SCAFFOLD_TYPES.at(-1)}`;
    assert.ok(["news", "event", "service", "page", "study"].every((type) => SCAFFOLD_TYPES.includes(type)));
    assert.ok((await runAtFixtureDay("new", ["blog", "Hello", "--content", content])).stderr.includes(`"blog" is not a kind of content: use ${kinds}.`));
    assert.match(
      (await runAtFixtureDay("new", ["page", "Search", "--content", content])).stderr,
      /the address \/search\/ is the search page: give another with --slug/,
    );
    assert.match((await runAtFixtureDay("new", ["page", "???", "--content", content])).stderr, /cannot make an address from the title "\?\?\?"/);
  });
});

describe("planScaffold", () => {
  it("keeps slugs of long titles short, cut at a word", () => {
    const title = "A very long title about a new national study of research into care in the community for older people";
    const slug = shortSlug(title);
    assert.ok(slug.length <= 60, slug);
    assert.ok(title.toLowerCase().replaceAll(" ", "-").startsWith(slug), slug);
  });

  it("gives a title in any language a usable address", () => {
    const address = (title: string) => {
      const planned = planScaffold({ type: "news", title, today: "2026-11-24" });
      return planned.ok ? planned.file.url : planned.problem;
    };
    assert.equal(address("Straße to Łódź"), "/news/2026/strasse-to-lodz/");
    assert.equal(address("Ymchwil ac Arloesi: Gŵyl yr Haf"), "/news/2026/ymchwil-ac-arloesi-gwyl-yr-haf/");
    assert.equal(address("Νέα μελέτη για τον διαβήτη"), "/news/2026/nea-meleti-gia-ton-diaviti/");
  });

  it("rejects a title over the schema's limit", () => {
    const planned = planScaffold({ type: "news", title: "x".repeat(151), today: "2026-11-24", slug: "long" });
    assert.deepEqual(planned, { ok: false, problem: "title: is 151 characters long; keep it to 150 or fewer" });
  });

  it("sets a leap-day service's review for 28 February next year", () => {
    const planned = planScaffold({ type: "service", title: "Leap", today: "2028-02-29" });
    assert.ok(planned.ok && planned.file.text.includes("reviewDue: 2029-02-28\n"));
  });

  it("starts a draft event in this year's folder, starting today until the editor writes its day", () => {
    const planned = planScaffold({ type: "event", title: "Summer talk", today: "2026-11-24" });
    assert.ok(planned.ok);
    assert.equal(planned.file.relativePath, "events/2026/summer-talk.md");
    assert.equal(planned.file.url, "/events/2026/summer-talk/");
    assert.match(planned.file.text, /^start: 2026-11-24\ndraft: true\n/m);
  });
});
