import { readFileSync } from "node:fs";
import path from "node:path";
import { DOCUMENTS_FOLDER } from "../content/site-urls.ts";
import { type Problem, displayPath } from "../content/problems.ts";

/**
 * Spreadsheet formula injection: a CSV cell starting `=`, `+`, `-` or `@` (or a tab or
 * carriage return before one) is run as a formula by Excel and LibreOffice when someone
 * who downloaded the file opens it, and a formula can fetch a web address or, in older
 * versions, start a program (OWASP, "CSV Injection"). The site cannot stop that once the
 * file is published, so the check names each such cell: a warning, or an error with
 * `--strict`. A number (`-12`, `+44`, `-3.5%`) is a number, not a formula, and a lone
 * dash is text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

const SEPARATOR = /[,\r\n]/g;

/** Where the cell starting at `from` ends: a comma, a line end or the end of the text (never copying the rest of the text). */
function nextSeparator(text: string, from: number): number {
  SEPARATOR.lastIndex = from;
  return SEPARATOR.exec(text)?.index ?? text.length;
}

/** Cells of one CSV text, with the line each starts on (RFC 4180: quoted cells may hold commas, quotes as "", and line breaks). */
function* cells(text: string): Generator<{ value: string; line: number; column: number; row: number }> {
  let line = 1;
  let row = 1;
  let column = 1;
  let index = text.startsWith("\uFEFF") ? 1 : 0;
  while (index <= text.length) {
    const startLine = line;
    let value = "";
    if (text[index] === '"') {
      index++;
      for (;;) {
        const quote = text.indexOf('"', index);
        const end = quote < 0 ? text.length : quote;
        const part = text.slice(index, end);
        line += part.split("\n").length - 1;
        value += part;
        index = end + 1;
        if (quote >= 0 && text[index] === '"') {
          value += '"';
          index++;
          continue;
        }
        break;
      }
      // Anything between a closing quote and the next separator belongs to the cell too.
      const stop = nextSeparator(text, index);
      value += text.slice(index, stop);
      index = stop;
    } else {
      const stop = nextSeparator(text, index);
      value = text.slice(index, stop);
      index = stop;
    }
    yield { value, line: startLine, column, row };
    if (index >= text.length) return;
    if (text[index] === ",") {
      column++;
      index++;
      continue;
    }
    // A line end: \r\n, \n or \r.
    if (text[index] === "\r" && text[index + 1] === "\n") index++;
    index++;
    line++;
    row++;
    column = 1;
    if (index >= text.length) return;
  }
}

/** The problems of one CSV file's text; at most `shown` cells are named, then how many more there are. */
export function csvFormulaProblems(file: string, text: string, strict: boolean, shown = 5): Problem[] {
  const severity = strict ? "error" : "warning";
  const problems: Problem[] = [];
  let more = 0;
  for (const cell of cells(text)) {
    const trimmed = cell.value.replace(/^ +/, "");
    if (!FORMULA_START.test(trimmed) || NUMBER.test(trimmed.trim()) || /^-+$/.test(trimmed.trim())) continue;
    if (problems.length >= shown) {
      more++;
      continue;
    }
    const start = JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed);
    problems.push({
      file,
      line: cell.line,
      field: `row ${cell.row}, column ${cell.column}`,
      message:
        `${start} starts with "${trimmed[0] === "\t" ? "\\t" : trimmed[0] === "\r" ? "\\r" : trimmed[0]}", which a spreadsheet runs as a formula when the downloaded file is opened: ` +
        "if it is text, reword the cell so it starts otherwise (a phone number as 01234 567890, not +44 1234 567890); if it is a formula, save the sheet with its values instead of its formulas",
      severity,
    });
  }
  if (more) {
    const last = problems.at(-1);
    if (last) last.message += ` (and ${more} more cell${more === 1 ? "" : "s"} like it in this file)`;
  }
  return problems;
}

/** Every published CSV document's formula-like cells. The check passed each one as UTF-8 text first. */
export function documentFormulaProblems(contentDir: string, documents: readonly string[], strict: boolean): Problem[] {
  return documents
    .filter((name) => name.toLowerCase().endsWith(".csv"))
    .flatMap((name) => {
      const file = path.join(contentDir, DOCUMENTS_FOLDER, name);
      return csvFormulaProblems(displayPath(file), readFileSync(file, "utf8"), strict);
    });
}
