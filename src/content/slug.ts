import slugifyWords from "@sindresorhus/slugify";

/** A slug is the file name: lowercase letters, digits and single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/**
 * Makes a slug from a title for the scaffold and the check's suggestions. The letters of
 * every script are spelt in Latin ones by @sindresorhus/slugify's transliteration ("Straße
 * to Łódź" is `strasse-to-lodz`, Greek and Cyrillic titles get readable addresses), "&" is
 * spelt out, and apostrophes are dropped so "what’s" stays one word. Splitting camel case
 * is off: it would cut "AErø" (from "Ærø") into two words.
 */
export function slugify(title: string): string {
  return slugifyWords(title, {
    decamelize: false,
    customReplacements: [
      ["'", ""],
      ["’", ""],
    ],
  });
}
