import ical, { escape, ICalCalendarMethod, type ICalEventData, ICalEventStatus } from "ical-generator";
import type { DateTime } from "luxon";
import { absoluteUrl } from "../../url.ts";
import { type EventEntry, eventPlace, type TimedEvent, withTimes } from "./listing.ts";

/**
 * iCalendar (RFC 5545) files for events, written by ical-generator, which folds long lines
 * at 75 octets, escapes text and writes CRLF line ends. Timed events are written in UTC
 * (`DTSTART:20250701T170000Z`): one unambiguous instant in every calendar program, with no
 * VTIMEZONE to keep in step with the clock-change rules. All-day events are London dates
 * (`DTSTART;VALUE=DATE`), with the exclusive end day RFC 5545 asks for.
 *
 * Nothing in the output depends on when or where the build runs: no "now", no random UID,
 * no machine time zone, so two builds of the same content give the same bytes.
 */

/** Where the events' own addresses come from: the live site, not the preview's or the machine's. */
export interface CalendarSite {
  /** The live site's origin, such as `https://ri.example.nhs.uk` (`RI_SITE_URL` or `site.json`'s `url`). */
  siteUrl: string;
  /** Eleventy's path prefix, such as "/" or "/ri/". */
  pathPrefix: string;
  /** The site's name (`site.json` `name`), for the feed's title. */
  name: string;
}

/** The calendar file of one event sits beside its page. */
export const EVENT_ICS_NAME = "event.ics";
export const CALENDAR_FEED_URL = "/events/calendar.ics";

/** `/events/2025/summer-talk/` → `/events/2025/summer-talk/event.ics`. */
export function eventIcsUrl(eventUrl: string): string {
  return `${eventUrl.endsWith("/") ? eventUrl : `${eventUrl}/`}${EVENT_ICS_NAME}`;
}

/**
 * A UID that stays the same for as long as the event keeps its address, whatever the path
 * prefix, and differs between sites: `events/2025/summer-talk@ri.example.nhs.uk`. Calendar
 * programs match an imported or subscribed event by UID, so a rebuilt file updates the
 * event rather than adding a copy.
 */
export function eventUid(eventUrl: string, siteUrl: string): string {
  return `${eventUrl.replace(/^\/+|\/+$/g, "")}@${new URL(siteUrl).host}`;
}

/**
 * DTSTAMP must be a UTC instant, and "now" would change the file on every build. The
 * content's own moment is used instead: the start of the event's first London day, unless
 * the caller knows when the event was last revised (a later integration may pass the
 * file's last commit time). Calendar programs use DTSTAMP only to order scheduling
 * messages, which a published calendar never sends.
 */
function stampFor(event: TimedEvent, revised: DateTime | undefined): DateTime {
  return revised ?? event.times.start.startOf("day");
}

/** RFC 5545 ends every content line, the last included, with CRLF; ical-generator leaves the last one off. */
const finished = (text: string): string => (text.endsWith("\r\n") ? text : `${text}\r\n`);

function prodId(site: CalendarSite) {
  return { company: new URL(site.siteUrl).host, product: "ri-site events", language: "EN" };
}

function description(event: TimedEvent, pageUrl: string): string {
  return [event.summary, event.cost ? `Cost: ${event.cost}` : "", event.booking ? `Book: ${event.booking}` : "", `Details: ${pageUrl}`]
    .filter(Boolean)
    .join("\n\n");
}

function vevent(input: EventEntry | TimedEvent, site: CalendarSite, revised?: DateTime): ICalEventData {
  const event = "times" in input ? input : withTimes(input);
  const pageUrl = absoluteUrl(site.siteUrl, site.pathPrefix, event.url);
  const { times } = event;
  return {
    id: eventUid(event.url, site.siteUrl),
    sequence: 0,
    stamp: stampFor(event, revised).setZone("utc"),
    allDay: times.allDay,
    // ical-generator writes a London DateTime given for an all-day event as that London day,
    // and writes timed values in UTC with a Z because the calendar has no time zone set.
    start: times.start,
    end: times.end ?? null,
    summary: event.title,
    description: description(event, pageUrl),
    location: eventPlace(event) ?? null,
    url: pageUrl,
    status: ICalEventStatus.CONFIRMED,
  };
}

/** The `.ics` for one event: what "Add to calendar" downloads. */
export function eventCalendar(event: EventEntry | TimedEvent, site: CalendarSite, options: { revised?: DateTime } = {}): string {
  const calendar = ical({ prodId: prodId(site), method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent(vevent(event, site, options.revised));
  return finished(calendar.toString());
}

/**
 * `/events/calendar.ics`, to subscribe to: the given events (see `calendarFeedEvents`),
 * soonest first. Calendar programs refresh it daily, as often as the site is rebuilt.
 */
export function eventsCalendar(events: ReadonlyArray<EventEntry | TimedEvent>, site: CalendarSite): string {
  // ical-generator writes the calendar's name unescaped, so a comma in the site's name is escaped here.
  const name = escape(`${site.name} events`, false);
  const calendar = ical({
    prodId: prodId(site),
    method: ICalCalendarMethod.PUBLISH,
    name,
    url: absoluteUrl(site.siteUrl, site.pathPrefix, CALENDAR_FEED_URL),
    ttl: 60 * 60 * 24,
  });
  for (const event of events) calendar.createEvent(vevent(event, site));
  return finished(calendar.toString());
}
