import { z } from "zod";
import { ContentLimitError } from "./content-limits.ts";
import { FrontMatterLanguageError } from "./frontmatter.ts";
import type { Problem } from "../content/problems.ts";
import { nearMatch } from "../content/suggest.ts";

function fieldName(issuePath: PropertyKey[]): string {
  return issuePath.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), "");
}

function allowedFields(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unknownFieldMessage(key: string, allowed: string[]): string {
  const guess = nearMatch(key, allowed);
  if (guess) {
    return `unknown field (did you mean "${guess}"?)`;
  }
  return `unknown field: remove it, or use one of ${allowed.join(", ")}`;
}

/** Turns zod's issues into problems in the design's `file: field: message` form. */
export function schemaProblems(file: string, schema: z.ZodType, data: unknown): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      const prefix = fieldName(issue.path);
      const nested = prefix ? schemaAt(schema, issue.path) : schema;
      return issue.keys.map((key) => ({
        file,
        field: prefix ? `${prefix}.${key}` : key,
        message: unknownFieldMessage(key, allowedFields(nested)),
        severity: "error",
      }));
    }
    return [{ file, field: fieldName(issue.path) || undefined, message: issue.message, severity: "error" }];
  });
}

function schemaAt(schema: z.ZodType, issuePath: PropertyKey[]): z.ZodType {
  let current: z.ZodType = schema;
  for (const key of issuePath) {
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject && typeof key === "string") current = current.shape[key] as z.ZodType;
  }
  while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

/** js-yaml's messages are for programmers; this one says what the editor can do. */
export function yamlProblem(file: string, error: unknown): Problem {
  if (error instanceof FrontMatterLanguageError) return { file, line: 1, field: "front matter", message: error.message, severity: "error" };
  if (error instanceof ContentLimitError) return { file, ...(error.field ? { line: 1, field: error.field } : {}), message: error.message, severity: "error" };
  const mark = (error as { mark?: { line?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String(error);
  // gray-matter hands js-yaml the text from the end of the opening --- line, so its
  // zero-based line 1 is the file's line 2.
  const line = typeof mark?.line === "number" ? mark.line + 1 : undefined;
  if (/tab characters/i.test(reason)) {
    return {
      file,
      line,
      field: "front matter",
      message:
        "this line is indented with a TAB, which front matter does not allow: indent it with spaces, as the lines around it are (two spaces before a - in a list)",
      severity: "error",
    };
  }
  return {
    file,
    line,
    field: "front matter",
    message:
      `could not be read (${reason}). ` +
      'If a value contains a colon or starts with a quote or #, put the whole value in double quotes, such as title: "Research: the next step"',
    severity: "error",
  };
}
