import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { makeContent, markdownFile, runCli, snapshot, storiesByDay, tempDir } from "./helpers/fixture-site.ts";
import { generateContent } from "./helpers/generated-content.ts";
import { STUDIES, studySiteFiles } from "./helpers/study-fixtures.ts";
import { FIXTURE_DAY, addDays } from "./helpers/test-day.ts";

/**
 * A site with every page type whose pages are the same on both build days: stories,
 * a service, a page, a past event (with its calendar file) and the studies whose status
 * no day changes. The real content cannot serve: an editor's story dated between the two
 * days would rightly be published on one and not the other.
 */
async function sameOnBothDays(root: string): Promise<string> {
  const studies = Object.fromEntries(Object.entries(STUDIES).filter(([, study]) => !study.recruitmentEnds));
  return makeContent(root, {
    stories: storiesByDay(12).map((story, index) => (index % 4 === 0 ? { ...story, tags: ["mental-health"] } : story)),
    files: {
      ...studySiteFiles(studies),
      "pages/accessibility-statement.md": markdownFile({ title: "Accessibility statement", summary: "How accessible the site is." }, "Text."),
      "events/2024/a-past-talk.md": markdownFile(
        {
          title: "A past talk",
          summary: "A talk that has happened.",
          start: "2024-05-01T18:00",
          end: "2024-05-01T19:30",
          location: "A hall",
          tags: ["mental-health"],
        },
        "What was said.",
      ),
    },
  });
}

/**
 * Two builds of the same content are byte-identical: nothing records when, where or in
 * which time zone a build ran, so a deploy changes exactly the files whose content did.
 */
describe("deterministic builds", () => {
  let root: string;
  before(async () => {
    root = await tempDir("twice");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("write the same bytes on another day, in another time zone, into another folder", async () => {
    const content = await sameOnBothDays(path.join(root, "same"));
    const first = await runCli("build", ["--input", content, "--output", path.join(root, "first")], { RI_BUILD_DATE: FIXTURE_DAY, TZ: "UTC" });
    assert.equal(first.code, 0, first.stderr);
    const second = await runCli("build", ["--input", content, "--output", path.join(root, "second", "_site")], {
      RI_BUILD_DATE: addDays(FIXTURE_DAY, 218),
      TZ: "Pacific/Kiritimati",
    });
    assert.equal(second.code, 0, second.stderr);
    const a = await snapshot(path.join(root, "first"));
    const b = await snapshot(path.join(root, "second", "_site"));
    assert.ok(a.size > 20, "the build wrote the site");
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [file, bytes] of a) assert.equal(b.get(file), bytes, `${file} differs between the two builds`);
  });

  it("index hundreds of pages the same way each time, whatever order Pagefind's threads finish in", async () => {
    const content = await generateContent(path.join(root, "many"), 600);
    const builds = ["one", "two"].map((name) => path.join(root, "many", name));
    for (const output of builds) {
      const run = await runCli("build", ["--input", content, "--output", output], { RI_BUILD_DATE: FIXTURE_DAY });
      assert.equal(run.code, 0, run.stderr);
    }
    const [a, b] = await Promise.all(builds.map((output) => snapshot(path.join(output, "pagefind"))));
    assert.ok(a && b && a.size > 600, "every story has a search record");
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [file, bytes] of a) assert.equal(b.get(file), bytes, `pagefind/${file} differs between the two builds`);
  });
});
