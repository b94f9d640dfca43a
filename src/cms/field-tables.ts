import { z } from "zod";
import { type FieldMeta, fieldMeta } from "../content/schema/fields.ts";
import { IMAGES_FOLDER, IMAGES_URL } from "../content/site-urls.ts";
import { CONTENT_TYPES } from "../content/types.ts";
import type { ContentTypeDefinition } from "../content/definition.ts";
import { CMS_OMITTED, type CmsField, cmsFields } from "./config.ts";

/**
 * The field tables of EDITING.md, made from each type's zod schema (its JSON Schema, with the
 * field kinds, limits, choices and patterns that src/content/schema/fields.ts records beside
 * it) and the content editor's labels and hints (the same fields the CMS form is made from).
 * A field's rule is written once, in its schema; `npm run docs` writes the words, and
 * tests/docs.test.ts fails when EDITING.md holds other words.
 *
 * Each table sits between `<!-- fields:<type>:start -->` and `<!-- fields:<type>:end -->`.
 * A type with no table yet gets one, under a heading of its name, after the last table.
 */

/** A node of the JSON Schema zod writes, with the field metadata merged into it. */
type Node = Partial<FieldMeta> & {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
};

const code = (value: string) => `\`${value}\``;
/** A table cell holds one line, and a `|` would end it. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");

/** What a field accepts, in words, from the kind of value it holds and the schema's limits. */
function accepts(node: Node, path: string): string {
  switch (node.kind) {
    case "date":
      return `a date, ${code("YYYY-MM-DD")}`;
    case "london-time":
      return `a day, ${code("YYYY-MM-DD")}, or a day and UK time, ${code("YYYY-MM-DDTHH:MM")}`;
    case "web-address":
      return `a web address starting ${code("https://")}`;
    case "topics":
      return `a list of topics from ${code("content/_data/topics.json")}, one a line starting ${code("- ")}`;
    case "image-file":
      return `a picture in ${code(`content/${IMAGES_FOLDER}/`)}, written ${code(`${IMAGES_URL}<name>`)}`;
    default:
      // Text, numbers, flags, choices, lists and groups, and any kind added later, by what the JSON Schema says.
      return byType(node, path);
  }
}

function byType(node: Node, path: string): string {
  // The form's own message for a pattern ("Write 6 or 7 digits, such as 1234567."), as a description.
  if (node.pattern) return node.pattern[1].replace(/^Write /, "").replace(/\.$/, "");
  if (node.enum) {
    const options = node.options ?? node.enum.map((value) => [String(value), String(value)] as const);
    return `one of ${options.map(([value, label]) => (label === value ? code(value) : `${code(value)} (${label})`)).join(", ")}`;
  }
  switch (node.type) {
    case "string":
      return node.maxLength === undefined ? "text" : `text, at most ${node.maxLength} characters`;
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return `${code("true")} or ${code("false")}`;
    case "array":
      return `a list, one entry a line starting ${code("- ")}`;
    case "object": {
      const names = Object.keys(node.properties ?? {}).map(code);
      return `a group of fields (${names.join(", ")}), each on its own line under ${code(`${path.split(".").at(-1) ?? path}:`)}, indented with two spaces`;
    }
    default:
      return "any value";
  }
}

interface Row {
  path: string;
  required: string;
  accepts: string;
  form: string;
  hint: string;
}

function rows(node: Node, form: CmsField[], prefix = "", within?: string): Row[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, field]) => {
    const path = prefix + name;
    const required = (node.required ?? []).includes(name);
    const formField = form.find((candidate) => candidate.name === name);
    const row: Row = {
      path,
      required: !required ? "optional" : within ? `required when ${code(within)} is given` : "required",
      accepts: accepts(field, path),
      form: formField ? `**${formField.label}**` : `not in the form: ${CMS_OMITTED[path] ?? "edit the file"}`,
      hint: formField?.hint ?? "",
    };
    return field.type === "object" ? [row, ...rows(field, formField?.fields ?? [], `${path}.`, path)] : [row];
  });
}

/** Where a type's files go, and the address each gets. */
function location(definition: ContentTypeDefinition): string {
  if ("file" in definition.source) return `The file ${code(`content/${definition.source.file}`)}, published at ${code(definition.url(""))}.`;
  const { folder, years } = definition.source;
  const file = `content/${folder}/${years ? "<year>/" : ""}<slug>.md`;
  return `Files ${code(file)}, each published at ${code(definition.url("<slug>", "<year>"))}.`;
}

/** The markdown table of one content type's front-matter fields. */
export function fieldTable(definition: ContentTypeDefinition): string {
  const schema = z.toJSONSchema(definition.schema, { metadata: fieldMeta, unrepresentable: "any" }) as Node;
  const form = cmsFields(definition.schema, []);
  const lines = [
    location(definition),
    "",
    "| field | needed? | what it accepts | in the content editor | the form's hint |",
    "|---|---|---|---|---|",
    ...rows(schema, form).map((row) => `| ${code(row.path)} | ${row.required} | ${cell(row.accepts)} | ${cell(row.form)} | ${cell(row.hint)} |`),
  ];
  return lines.join("\n");
}

const marker = (type: string, end: "start" | "end") => `<!-- fields:${type}:${end} -->`;
const MARKER = /<!-- fields:([a-z0-9-]+):(start|end) -->/g;

/** What its heading calls a type that has no table yet: its CMS collection's label. */
const headingOf = (definition: ContentTypeDefinition) => `Fields: ${definition.cms.label}`;

/**
 * The guide with every type's table written between its markers, and a new section for a type
 * that has none yet. Markers for a type that does not exist, or out of order, are errors.
 */
export function withFieldTables(guide: string, definitions: readonly ContentTypeDefinition[] = CONTENT_TYPES): string {
  const known = new Set(definitions.map((definition) => definition.name));
  const open: string[] = [];
  for (const [, type = "", end] of guide.matchAll(MARKER)) {
    if (!known.has(type)) throw new Error(`EDITING.md has a field table for "${type}", which is not a content type: remove its markers`);
    if (end === "start") open.push(type);
    else if (open.pop() !== type) throw new Error(`EDITING.md: ${marker(type, "end")} has no ${marker(type, "start")} before it`);
  }
  if (open.length) throw new Error(`EDITING.md: ${marker(open[0] ?? "", "start")} has no ${marker(open[0] ?? "", "end")} after it`);

  let text = guide;
  for (const definition of definitions) {
    const start = marker(definition.name, "start");
    const end = marker(definition.name, "end");
    const block = `${start}\n\n${fieldTable(definition)}\n\n${end}`;
    const from = text.indexOf(start);
    if (from >= 0) {
      text = text.slice(0, from) + block + text.slice(text.indexOf(end, from) + end.length);
      continue;
    }
    const ends = [...text.matchAll(MARKER)].filter((match) => match[2] === "end");
    const last = ends.at(-1);
    if (!last) throw new Error("EDITING.md has no field tables: add <!-- fields:<type>:start --> and <!-- fields:<type>:end --> where one goes");
    const at = (last.index ?? 0) + last[0].length;
    text = `${text.slice(0, at)}\n\n### ${headingOf(definition)}\n\n${block}${text.slice(at)}`;
  }
  return text;
}
