/**
 * The text `npm run new` leaves where the editor has to write something. The check lets
 * a draft keep it, and stops a page being published with it.
 */
export const PLACEHOLDER_SUMMARY = "Replace this with one or two plain sentences that say what this is about.";
export const PLACEHOLDER_BODY = "Replace this with the text of the page.";

/** A new study's placeholders for who can take part and whom to contact (see src/content/types/study/checks.ts). */
export const PLACEHOLDER_POINT = "Replace this with who can take part, one plain point a line.";
export const PLACEHOLDER_EMAIL = "replace.this@example.nhs.uk";
