import slugifyWords, { type Options } from "@sindresorhus/slugify";

/** A slug is the file name: lowercase letters, digits and single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/** The options of @sindresorhus/slugify this project uses. */
type SlugOptions = Pick<Options, "decamelize" | "customReplacements">;

/** @sindresorhus/slugify's own replacements, applied before any custom ones (its overridable-replacements.js). */
const OVERRIDABLE: ReadonlyArray<readonly [string, string]> = [
  ["&", " and "],
  ["🦄", " unicorn "],
  ["♥", " love "],
];

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** @sindresorhus/slugify's decamelize step. */
const decamelize = (text: string) =>
  text
    .replace(/([A-Z]{2,})(\d+)/g, "$1 $2")
    .replace(/([a-z\d]+)([A-Z]{2,})/g, "$1 $2")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-rt-z\d]+)/g, "$1 $2");

/**
 * @sindresorhus/slugify, without its cost on plain text. The library compiles a regular
 * expression for each of its ~1,900 transliterations on every call (about 1 ms a
 * heading, most of `npm run check` on a large site). None of those can match text
 * that is all ASCII except the replacements with ASCII keys, so for such text this
 * applies those and then the library's remaining steps exactly as it does; any other
 * text goes to the library. tests/slug.test.ts holds the two equal over generated text.
 */
export function slugifyWith(text: string, options: SlugOptions = {}): string {
  if (!ASCII.test(text)) return slugifyWords(text, options);
  const replacements = new Map<string, string>([...OVERRIDABLE, ...(options.customReplacements ?? [])]);
  let slug = text;
  for (const [key, value] of replacements) if (ASCII.test(key)) slug = slug.replaceAll(key, value);
  // The library's transliteration ends by dropping diacritics: in ASCII, "^" and "`".
  slug = slug.normalize("NFD").replace(/\p{Diacritic}/gu, "").normalize();
  if (options.decamelize ?? true) slug = decamelize(slug);
  return slug
    .toLowerCase()
    .replace(/([a-zA-Z\d]+)'([ts])(\s|$)/g, "$1$2$3")
    .replace(/[^a-z\d]+/g, "-")
    .replace(/\\/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
}

/** The options behind `slugify`: see its comment. */
export const TITLE_SLUG_OPTIONS: SlugOptions = {
  decamelize: false,
  customReplacements: [
    ["'", ""],
    ["’", ""],
  ],
};

/**
 * Makes a slug from a title for the scaffold and the check's suggestions. The letters of
 * every script are spelt in Latin ones by @sindresorhus/slugify's transliteration ("Straße
 * to Łódź" is `strasse-to-lodz`, Greek and Cyrillic titles get readable addresses), "&" is
 * spelt out, and apostrophes are dropped so "what’s" stays one word. Splitting camel case
 * is off: it would cut "AErø" (from "Ærø") into two words.
 */
export function slugify(title: string): string {
  return slugifyWith(title, TITLE_SLUG_OPTIONS);
}
