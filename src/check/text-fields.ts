import type { Problem } from "../content/problems.ts";

/**
 * Calls `visit` with every string in parsed front matter or site data, and with every
 * field name, named as problems name fields (`title`, `tags[1]`, `image.alt`), in the
 * order they are written. Each list or group is visited once and without recursion: the
 * walk is bounded by the data's size whatever its shape (parseYaml already refuses a
 * list or group reached twice, which is what makes YAML aliases costly).
 */
export function forEachString(data: Record<string, unknown> | unknown[], visit: (value: string, field: string, isName: boolean) => void): void {
  const seen = new Set<object>();
  const pending: Array<{ value: unknown; field: string }> = [{ value: data, field: "" }];
  while (pending.length) {
    const { value, field } = pending.pop() ?? { value: undefined, field: "" };
    if (typeof value === "string") {
      visit(value, field, false);
      continue;
    }
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    const children = Array.isArray(value)
      ? value.map((entry, index) => ({ value: entry as unknown, field: `${field}[${index}]` }))
      : Object.entries(value).map(([key, entry]) => {
          const named = field ? `${field}.${key}` : key;
          visit(key, named, true);
          return { value: entry as unknown, field: named };
        });
    pending.push(...children.reverse());
  }
}

/**
 * C0 and C1 control characters and DEL: never text. Tab and line feed are allowed, as in
 * any text an editor types (a folded summary ends in a line break); a carriage return
 * only comes into a value through an escape, since YAML reads line ends as line feeds.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

const codePoint = (character: string) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A NUL or other control character in any field: invisible in an editor, it can cut a
 * value short in other programs (a calendar, a feed reader) or make a page's markup or
 * data invalid, so a field is text and nothing else.
 */
export function controlCharacterProblems(file: string, data: Record<string, unknown> | unknown[]): Problem[] {
  const problems: Problem[] = [];
  forEachString(data, (value, field, isName) => {
    const found = CONTROL.exec(value);
    if (!found) return;
    const where = isName ? "its name" : `character ${found.index + 1}`;
    problems.push({
      file,
      field,
      message: `contains an invisible control character (${codePoint(found[0])}, at ${where}), which is not text: delete it, or type the ${isName ? "field name" : "value"} again rather than pasting it`,
      severity: "error",
    });
  });
  return problems;
}
