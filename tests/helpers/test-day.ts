/**
 * The days tests build as of. Two kinds, never mixed:
 *
 * - TODAY, the real London day, for every build of the real content: CI's deploy builds as
 *   of it, so an editor's story dated today (or a link to it) is published in the tests
 *   exactly as on the live site. tests/run.ts fixes it once for the whole run
 *   (RI_TEST_DAY), so suites started either side of midnight agree with the shared sites.
 * - FIXTURE_DAY, a fixed day for fixture sites whose own content is dated relative to it
 *   (a story embargoed until after it, an event upcoming on it). Never for the real content.
 *
 * Worked out with Intl, not the site's own date code, so the tests do not take the code's
 * word for what day it is in London.
 */
export function londonDay(at: Date = new Date()): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const given = process.env.RI_TEST_DAY;
if (given !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new Error(`RI_TEST_DAY: "${given}" is not a date (use YYYY-MM-DD)`);

/** The real London day of this test run (or RI_TEST_DAY, which tests/run.ts sets to it). */
export const TODAY: string = given ?? londonDay();

/** The fixed build day of fixture sites whose content is dated relative to it. */
export const FIXTURE_DAY = "2026-11-24";

/** The calendar day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The year after `day`'s, as four digits. */
export const nextYear = (day: string = TODAY): string => String(Number(day.slice(0, 4)) + 1);
