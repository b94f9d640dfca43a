import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { checkContent } from "../src/check/check.ts";
import { formatProblem } from "../src/content/problems.ts";
import { makeContent, tempDir } from "./helpers/fixture-site.ts";

/**
 * The mistakes a communications officer makes in a first week, each answered with one
 * line that names the line of the file and says what to type.
 */
describe("the check's messages, as an editor reads them", () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("messages");
    content = await makeContent(root);
    await mkdir(path.join(content, "news", "2024"), { recursive: true });
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  /** Checks the content with one story written as given; returns that story's lines, without the folder. */
  async function linesFor(text: string, name = "story.md"): Promise<string[]> {
    const file = path.join(content, "news", "2024", name);
    await writeFile(file, text);
    try {
      const result = await checkContent(content, { today: new Date("2026-11-24T12:00:00Z") });
      return result.problems.filter((problem) => problem.file.endsWith(name)).map((problem) => formatProblem(problem).replace(`${content}/`, ""));
    } finally {
      await rm(file);
    }
  }

  const GOOD = ["---", 'title: "New trial opens"', "date: 2024-06-01", 'summary: "A plain sentence about the trial."'];
  const story = (...front: string[]) => [...front, "---", "", "The story.", ""].join("\n");

  it("says the closing --- is missing, in one line, rather than a YAML error in the body", async () => {
    const lines = await linesFor([...GOOD, "", "The story: it starts here.", "- and a list", ""].join("\n"));
    assert.deepEqual(lines, [
      'news/2024/story.md:1: front matter: has no closing "---" line: add a line with only --- after the last field (such as the summary), before the text of the page',
    ]);
    // Also when the body happens to read as YAML, which would otherwise fold it into the summary.
    assert.equal((await linesFor([...GOOD, "", "The story.", ""].join("\n"))).length, 1);
  });

  it("names the TAB in a list and says to indent with spaces, not to quote a colon", async () => {
    const lines = await linesFor(story(...GOOD, "tags:", "\t- events"));
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /^news\/2024\/story\.md:6: front matter: this line is indented with a TAB, .*indent it with spaces/);
    assert.doesNotMatch(lines[0] ?? "", /colon/);
  });

  it("explains a value lost to an unquoted #, on its line, with the value quoted", async () => {
    const lines = await linesFor(story("---", 'title: "Top of the table"', "date: 2024-06-01", "summary: #1 in the region for research"));
    assert.deepEqual(lines, [
      'news/2024/story.md:4: summary: starts with #, which front matter reads as a note to ignore, so the value is lost: put the whole value in double quotes, such as summary: "#1 in the region for research"',
    ]);
  });

  it("warns about curly quotes pasted around a whole value, with the fix, and still passes", async () => {
    const lines = await linesFor(story("---", "title: “New trial opens”", "date: 2024-06-01", 'summary: "A plain sentence."'));
    assert.deepEqual(lines, [
      'warning: news/2024/story.md:2: title: is inside curly quotes (“…”), which would be published as part of the text: use straight double quotes, such as title: "New trial opens"',
    ]);
    // Curly quotes inside a value are good typography, not a mistake.
    assert.deepEqual(await linesFor(story("---", "title: The “best” trial", "date: 2024-06-01", 'summary: "A plain sentence."')), []);
  });

  it("says an empty file is empty, in one line", async () => {
    const lines = await linesFor("");
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /^news\/2024\/story\.md: is empty: start the file with a line "---", then the fields/);
  });

  it("says a file without front matter has none, in one line", async () => {
    const lines = await linesFor("New trial opens\n\nThe story, without any fields.\n");
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /^news\/2024\/story\.md:1: front matter: is missing: start the file with a line "---"/);
  });

  it("suggests a topic only when it is near what was written", async () => {
    const far = await linesFor(story(...GOOD, "tags:", "  - dementia"));
    assert.deepEqual(far, [
      'news/2024/story.md:6: tags[0]: "dementia" is not a topic in content/_data/topics.json; add it there first or pick an existing topic',
    ]);
    const near = await linesFor(story(...GOOD, "tags:", "  - event"));
    assert.match(near[0] ?? "", /:6: tags\[0\]: "event" is not a topic .*\(did you mean "events"\?\)/);
  });

  it("gives every front-matter problem the line it is about; a missing field, the closing ---", async () => {
    const lines = await linesFor(
      story(
        "---",
        "title: " + "x".repeat(151),
        "date: 2024-02-30",
        "summary: ",
        "tags: events",
        "updated: 2024-01-01",
        "draft: yes please",
        "authour: Someone",
        "image:",
        "  src: /images/none.png",
        '  alt: ""',
      ),
    );
    const expected = [
      [2, "title"],
      [3, "date"],
      [4, "summary"],
      [5, "tags"],
      [7, "draft"],
      [8, "authour"],
      [11, "image.alt"],
    ] as const;
    for (const [line, field] of expected) {
      assert.ok(
        lines.some((l) => l.startsWith(`news/2024/story.md:${line}: ${field}: `)),
        `${field} on line ${line}:\n${lines.join("\n")}`,
      );
    }
    for (const line of lines) assert.match(line, /^news\/2024\/story\.md:\d+: /);
    const missing = await linesFor(story("---", "date: 2024-06-01", 'summary: "A plain sentence."'));
    assert.deepEqual(missing, ['news/2024/story.md:4: title: is required (add a line "title: ..." to the front matter)']);
  });
});

describe("a broken topics.json", () => {
  let root: string;
  let content: string;
  before(async () => {
    root = await tempDir("topics");
    content = await makeContent(root);
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  async function topicsLines(text: string): Promise<string[]> {
    await writeFile(path.join(content, "_data", "topics.json"), text);
    const result = await checkContent(content);
    return result.problems.filter((problem) => problem.file.endsWith("topics.json")).map((problem) => formatProblem(problem).replace(`${content}/`, ""));
  }

  it("names the line of a missing comma", async () => {
    const lines = await topicsLines(
      [
        "[",
        '  { "slug": "events", "name": "Events", "description": "Events." }',
        '  { "slug": "dementia", "name": "Dementia", "description": "Dementia." }',
        "]",
      ].join("\n"),
    );
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /^_data\/topics\.json:3: is not valid JSON here .*missing comma at the end of the line before/);
    assert.doesNotMatch(lines[0] ?? "", /position/);
  });

  it("names the line of a comma after the last entry", async () => {
    const lines = await topicsLines(["[", '  { "slug": "events", "name": "Events", "description": "Events." },', "]"].join("\n"));
    assert.deepEqual(lines, ["_data/topics.json:2: is not valid JSON: remove the comma at the end of this line, since nothing follows it in the list"]);
  });

  it("says a file that stops short is missing its end", async () => {
    const lines = await topicsLines(["[", '  { "slug": "events", "name": "Events", "description": "Events." }'].join("\n"));
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /^_data\/topics\.json:\d+: is not valid JSON: it ends too soon/);
  });
});
