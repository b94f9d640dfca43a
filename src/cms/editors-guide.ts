import MarkdownIt from "markdown-it";
import { withFieldTables } from "./field-tables.ts";

/**
 * EDITING.md's table of contents, written from its own headings by `npm run docs`, so a
 * section added to the guide (or a new type's field table) is listed without anyone
 * remembering to. The anchors are GitHub's, where editors read the guide.
 */

const markdown = new MarkdownIt();

export interface Heading {
  level: number;
  text: string;
  /** The fragment GitHub gives the heading: `#the-fields`. */
  anchor: string;
}

/**
 * GitHub's heading anchors: the text lower-cased, anything but letters, digits, spaces,
 * hyphens and underscores dropped, spaces turned to hyphens, and `-1`, `-2` added to repeats.
 */
export function headings(source: string): Heading[] {
  const tokens = markdown.parse(source, {});
  const seen = new Map<string, number>();
  const found: Heading[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const inline = tokens[index + 1];
    const text = (inline?.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("");
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.push({ level: Number(token.tag.slice(1)), text, anchor: count ? `${base}-${count}` : base });
  });
  return found;
}

const START = "<!-- contents:start -->";
const END = "<!-- contents:end -->";

/** The guide with its contents (every `##` section and the `###` parts inside it) written between the contents markers. */
export function withContents(guide: string): string {
  const from = guide.indexOf(START);
  const to = guide.indexOf(END);
  if (from < 0 || to < from) throw new Error(`EDITING.md has no ${START} ... ${END} for its contents`);
  const list = headings(guide)
    .filter((heading) => heading.level === 2 || heading.level === 3)
    .map((heading) => `${heading.level === 3 ? "  " : ""}- [${heading.text.replace(/[[\]]/g, "\\$&")}](#${heading.anchor})`);
  return `${guide.slice(0, from)}${START}\n\n**Contents**\n\n${list.join("\n")}\n\n${guide.slice(to)}`;
}

/** EDITING.md as `npm run docs` writes it: the field tables from the schemas, then the contents. */
export const writtenGuide = (guide: string): string => withContents(withFieldTables(guide));
