import type { Problem } from "../content/problems.ts";

const lineAt = (text: string, index: number) => text.slice(0, index).split("\n").length;

/**
 * JSON.parse names a character position (or nothing at all); an editor needs the line,
 * and the usual cause: a missing or extra comma, or a missing quote or bracket.
 */
export function jsonSyntaxProblem(file: string, text: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  const problem = (line: number | undefined, message: string): Problem => ({ file, line, message, severity: "error" });
  if (text.trim() === "") return problem(undefined, "is empty: it must hold the list or the settings, starting with [ or {");
  const position = /at position (\d+)/.exec(reason);
  // A position at the very end means the text stopped before its closing bracket.
  if (/end of JSON input|Unterminated/i.test(reason) || (position && Number(position[1]) >= text.trimEnd().length)) {
    return problem(text.trimEnd().split("\n").length, 'is not valid JSON: it ends too soon, so a closing ], } or " is missing');
  }
  if (position) {
    const at = Number(position[1]);
    // The mistake is usually at the end of the line before the one JSON stopped on.
    return problem(
      lineAt(text, at),
      `is not valid JSON here (${reason.replace(/ in JSON at position \d+.*$/, "")}): check for a missing comma at the end of the line before, or a missing quote or bracket`,
    );
  }
  // A comma before a closing bracket, which JSON does not allow (V8 names no position for it).
  const trailing = /,(\s*)[\]}]/.exec(text);
  if (trailing)
    return problem(lineAt(text, trailing.index), "is not valid JSON: remove the comma at the end of this line, since nothing follows it in the list");
  return problem(undefined, `is not valid JSON (${reason}): check for a missing comma, quote or bracket`);
}
