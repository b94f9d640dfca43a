import { eventCalendar, eventsCalendar } from "../src/content/types/event/ics.ts";
import type { TimedEvent } from "../src/content/types/event/listing.ts";
import type { PageData } from "../src/render/page-data.ts";

/** What a calendar file receives: one event's, or the subscription's (`calendarFeed`). */
export type CalendarData = PageData & { calendarEvents: TimedEvent[]; calendarFeed?: boolean };

/**
 * The `.ics` files: an event's own (`/events/<year>/<slug>/event.ics`) and the one to
 * subscribe to (`/events/calendar.ics`). Text made by src/content/types/event/ics.ts, with
 * the live site's address in it whatever machine builds it.
 */
export function render(data: CalendarData): string {
  const site = { siteUrl: data.siteUrl || data.site.url, pathPrefix: data.pathPrefix, name: data.site.name };
  const [only] = data.calendarEvents;
  if (data.calendarFeed) return eventsCalendar(data.calendarEvents, site);
  if (!only || data.calendarEvents.length !== 1) throw new Error(`${data.page.url}: an event's calendar file holds exactly one event`);
  return eventCalendar(only, site);
}
