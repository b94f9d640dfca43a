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
  const date = DateTime.fromObject({ year: Number(y), month: Number(m), day: Number(d) }, { zone: SITE_ZONE });
  return date.isValid ? date : null;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * The `YYYY-MM-DD` of whatever the data cascade holds for a date. Strings come from our
 * own YAML engine; a `Date` (Eleventy's `page.date`) is UTC midnight of the calendar day,
 * so it is read in UTC, never in the machine's zone; a DateTime gives its own day.
 */
function dayKey(value: string | Date | DateTime): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
}

/**
 * Memoises a function of a calendar day: a 10,000-story build asks for the same few
 * thousand days over and over, and each zoned luxon DateTime costs a time-zone lookup.
 */
function perDay<T>(compute: (day: string) => T): (value: string | Date | DateTime) => T {
  const cache = new Map<string, T>();
  return (value) => {
    const key = dayKey(value);
    let result = cache.get(key);
    if (result === undefined) {
      result = compute(key);
      cache.set(key, result);
    }
    return result;
  };
}

/**
 * Turns whatever the data cascade holds for a date into a London calendar day.
 * Luxon DateTimes are immutable, so one per calendar day serves every page.
 */
export const toCalendarDate: (value: string | Date | DateTime) => DateTime = perDay((day) => {
  const parsed = parseCalendarDate(day);
  if (!parsed) throw new Error(`"${day}" is not a real date (use YYYY-MM-DD)`);
  return parsed;
});

/**
 * A day's `YYYY-MM-DD`, checked: a calendar day is the same day in every zone, so the
 * date text the site shows needs no time-zone work at all.
 */
function checkedDay(day: string): string {
  if (!isCalendarDate(day)) throw new Error(`"${day}" is not a real date (use YYYY-MM-DD)`);
  return day;
}

/** The value of a `<time datetime>` attribute and of the sitemap's `lastmod`. */
export function isoDate(value: string | Date | DateTime): string {
  return checkedDay(dayKey(value));
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
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const formatters: Record<DateStyle, (value: string | Date | DateTime) => string> = {
  ordinal: perDay((day) => formatDay(checkedDay(day), "ordinal")),
  nhs: perDay((day) => formatDay(checkedDay(day), "nhs")),
};

/**
 * "12th December 2024" (the Trust's house style) or "12 December 2024" (NHS content style).
 */
export function formatDate(value: string | Date | DateTime, style: DateStyle = "ordinal"): string {
  return formatters[style](value);
}

function formatDay(isoDay: string, style: DateStyle): string {
  const [year, month, date] = isoDay.split("-") as [string, string, string];
  const dayOfMonth = Number(date);
  const day = style === "ordinal" ? `${dayOfMonth}${ordinalSuffix(dayOfMonth)}` : String(dayOfMonth);
  return `${day} ${MONTHS[Number(month) - 1]} ${year}`;
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
export const isoDateTime: (value: string | Date | DateTime) => string = perDay(
  (day) => toCalendarDate(day).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "",
);
