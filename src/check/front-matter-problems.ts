import { readFileSync } from "node:fs";
import type { Problem } from "../content/problems.ts";
import { forEachString } from "./text-fields.ts";

/**
 * Problems with the front matter as the editor wrote it, in the words an editor needs:
 * which line, and what to type. The parsed data cannot say these things (a `#` has
 * already cut a value short, a missing `---` has already swallowed the body), so these
 * read the file's text.
 */

const EXAMPLE = 'start the file with a line "---", then the fields (such as title: "New trial opens"), then another line "---", then the text';

/**
 * A file that is empty, has no front matter, or never closes it, in one line: each of
 * these would otherwise show as a list of "is required" problems or a YAML error deep
 * in the body. Undefined when the front matter opens and closes.
 */
export function frontMatterShapeProblem(file: string, source: string): Problem | undefined {
  if (source.trim() === "") return { file, message: `is empty: ${EXAMPLE}`, severity: "error" };
  if (!source.startsWith("---")) {
    return { file, line: 1, field: "front matter", message: `is missing: ${EXAMPLE}`, severity: "error" };
  }
  if (!/\n---[ \t]*(\r?\n|$)/.test(source.slice(3))) {
    return {
      file,
      line: 1,
      field: "front matter",
      message: 'has no closing "---" line: add a line with only --- after the last field (such as the summary), before the text of the page',
      severity: "error",
    };
  }
  return undefined;
}

/** The front matter's lines, with their line numbers in the file, or none if it does not open and close. */
function frontMatterLines(source: string): Array<{ text: string; line: number }> {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return [];
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
  if (close < 0) return [];
  return lines.slice(1, close).map((text, index) => ({ text, line: index + 2 }));
}

export interface FieldLines {
  /** The line a field (`title`, `tags[1]`, `image.alt`) is written on. */
  lines: Map<string, number>;
  /** What is written after each field's colon, as typed. */
  raw: Map<string, string>;
  /** The closing `---` line: where a missing field is to be added. */
  closing?: number;
}

/** Where each field of the front matter is written: top-level keys, their list entries and their own fields. */
export function fieldLines(source: string): FieldLines {
  const found: FieldLines = { lines: new Map(), raw: new Map() };
  const lines = frontMatterLines(source);
  if (!lines.length && !source.startsWith("---")) return found;
  found.closing = (lines.at(-1)?.line ?? 1) + 1;
  let parent: string | undefined;
  let item = 0;
  for (const { text, line } of lines) {
    const top = /^([^\s#:-][^:]*?)\s*:(.*)$/.exec(text);
    if (top?.[1]) {
      parent = top[1];
      item = 0;
      found.lines.set(parent, line);
      found.raw.set(parent, (top[2] ?? "").trim());
      continue;
    }
    if (!parent) continue;
    const entry = /^\s+-\s*(.*)$/.exec(text);
    if (entry) {
      found.lines.set(`${parent}[${item}]`, line);
      found.raw.set(`${parent}[${item}]`, (entry[1] ?? "").trim());
      item++;
      continue;
    }
    const nested = /^\s+([^\s#:-][^:]*?)\s*:(.*)$/.exec(text);
    if (nested?.[1]) {
      found.lines.set(`${parent}.${nested[1]}`, line);
      found.raw.set(`${parent}.${nested[1]}`, (nested[2] ?? "").trim());
    }
  }
  return found;
}

/** `tags[0]` is written on its own line; `image.src` may be missing, so its group's line is the nearest. */
function lineOf(field: string, lines: FieldLines): number | undefined {
  for (let name = field; name; name = name.replace(/(\[\d+\]|\.[^.[]+)$/, "")) {
    const line = lines.lines.get(name);
    if (line !== undefined) return line;
    if (!/(\[\d+\]|\.[^.[]+)$/.test(name)) break;
  }
  return lines.closing;
}

/**
 * Gives every front-matter problem of a markdown file the line it is about (a missing
 * field: the closing `---`, where it goes), and explains a value lost to an unquoted `#`.
 * Each file with such problems is read once more; files without problems are not read.
 */
export function locateFrontMatterProblems(problems: Problem[]): Problem[] {
  const byFile = new Map<string, FieldLines | undefined>();
  return problems.map((problem) => {
    if (problem.line !== undefined || !problem.field || !problem.file.endsWith(".md")) return problem;
    if (!byFile.has(problem.file)) {
      let source: string | undefined;
      try {
        source = readFileSync(problem.file, "utf8");
      } catch {
        source = undefined;
      }
      byFile.set(problem.file, source === undefined ? undefined : fieldLines(source));
    }
    const lines = byFile.get(problem.file);
    if (!lines) return problem;
    const raw = lines.raw.get(problem.field);
    // YAML reads everything from a " #" on as a comment: the value the editor wrote is gone.
    if (raw?.startsWith("#")) {
      return {
        ...problem,
        line: lineOf(problem.field, lines),
        message: `starts with #, which front matter reads as a note to ignore, so the value is lost: put the whole value in double quotes, such as ${problem.field}: "${raw.replace(/"/g, "'")}"`,
      };
    }
    return { ...problem, line: lineOf(problem.field, lines) };
  });
}

const CURLY = /^\s*[“‘„][\s\S]*[”’“]\s*$/;

/**
 * Text pasted from a word processor often brings its curly quotes: around a whole value
 * they are not YAML's quotes, so they would be published as part of the headline.
 */
export function curlyQuoteWarnings(file: string, data: Record<string, unknown>): Problem[] {
  const warnings: Problem[] = [];
  forEachString(data, (value, field, isName) => {
    if (!isName && CURLY.test(value)) {
      const inner = value.trim().slice(1, -1).replace(/"/g, "'");
      warnings.push({
        file,
        field,
        message: `is inside curly quotes (${value.trim().slice(0, 1)}…${value.trim().slice(-1)}), which would be published as part of the text: use straight double quotes, such as ${field}: "${inner}"`,
        severity: "warning",
      });
    }
  });
  return warnings;
}
