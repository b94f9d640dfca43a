import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildFixture, runCli, snapshot } from "./helpers/fixture-site.ts";

const BROKEN = {
  "news/2024/missing-title.md": "---\ndate: 2024-12-12\nsummary: No title here.\n---\nBody.\n",
  "news/2024/impossible-date.md": "---\ntitle: Leap day\ndate: 2024-02-30\nsummary: Not a day.\n---\nBody.\n",
  "news/2024/unknown-key.md": "---\ntitle: Unknown key\ndate: 2024-12-01\nsummary: S.\nauthour: Someone\n---\nBody.\n",
  "news/2024/bad-yaml.md": "---\ntitle: Research: the next step\ndate: 2024-12-01\nsummary: S.\n---\nBody.\n",
};

const EXPECTED = [
  'news/2024/bad-yaml.md:2: front matter: could not be read (bad indentation of a mapping entry). If a value contains a colon or starts with a quote or #, put the whole value in double quotes, such as title: "Research: the next step"',
  'news/2024/impossible-date.md:3: date: "2024-02-30" is not a real date (use YYYY-MM-DD)',
  'news/2024/missing-title.md:4: title: is required (add a line "title: ..." to the front matter)',
  "news/2024/unknown-key.md:5: authour: unknown field: remove it, or use one of title, date, summary, tags, updated, draft, image",
];

describe("broken content", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  let before_: Map<string, string>;
  before(async () => {
    site = await buildFixture({ stories: [{ slug: "good", title: "Good", summary: "S.", date: "2024-11-01" }] });
    before_ = await snapshot(site.output);
    for (const [file, text] of Object.entries(BROKEN)) await writeFile(path.join(site.content, file), text);
  });
  after(() => site.cleanup());

  const problemLines = (stderr: string) =>
    stderr
      .split("\n")
      .filter((line) => line.includes(".md"))
      .map((line) => line.slice(line.indexOf("news/")));

  it("fails the check with one line per problem, naming file and field", async () => {
    const result = await runCli("check", [site.content]);
    assert.equal(result.code, 1);
    assert.deepEqual(problemLines(result.stderr), EXPECTED);
    for (const line of result.stderr.trim().split("\n")) assert.ok(line.startsWith(site.content), line);
    assert.match(result.stdout, /4 problems found/);
  });

  it("fails the build with the same lines and leaves the previous site byte for byte", async () => {
    const result = await runCli("build", ["--input", site.content, "--output", site.output]);
    assert.equal(result.code, 1);
    const check = await runCli("check", [site.content]);
    assert.deepEqual(problemLines(result.stderr), problemLines(check.stderr));
    assert.match(result.stderr, /Build failed: .* was left as it was\./);
    assert.deepEqual(await snapshot(site.output), before_);
  });
});
