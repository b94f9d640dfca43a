import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { checkContent } from "../src/check/check.ts";
import { MAX_FRONT_MATTER_BYTES, MAX_MARKDOWN_BYTES } from "../src/check/content-limits.ts";
import { type Problem, formatProblem } from "../src/content/problems.ts";
import { MAX_IMAGE_PIXELS } from "../src/media/catalog.ts";
import { makeContent, markdownFile, runCli, snapshot, tempDir } from "./helpers/fixture-site.ts";

/**
 * No content file can make the check or the build run long or large, and fields hold
 * text. Each file here is one a committer to content/ could write; each is refused
 * quickly, naming the file, and a build leaves the previous site as it was.
 */

/** 40 levels, each a list of two aliases of the one before: under 1 kB, 2^40 nodes to walk naively. */
function chainedAliases(levels = 40): string {
  let yaml = 'title: Aliases\ndate: "2024-05-01"\nsummary: A story of aliases.\nl0: &a0 ["x", "y"]\n';
  for (let level = 1; level <= levels; level++) yaml += `l${level}: &a${level} [*a${level - 1}, *a${level - 1}]\n`;
  return `---\n${yaml}---\n\nText.\n`;
}

/** A photo-like PNG, then only its first half: the header says 800 × 600, the pixels stop. */
async function cutShortPng(): Promise<Buffer> {
  const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 30 } } })
    .png()
    .toBuffer();
  return png.subarray(0, Math.floor(png.length / 2));
}

/** One plain colour compresses to a few hundred kilobytes however many pixels it has. */
const plainPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 0, g: 94, b: 184 } } })
    .png()
    .toBuffer();

describe("no content file makes the build run long or large", { timeout: 120_000 }, () => {
  let root: string;
  let content: string;
  let output: string;
  let previous: Map<string, string>;
  before(async () => {
    root = await tempDir("limits-build");
    content = await makeContent(root, { stories: [{ slug: "good", title: "Good", summary: "A good story.", date: "2024-11-01" }] });
    // The site a build would replace: refused content never reaches it, so any site will do.
    output = path.join(root, "_site");
    await mkdir(path.join(output, "news"), { recursive: true });
    await writeFile(path.join(output, "index.html"), "<!doctype html><title>Previous site</title>");
    await writeFile(path.join(output, "news", "index.html"), "<!doctype html><title>Previous news</title>");
    previous = await snapshot(output);
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  const attacks: Array<{ name: string; file: string; contents: () => string | Promise<Buffer>; says: RegExp }> = [
    { name: "a story of chained YAML aliases", file: "news/2024/aliases.md", contents: () => chainedAliases(), says: /YAML alias \(\*a0\)/ },
    { name: "an image cut short", file: "images/cut.png", contents: cutShortPng, says: /damaged or cut short/ },
    {
      name: "an image of more pixels than the limit",
      file: "images/huge.png",
      contents: () => plainPng(10_000, Math.ceil(MAX_IMAGE_PIXELS / 10_000) + 1),
      says: /too large to publish .*megapixels/,
    },
    {
      name: "a story larger than a page may be",
      file: "news/2024/long.md",
      contents: () => markdownFile({ title: "Long", date: "2024-05-01", summary: "A long story." }, "Words and more words.\n".repeat(2_000_000)),
      says: /is \d+ MB, more than the 256 KB a page may be/,
    },
  ];

  // One build with every attack planted: each alone would hang it, take minutes or
  // gigabytes, or pass the check and break the build later; together they take seconds.
  it("refuses each attack file in seconds, naming it, and keeps the previous site", async () => {
    for (const attack of attacks) {
      const file = path.join(content, attack.file);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, await attack.contents());
    }
    const started = performance.now();
    const result = await runCli("build", ["--input", content, "--output", output]);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(result.code, 1, result.stderr);
    for (const attack of attacks) {
      const line = result.stderr.split("\n").find((text) => text.includes(`/${attack.file}`));
      assert.ok(line, `${attack.name}: the file is named:\n${result.stderr}`);
      assert.match(line, attack.says, attack.name);
    }
    assert.ok(seconds < 10, `refused in ${seconds.toFixed(1)} s`);
    assert.match(result.stderr, /Build failed: .* was left as it was\./);
    assert.deepEqual(await snapshot(output), previous);
  });
});

describe("limits and text fields, as the check reports them", () => {
  let root: string;
  let content: string;
  let lines: string[];
  let strictLines: string[];

  before(async () => {
    root = await tempDir("limits");
    const story = (slug: string, data: Record<string, unknown>, body = "Text.") => ({
      [`news/2024/${slug}.md`]: markdownFile({ title: slug, date: "2024-05-01", summary: `The ${slug} story.`, ...data }, body),
    });
    content = await makeContent(root, {
      site: { language: "en_GB" },
      files: {
        ...story("nul", { title: "A title\u0000 with a NUL" }),
        ...story("bell", { tags: ["research\u0007"], image: { src: "/images/p.png", alt: "A\u0085 photo" } }),
        ...story("line-feed", { summary: "Two lines\nof summary, and a\ttab." }),
        ...story("front-matter", { summary: "x".repeat(2 * MAX_FRONT_MATTER_BYTES) }),
        ...story("just-under", {}, "y".repeat(MAX_MARKDOWN_BYTES - 1024)),
        ...story("headings", {}, "## Toggle menu\n\nText.\n\n## Main content\n\nText."),
        "images/p.png": await plainPng(40, 30),
        "images/still.gif": await sharp({ create: { width: 10, height: 10, channels: 3, background: "#005eb8" } })
          .gif()
          .toBuffer(),
        "documents/table.csv": 'name,phone,total\n"Smith, J",+44 1234 567890,=SUM(C1:C9)\nBrown,01234 567890,-12\n"=HYPERLINK(""https://example.com"")",-,@x\n',
        "documents/clean.csv": "name,total\nA,-3.5%\nB,+12\n",
      },
    });
    const result = await checkContent(content, { today: new Date("2026-11-24T12:00:00Z") });
    // Named from the project folder, as an editor who ran the check in it would see them.
    const shown = (problem: Problem) => formatProblem(problem).replace(`${root}${path.sep}`, "");
    lines = result.problems.map(shown);
    const strict = await checkContent(content, { today: new Date("2026-11-24T12:00:00Z"), strict: true });
    strictLines = strict.problems.map(shown);
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  const find = (pattern: RegExp, from = lines) => from.filter((line) => pattern.test(line));

  it("refuses control characters in any front-matter string, naming the field and the character", () => {
    assert.deepEqual(find(/nul\.md/), [
      "content/news/2024/nul.md:2: title: contains an invisible control character (U+0000, at character 8), which is not text: delete it, or type the value again rather than pasting it",
    ]);
    assert.equal(find(/bell\.md:\d+: tags\[0\]: contains an invisible control character \(U\+0007/).length, 1, lines.join("\n"));
    assert.equal(find(/bell\.md:\d+: image\.alt: contains an invisible control character \(U\+0085/).length, 1, lines.join("\n"));
    assert.deepEqual(find(/line-feed\.md/), [], "line feeds and tabs are text");
  });

  it("refuses front matter over its size, and takes a long page under the limit", () => {
    assert.deepEqual(find(/front-matter\.md/), [
      "content/news/2024/front-matter.md:1: front matter: is 64 KB, more than the 32 KB the fields at the top of a page may be: move long text into the body, below the closing --- line",
    ]);
    assert.deepEqual(find(/just-under\.md/), []);
  });

  it("asks for a BCP 47 language tag in site.json", () => {
    assert.deepEqual(find(/site\.json/), [
      'content/_data/site.json: language: must be a language tag such as "en-GB" or "cy" (BCP 47: the language, then "-" and the country if needed)',
    ]);
  });

  it("gives a heading that would take a layout's id another one", async () => {
    const { createMarkdown } = await import("../src/markdown/markdown.ts");
    const html = createMarkdown().render("## Toggle menu\n\n## Main content\n\n## maincontent\n");
    assert.match(html, /<h2 id="toggle-menu-section">/);
    assert.match(html, /<h2 id="maincontent-section">/);
  });

  it("decodes whole images without a word", () => {
    assert.deepEqual(find(/images\//), []);
  });

  it("warns of CSV cells a spreadsheet would run as formulas, naming each cell, and refuses them with --strict", () => {
    const cells = find(/table\.csv/);
    assert.deepEqual(
      cells.map((line) => line.replace(/, which a spreadsheet.*/, "")),
      [
        'warning: content/documents/table.csv:2: row 2, column 2: "+44 1234 567890" starts with "+"',
        'warning: content/documents/table.csv:2: row 2, column 3: "=SUM(C1:C9)" starts with "="',
        'warning: content/documents/table.csv:4: row 4, column 1: "=HYPERLINK(\\"https://example.com\\")" starts with "="',
        'warning: content/documents/table.csv:4: row 4, column 3: "@x" starts with "@"',
      ],
    );
    assert.deepEqual(find(/clean\.csv/), [], "numbers and a lone dash are not formulas");
    assert.equal(find(/table\.csv/, strictLines).length, 4);
    assert.ok(find(/table\.csv/, strictLines).every((line) => !line.startsWith("warning: ")));
  });
});
