import { z } from "zod";
import { isCalendarDate } from "../dates.ts";

/**
 * Field builders shared by the content types. Each message is written to be read by an
 * editor after "file: field: ", so it says what is wrong and how to put it right.
 */

const describe = (value: unknown): string => {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  return typeof value === "object" ? "a group of fields" : typeof value === "string" ? "text" : `a ${typeof value}`;
};

const typeError = (field: string, wanted: string) => (issue: { input: unknown }) =>
  issue.input === undefined
    ? `is required (add a line "${field}: ..." to the front matter)`
    : `must be ${wanted}, not ${describe(issue.input)}`;

export function text(field: string, max: number) {
  return z
    .string({ error: typeError(field, "text") })
    .refine((value) => value.trim().length > 0, { error: "must not be empty" })
    .refine((value) => value.length <= max, {
      error: (issue) => `is ${String(issue.input).length} characters long; keep it to ${max} or fewer`,
    });
}

export function calendarDate(field: string) {
  return z.string({ error: typeError(field, "a date written YYYY-MM-DD") }).refine(
    (value) => isCalendarDate(value),
    { error: (issue) => `"${String(issue.input)}" is not a real date (use YYYY-MM-DD)` },
  );
}

export function flag(field: string) {
  return z.boolean({ error: typeError(field, "true or false") });
}

export function wholeNumber(field: string) {
  return z.number({ error: typeError(field, "a number") }).int({ error: "must be a whole number" });
}

export function list(field: string) {
  return z.array(z.string({ error: "each entry must be text" }), { error: typeError(field, "a list") });
}

/** Whether a later date field, where both are valid, falls after an earlier one. */
export function ordered(first: string | undefined, second: string | undefined, allowSame: boolean): boolean {
  if (!first || !second || !isCalendarDate(first) || !isCalendarDate(second)) return true;
  return allowSame ? second >= first : second > first;
}
