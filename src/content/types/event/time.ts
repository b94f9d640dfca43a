import { DateTime } from "luxon";
import { formatDate, isCalendarDate, SITE_ZONE } from "../../dates.ts";

/**
 * An event's `start` and `end` are wall-clock readings in Europe/London, written
 * `YYYY-MM-DD` (all day) or `YYYY-MM-DDTHH:MM`. This module turns them into instants with
 * luxon, always naming the zone, so the build machine's own `TZ` never enters the sums.
 */

/** `start`/`end` as written: a calendar day, and a time of day when one was given. */
export interface WallClock {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, 24-hour; absent for an all-day value. */
  time?: string;
}

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** What an editor should write, for the messages below. */
export const WALL_CLOCK_HINT = "write YYYY-MM-DD for a whole day, or YYYY-MM-DDTHH:MM for a time in London, such as 2025-07-01T18:00";

/** Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; null when the text has neither shape or names no real day or time. */
export function parseWallClock(text: string): WallClock | null {
  const match = WALL_CLOCK.exec(text);
  if (!match) return null;
  const [, date = "", hours, minutes] = match;
  if (!isCalendarDate(date)) return null;
  if (hours === undefined || minutes === undefined) return { date };
  if (Number(hours) > 23 || Number(minutes) > 59) return null;
  return { date, time: `${hours}:${minutes}` };
}

const MINUTE = 60_000;

/** The wall-clock reading as milliseconds on a clock that never changes (UTC), for offset arithmetic. */
function naiveMillis(wall: WallClock): number {
  return DateTime.fromISO(`${wall.date}T${wall.time ?? "00:00"}`, { zone: "utc" }).toMillis();
}

/**
 * Every instant at which London's clocks read this wall time: one on an ordinary day, none
 * in the hour skipped when the clocks go forward, two in the hour repeated when they go back.
 * The candidates' offsets are London's offsets a day either side, which covers any one change.
 */
function instantsFor(wall: WallClock): number[] {
  const naive = naiveMillis(wall);
  const offsetAt = (millis: number) => DateTime.fromMillis(millis, { zone: SITE_ZONE }).offset;
  const offsets = new Set([offsetAt(naive - 86_400_000), offsetAt(naive + 86_400_000)]);
  return [...offsets]
    .map((offset) => naive - offset * MINUTE)
    .filter((instant) => offsetAt(instant) * MINUTE === naive - instant)
    .sort((a, b) => a - b);
}

/** The instant of the clock change nearest a wall time, found by halving: London changes at most once a day. */
function changeNear(wall: WallClock): { instant: number; before: number; after: number } {
  const naive = naiveMillis(wall);
  const offsetAt = (millis: number) => DateTime.fromMillis(millis, { zone: SITE_ZONE }).offset;
  let low = naive - 86_400_000;
  let high = naive + 86_400_000;
  const before = offsetAt(low);
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (offsetAt(middle) === before) low = middle;
    else high = middle;
  }
  return { instant: high, before, after: offsetAt(high) };
}

const clock = (millis: number, offsetMinutes: number) => DateTime.fromMillis(millis + offsetMinutes * MINUTE, { zone: "utc" }).toFormat("HH:mm");

/**
 * Why a London wall time cannot name one moment, in words an editor can act on, or
 * undefined when it names exactly one. All-day values are always fine: every day exists.
 */
export function clockChangeProblem(wall: WallClock): string | undefined {
  if (!wall.time) return undefined;
  const instants = instantsFor(wall);
  if (instants.length === 1) return undefined;
  const change = changeNear(wall);
  // The wall clock just before the change, and what it was set to at that moment.
  const from = clock(change.instant, change.before);
  const to = clock(change.instant, change.after);
  const day = `${DateTime.fromISO(wall.date, { zone: "utc" }).toFormat("cccc")} ${formatDate(wall.date, "nhs")}`;
  if (instants.length === 0) {
    return (
      `${wall.time} on ${day} does not exist in London: the clocks go forward an hour that morning, from ${from} straight to ${to}. ` +
      `Use a time before ${from}, or ${to} or later`
    );
  }
  return (
    `${wall.time} on ${day} happens twice in London: the clocks go back an hour that morning, from ${from} to ${to}, so the hour from ${to} comes round twice. ` +
    `Use a time before ${to}, or ${from} or later, so the time is clear`
  );
}

/** The one instant a London wall reading names (midnight for an all-day value); throws for one the check refuses. */
export function toLondon(wall: WallClock): DateTime {
  const problem = clockChangeProblem(wall);
  if (problem) throw new Error(`${wall.date}T${wall.time ?? ""}: ${problem}`);
  const [instant] = wall.time ? instantsFor(wall) : [];
  // London's clocks change at 01:00 and 02:00, never at midnight, so every day's start exists once.
  return instant === undefined ? DateTime.fromISO(wall.date, { zone: SITE_ZONE }) : DateTime.fromMillis(instant, { zone: SITE_ZONE });
}

/** An event's start and end, as the listing, the page, the calendar files and the JSON-LD all read them. */
export interface EventTimes {
  /** True when `start` (and `end`, if any) are days without times. */
  allDay: boolean;
  /** The start, in Europe/London: midnight of the first day for an all-day event. */
  start: DateTime;
  /**
   * The end, in Europe/London. For an all-day event, midnight at the start of the day after
   * its last day (the exclusive end calendars use). For a timed event without `end`, absent.
   */
  end?: DateTime;
  /** The first and last London days the event takes up, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** `HH:MM` as written, for timed events. */
  startTime?: string;
  endTime?: string;
}

/**
 * Reads an event's `start` and optional `end`, already passed by the schema. Throws on values
 * the schema refuses, because layouts and calendar files must never guess a time.
 */
export function eventTimes(start: string, end?: string): EventTimes {
  const first = parseWallClock(start);
  const last = end === undefined ? undefined : parseWallClock(end);
  if (!first || last === null) throw new Error(`event times "${start}"${end === undefined ? "" : ` to "${end}"`}: ${WALL_CLOCK_HINT}`);
  if (last && Boolean(last.time) !== Boolean(first.time)) throw new Error(`event times "${start}" to "${end}": give both a time or neither`);
  const startAt = toLondon(first);
  if (!first.time) {
    const lastDay = last?.date ?? first.date;
    return { allDay: true, start: startAt, end: toLondon({ date: lastDay }).plus({ days: 1 }).startOf("day"), firstDay: first.date, lastDay };
  }
  const endAt = last ? toLondon(last) : undefined;
  return {
    allDay: false,
    start: startAt,
    end: endAt,
    firstDay: first.date,
    lastDay: last?.date ?? first.date,
    startTime: first.time,
    endTime: last?.time,
  };
}

/**
 * RFC 3339 with London's offset at that moment: `2025-07-01T18:00:00+01:00` in summer,
 * `2025-01-15T18:00:00+00:00` in winter (the same instant as `18:00:00Z`).
 */
export function offsetIso(dateTime: DateTime): string {
  return dateTime.setZone(SITE_ZONE).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

/**
 * Whether an event is still to come on the build's London day `today` (`YYYY-MM-DD`):
 * it is upcoming up to and including its last London day (the day of `end`, else of
 * `start`) and past from the day after. A static site cannot change at the hour an event
 * ends, and the nightly rebuild moves it the next morning, so an evening talk is still
 * listed as upcoming for the rest of its own day.
 */
export function isUpcoming(times: Pick<EventTimes, "lastDay">, today: string): boolean {
  return times.lastDay >= today;
}

/** "6pm", "6:30pm", "midday", "midnight": the NHS content style for times. */
export function formatTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  if (minutes === 0 && hours === 12) return "midday";
  if (minutes === 0 && hours === 0) return "midnight";
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}${hours < 12 ? "am" : "pm"}`;
}
