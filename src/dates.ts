import { DateTime } from "luxon";

/** Every date the site shows or emits is a calendar day in this zone. */
export const SITE_ZONE = "Europe/London";

export type DateStyle = "ordinal" | "nhs";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether text is a real `YYYY-MM-DD` calendar date, by arithmetic alone: the check
 * runs this on every date of every file, and a zoned luxon DateTime costs a time-zone
 * lookup each time. Valid ISO dates also compare correctly as plain strings.
 */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Parses a front-matter `YYYY-MM-DD` into the start of that day in Europe/London.
 * Returns null for anything that is not a real calendar date, because js-yaml and
 * `Date` silently roll `2024-02-30` over to 1 March.
 */
export function parseCalendarDate(text: string): DateTime | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = DateTime.fromObject(
    { year: Number(y), month: Number(m), day: Number(d) },
    { zone: SITE_ZONE },
  );
  return date.isValid ? date : null;
}

/**
 * Turns whatever the data cascade holds for a date into a London calendar day.
 * Strings come from our own YAML engine; a `Date` (Eleventy's `page.date`) is UTC
 * midnight of the calendar day, so it is read in UTC, never in the machine's zone.
 */
export function toCalendarDate(value: string | Date | DateTime): DateTime {
  if (DateTime.isDateTime(value)) {
    return DateTime.fromObject(
      { year: value.year, month: value.month, day: value.day },
      { zone: SITE_ZONE },
    );
  }
  if (value instanceof Date) {
    return DateTime.fromObject(
      { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() },
      { zone: SITE_ZONE },
    );
  }
  // Luxon DateTimes are immutable, so one per calendar day can serve every page.
  let parsed = calendarDays.get(value);
  if (!parsed) {
    parsed = parseCalendarDate(value) ?? undefined;
    if (!parsed) throw new Error(`"${value}" is not a real date (use YYYY-MM-DD)`);
    calendarDays.set(value, parsed);
  }
  return parsed;
}

const calendarDays = new Map<string, DateTime>();

/** The value of a `<time datetime>` attribute and of the sitemap's `lastmod`. */
export function isoDate(value: string | Date | DateTime): string {
  const date = toCalendarDate(value);
  return date.toISODate() ?? "";
}

function ordinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return "th";
  switch (day % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

/** Month names are fixed English, whatever locale the build machine has. */
const monthYear = (date: DateTime) => date.setLocale("en-GB").toFormat("MMMM yyyy");

/**
 * "12th December 2024" (the Trust's house style) or "12 December 2024" (NHS content style).
 */
export function formatDate(value: string | Date | DateTime, style: DateStyle = "ordinal"): string {
  // A listing shows the same few thousand days over and over: each is formatted once.
  if (typeof value === "string") {
    const key = `${style}:${value}`;
    let text = formatted.get(key);
    if (text === undefined) formatted.set(key, (text = formatDay(toCalendarDate(value), style)));
    return text;
  }
  return formatDay(toCalendarDate(value), style);
}

const formatted = new Map<string, string>();

function formatDay(date: DateTime, style: DateStyle): string {
  const day = style === "ordinal" ? `${date.day}${ordinalSuffix(date.day)}` : String(date.day);
  return `${day} ${monthYear(date)}`;
}

/** Today's calendar day in London: the embargo line and the scaffold's default date. */
export function londonToday(now: Date = new Date()): DateTime {
  return DateTime.fromJSDate(now, { zone: SITE_ZONE }).startOf("day");
}

/** Compares two calendar days; negative when a is earlier. */
export function compareDates(a: string | Date | DateTime, b: string | Date | DateTime): number {
  return isoDate(a).localeCompare(isoDate(b));
}

/**
 * The start of a calendar day in London as an RFC 3339 timestamp with that day's offset
 * (`2024-06-01T00:00:00+01:00`): the form feeds and article metadata need.
 */
export function isoDateTime(value: string | Date | DateTime): string {
  return toCalendarDate(value).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}
