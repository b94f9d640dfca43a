import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { checkContent } from "../src/check/check.ts";
import { TINY_PNG, exists, makeContent, markdownFile, readPage, runCli, tempDir } from "./helpers/fixture-site.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";

const STORIES = [
  { slug: "published", title: "Published", date: "2026-11-01", summary: "Out already." },
  { slug: "a-draft", title: "A draft", date: "2026-11-02", summary: "Not ready.", draft: true },
  { slug: "coming-soon", title: "Coming soon", date: "2026-12-12", summary: "Held until December." },
  { slug: "draft-and-later", title: "Draft and later", date: "2027-01-05", summary: "Both.", draft: true },
];
const FILES = {
  "services/new-service.md": markdownFile({ title: "New service", summary: "Soon.", reviewed: "2026-11-01", draft: true }, "Text."),
  "images/chart.png": TINY_PNG,
};

const banner = (doc: Document) => doc.querySelector(".ri-preview-banner");
const bannerHeading = (doc: Document) => banner(doc)?.querySelector(".nhsuk-card__heading")?.textContent?.replace(/\s+/g, " ").trim();

describe("the editors' preview", () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("preview");
    content = await makeContent(root, { stories: STORIES, files: FILES });
    for (const [output, args] of [
      ["preview", ["--preview"]],
      ["live", []],
    ] as const) {
      const result = await runCli("build", ["--input", content, "--output", path.join(root, output), ...args], { RI_BUILD_DATE: FIXTURE_DAY });
      assert.equal(result.code, 0, result.stderr);
      if (output === "live") {
        for (const file of ["a-draft.md: draft", "coming-soon.md: embargoed until 2026-12-12", "draft-and-later.md: draft", "new-service.md: draft"]) {
          assert.match(result.stdout, new RegExp(`${file.replace(".", "\\.")}, left out of this build`));
        }
      }
    }
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("shows drafts with a Draft banner", async () => {
    const doc = await readPage(path.join(root, "preview"), "/news/2026/a-draft/");
    assert.equal(bannerHeading(doc), "Preview: Draft");
    assert.match(banner(doc)?.textContent ?? "", /To publish it, delete the line draft: true\./);
    assert.equal(bannerHeading(await readPage(path.join(root, "preview"), "/services/new-service/")), "Preview: Draft");
  });

  it("shows embargoed stories with the day they are published", async () => {
    const doc = await readPage(path.join(root, "preview"), "/news/2026/coming-soon/");
    assert.equal(bannerHeading(doc), "Preview: Embargoed until 12th December 2026");
    assert.equal(banner(doc)?.querySelector("time")?.getAttribute("datetime"), "2026-12-12");
    const both = await readPage(path.join(root, "preview"), "/news/2027/draft-and-later/");
    assert.equal(bannerHeading(both), "Preview: Draft");
    assert.match(banner(both)?.textContent ?? "", /stays off the live site until 5th January 2027/);
  });

  it("shows no banner on a published story, even in preview", async () => {
    assert.equal(banner(await readPage(path.join(root, "preview"), "/news/2026/published/")), null);
  });

  it("leaves every held-back page out of the production build, and no banner anywhere", async () => {
    const live = path.join(root, "live");
    for (const url of ["news/2026/a-draft", "news/2026/coming-soon", "news/2027/draft-and-later", "services/new-service"]) {
      assert.equal(await exists(path.join(live, url, "index.html")), false, url);
    }
    assert.equal(banner(await readPage(live, "/news/2026/published/")), null);
    const services = await readPage(live, "/services/");
    assert.doesNotMatch(services.querySelector("main")?.textContent ?? "", /New service/);
  });

  it("publishes editors' images at /images/", async () => {
    assert.deepEqual(await readFile(path.join(root, "live", "images", "chart.png")), TINY_PNG);
  });
});

describe("the embargo line", () => {
  it("is midnight in London, whatever the machine's time zone", async () => {
    const root = await tempDir("embargo");
    try {
      const content = await makeContent(root, { stories: [{ slug: "july", title: "July", date: "2026-07-01", summary: "S." }] });
      // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time): the story is out.
      const after = await checkContent(content, { today: new Date("2026-06-30T23:30:00Z") });
      assert.equal(after.files.find((file) => file.location.slug === "july")?.heldBack, undefined);
      const before = await checkContent(content, { today: new Date("2026-06-30T22:30:00Z") });
      assert.equal(before.files.find((file) => file.location.slug === "july")?.heldBack, "embargo");
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});
