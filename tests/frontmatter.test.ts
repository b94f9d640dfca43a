import assert from "node:assert/strict";
import { describe, it } from "node:test";
import matter from "gray-matter";
import { frontMatterOptions, parseFrontMatter } from "../src/check/frontmatter.ts";

describe("parseFrontMatter", () => {
  it("reads data and body exactly as gray-matter does on the whole file", () => {
    const cases = [
      "---\ntitle: A\ndate: 2024-12-12\n---\nBody\nmore\n",
      "---\ntitle: A\n---\n\nBody",
      "no front matter\n",
      "---\ntitle: A\n---",
      "---\ntitle: A\n---\r\nBody",
      "---\n---\nX",
      "---\na: 1\n----\nb\n---\nY",
      '---\ntitle: "Research: next"\ntags:\n  - events\n---\n## Heading\n\n---\n\nA rule above.\n',
    ];
    for (const source of cases) {
      const whole = matter(source, { ...frontMatterOptions });
      const ours = parseFrontMatter(source);
      assert.deepEqual(ours.data, whole.data, source);
      assert.equal(ours.body, whole.content, source);
    }
  });

  it("keeps dates as text, so an impossible date can be reported", () => {
    assert.deepEqual(parseFrontMatter("---\ndate: 2024-02-30\n---\n").data, { date: "2024-02-30" });
  });

  it("counts the lines before the body, for body line numbers", () => {
    assert.equal(parseFrontMatter("---\ntitle: A\nsummary: B\n---\nBody").bodyLineOffset, 4);
  });
});
