import { z } from "zod";
import { isCalendarDate } from "../dates.ts";

/**
 * Field builders shared by the content types. Each message is written to be read by an
 * editor after "file: field: ", so it says what is wrong and how to put it right.
 */

/**
 * What kind of value a field holds, recorded beside the schema so that the CMS's editing
 * form is made from the same fields the check enforces (src/cms/config.ts).
 */
export interface FieldMeta {
  kind: "text" | "long-text" | "date" | "london-time" | "web-address" | "flag" | "number" | "list" | "topics" | "image-file" | "choice" | "group";
  maxLength?: number;
  /** The smallest and largest a `number` may be, which the form enforces as the check does. */
  min?: number;
  max?: number;
  /** The values a `choice` takes, with the words the form shows for each, in the form's order. */
  options?: ReadonlyArray<readonly [value: string, label: string]>;
  /** A form stricter than the length alone (a registry number), tested by the form as the editor types. */
  pattern?: readonly [regex: string, message: string];
  /**
   * A value the field takes, written as an editor would (`ISRCTN12345678`), for a field whose
   * form asks for a shape: tests fill the form with it, so a new field of that kind needs no table.
   */
  example?: string;
  /**
   * The form's label and hint for a type's own fields; the fields every type shares have
   * theirs in src/cms/config.ts. Kept beside the schema so a new type brings its own words.
   */
  label?: string;
  hint?: string;
  /** What one entry of a `list` is called in the form ("Author"), where "Point" would be the wrong word. */
  itemLabel?: string;
}

export const fieldMeta = z.registry<FieldMeta>();

export function withMeta<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldMeta.add(schema, meta);
  return schema;
}

/** The same field, with the CMS's label and hint added to what it already says of itself. */
export function labelled<T extends z.ZodType>(schema: T, label: string, hint?: string): T {
  const meta = fieldMeta.get(schema);
  if (!meta) throw new Error(`the field labelled "${label}" does not say what kind of field it is`);
  return withMeta(schema, { ...meta, label, ...(hint ? { hint } : {}) });
}

const describe = (value: unknown): string => {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  return typeof value === "object" ? "a group of fields" : typeof value === "string" ? "text" : `a ${typeof value}`;
};

const typeError = (field: string, wanted: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `is required (add a line "${field}: ..." to the front matter)` : `must be ${wanted}, not ${describe(issue.input)}`;

export function text(field: string, max: number) {
  const schema = z
    .string({ error: typeError(field, "text") })
    .refine((value) => value.trim().length > 0, { error: "must not be empty" })
    .refine((value) => value.length <= max, {
      error: (issue) => `is ${String(issue.input).length} characters long; keep it to ${max} or fewer`,
    });
  // A line of text for titles and names; a box for anything longer.
  return withMeta(schema, { kind: max > 150 ? "long-text" : "text", maxLength: max });
}

export function calendarDate(field: string) {
  const schema = z
    .string({ error: typeError(field, "a date written YYYY-MM-DD") })
    .refine((value) => isCalendarDate(value), { error: (issue) => `"${String(issue.input)}" is not a real date (use YYYY-MM-DD)` });
  return withMeta(schema, { kind: "date" });
}

export function flag(field: string) {
  return withMeta(z.boolean({ error: typeError(field, "true or false") }), { kind: "flag" });
}

export function wholeNumber(field: string) {
  return withMeta(z.number({ error: typeError(field, "a number") }).int({ error: "must be a whole number" }), { kind: "number" });
}

/**
 * The form's pattern for a web address: `https://` and at most `maxLength` characters in all,
 * with the message the form shows when a value does not fit (the field's own words, such as
 * "Write the booking page's address, starting https://").
 */
export function webAddressPattern(maxLength: number, message = "Write a web address, starting https://"): readonly [string, string] {
  return [`^https://\\S{1,${maxLength - 8}}$`, message];
}

export function list(field: string) {
  return withMeta(z.array(z.string({ error: "each entry must be text" }), { error: typeError(field, "a list") }), { kind: "list" });
}

/** Whether a later date field, where both are valid, falls after an earlier one. */
export function ordered(first: string | undefined, second: string | undefined, allowSame: boolean): boolean {
  if (!first || !second || !isCalendarDate(first) || !isCalendarDate(second)) return true;
  return allowSame ? second >= first : second > first;
}

/** An email address's shape: something, "@", a domain with a dot; no spaces. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;
/** A phone number as people write it: digits, spaces, brackets, hyphens and a leading "+". */
const PHONE = /^\+?[\d\s()-]+$/;

/**
 * An email address (a study's contact, the department's). `required` is the message for a
 * missing one: it says what the address is for.
 */
export function emailAddress(required: string) {
  const schema = z
    .string({ error: (issue) => (issue.input === undefined ? required : "must be text") })
    .refine((value) => EMAIL.test(value.trim()) && value.trim() === value, {
      error: (issue) => `"${String(issue.input)}" is not an email address: write it as name@organisation.nhs.uk, with no spaces`,
    });
  return withMeta(schema, {
    kind: "text",
    maxLength: 254,
    pattern: [EMAIL.source, "Write an email address, such as research@example.nhs.uk."],
    example: "study@example.nhs.uk",
  });
}

/** A phone number: at least six digits, with spaces if the editor likes, at most 30 characters. */
export function phoneNumber() {
  const schema = z
    .string({ error: 'must be text: put the number in double quotes, such as phone: "01632 960000"' })
    .refine((value) => PHONE.test(value) && (value.match(/\d/g) ?? []).length >= 6 && value.length <= 30, {
      error: (issue) => `"${String(issue.input)}" is not a phone number: write the digits, with spaces if you like, such as "01632 960000"`,
    });
  return withMeta(schema, {
    kind: "text",
    maxLength: 30,
    pattern: [PHONE.source, "Write the digits, with spaces if you like, such as 01632 960000."],
    example: "01632 960000",
  });
}
