import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { z } from "zod";
import { headings, writtenGuide } from "../src/cms/editors-guide.ts";
import { fieldTable, withFieldTables } from "../src/cms/field-tables.ts";
import { type ContentTypeDefinition, defineContentType } from "../src/content/definition.ts";
import { calendarDate, flag, labelled, list, text, wholeNumber, withMeta } from "../src/content/schema/fields.ts";
import { CONTENT_TYPES } from "../src/content/types.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFINITIONS = CONTENT_TYPES as unknown as ContentTypeDefinition[];

/** A type the site does not have, made as any new definition would be: the generator must need nothing more. */
const report = defineContentType({
  name: "report",
  plural: "reports",
  source: { folder: "reports" },
  url: (slug) => `/reports/${slug}/`,
  schema: z.strictObject({
    title: text("title", 200),
    published: calendarDate("published"),
    pages: labelled(wholeNumber("pages"), "Pages", "How many pages it has.").optional(),
    kind: labelled(
      withMeta(z.enum(["annual", "audit"]), {
        kind: "choice",
        options: [
          ["annual", "Annual report"],
          ["audit", "Audit"],
        ],
      }),
      "Kind",
    ),
    authors: list("authors"),
    draft: flag("draft").optional(),
  }),
  layout: "page.tsx",
  lastmod: () => undefined,
  cms: { name: "reports", label: "Reports", singular: "Report", folder: "content/reports", preview: "reports/{{slug}}/", sortableFields: ["title"] },
});

describe("EDITING.md, as npm run docs writes it", () => {
  it("holds the field tables the schemas make and its own contents", async () => {
    const guide = await readFile(path.join(ROOT, "EDITING.md"), "utf8");
    assert.ok(
      guide === writtenGuide(guide),
      "EDITING.md's field tables or contents differ from what the schemas and its headings make: run `npm run docs` and commit EDITING.md",
    );
  });

  it("has a field table for every content type", async () => {
    const guide = await readFile(path.join(ROOT, "EDITING.md"), "utf8");
    for (const definition of DEFINITIONS) {
      assert.ok(guide.includes(`<!-- fields:${definition.name}:start -->`), `EDITING.md has no field table for ${definition.name}: run npm run docs`);
    }
  });

  it("gives a type added later its own table, after the last one, from its schema alone", () => {
    const guide = "# Guide\n\n<!-- fields:news:start -->\nold words\n<!-- fields:news:end -->\n\n## Next section\n";
    const written = withFieldTables(guide, [DEFINITIONS[0] as ContentTypeDefinition, report]);
    assert.ok(!written.includes("old words"), "the old table is replaced");
    const newsEnd = written.indexOf("<!-- fields:news:end -->");
    const reportStart = written.indexOf("### Fields: Reports\n\n<!-- fields:report:start -->");
    assert.ok(newsEnd > 0 && reportStart > newsEnd && reportStart < written.indexOf("## Next section"), written);
    const table = fieldTable(report);
    assert.match(table, /^Files `content\/reports\/<slug>\.md`, each published at `\/reports\/<slug>\/`\./);
    assert.match(table, /\| `title` \| required \| text, at most 200 characters \| \*\*Title\*\* \|/);
    assert.match(table, /\| `published` \| required \| a date, `YYYY-MM-DD` \|/);
    assert.match(table, /\| `pages` \| optional \| a whole number \| \*\*Pages\*\* \| How many pages it has\. \|/);
    assert.match(table, /\| `kind` \| required \| one of `annual` \(Annual report\), `audit` \(Audit\) \| \*\*Kind\*\* \|/);
    assert.match(table, /\| `authors` \| required \| a list, one entry a line starting `- ` \|/);
    assert.equal(
      withFieldTables(written, [DEFINITIONS[0] as ContentTypeDefinition, report as unknown as ContentTypeDefinition]),
      written,
      "writing twice changes nothing",
    );
  });

  it("says which rows of a group are required only with the group, and which fields the form leaves out", () => {
    const table = fieldTable(DEFINITIONS.find((definition) => definition.name === "news") as ContentTypeDefinition);
    assert.match(table, /\| `image` \| optional \|/);
    assert.match(table, /\| `image\.alt` \| required when `image` is given \|/);
    assert.match(table, /\| `image\.decorative` \| optional \| `true` or `false` \| not in the form: /);
  });

  it("refuses markers for a type that does not exist, and unclosed markers", () => {
    assert.throws(() => withFieldTables("<!-- fields:nothing:start -->\n<!-- fields:nothing:end -->\n", DEFINITIONS), /"nothing", which is not a content type/);
    assert.throws(() => withFieldTables("<!-- fields:news:start -->\n", DEFINITIONS), /has no <!-- fields:news:end -->/);
  });

  it("names heading anchors as GitHub does", () => {
    assert.deepEqual(
      headings("## The study's fields\n\n## What `npm run check` says\n\n```\n## not a heading\n```\n\n## Events\n\n### Events\n").map(
        (heading) => heading.anchor,
      ),
      ["the-studys-fields", "what-npm-run-check-says", "events", "events-1"],
    );
  });
});
