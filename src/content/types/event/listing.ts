import { PER_PAGE, pageUrl } from "../../news-index.ts";
import { eventTimes, type EventTimes, isUpcoming } from "./time.ts";

/** Where the events listing lives; its later pages follow the news listing's pattern. */
export const EVENTS_URL = "/events/";

/** What the listing, the calendar feed, the home page and a story's "About the event" need to know about an event. */
export interface EventEntry {
  url: string;
  title: string;
  summary: string;
  /** As written: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, London wall clock. */
  start: string;
  end?: string;
  location?: string;
  online?: boolean;
  booking?: string;
  cost?: string;
  tags: string[];
  /** Addresses of the stories about the event. */
  news: string[];
  /** The year folder, the year of `start`. */
  year: string;
}

/** An entry with its times worked out once, since sorting, listing and feeds all need them. */
export interface TimedEvent extends EventEntry {
  times: EventTimes;
}

export interface EventListingPage {
  /** 1-based. */
  number: number;
  total: number;
  url: string;
  /** This page's share of the upcoming events, soonest first, then of the past ones, newest first. */
  upcoming: TimedEvent[];
  past: TimedEvent[];
  /** The URL of every page of the listing, for the numbered pagination. */
  pageUrls: string[];
}

export interface EventIndex {
  /** The build's London day the split was made against. */
  today: string;
  /** Soonest first. */
  upcoming: TimedEvent[];
  /** Newest first. */
  past: TimedEvent[];
  listing: EventListingPage[];
  /** Story address → the events that name it in `news`, soonest first, for "About the event". */
  byStory: Map<string, TimedEvent[]>;
}

/** Soonest first: by start instant, and by address when two start together, so the order never depends on file order. */
export function soonestFirst(a: TimedEvent, b: TimedEvent): number {
  return a.times.start.toMillis() - b.times.start.toMillis() || a.url.localeCompare(b.url);
}

/** Newest first: by start instant, latest first; ties by address as above. */
export function newestFirst(a: TimedEvent, b: TimedEvent): number {
  return b.times.start.toMillis() - a.times.start.toMillis() || a.url.localeCompare(b.url);
}

export function withTimes(entry: EventEntry): TimedEvent {
  return { ...entry, times: eventTimes(entry.start, entry.end) };
}

/**
 * Splits the published events into upcoming and past against the build's London day
 * (`YYYY-MM-DD`; see `isUpcoming` for the rule), and pages them as the news listing is:
 * one list, upcoming events first, ten a page, so page 1 shows what is coming next. An
 * empty list still has a first page, which says there are no events.
 */
export function buildEventIndex(entries: EventEntry[], today: string, perPage = PER_PAGE): EventIndex {
  const timed = entries.map(withTimes);
  const upcoming = timed.filter((event) => isUpcoming(event.times, today)).sort(soonestFirst);
  const past = timed.filter((event) => !isUpcoming(event.times, today)).sort(newestFirst);
  const all = [...upcoming, ...past];
  const total = Math.max(1, Math.ceil(all.length / perPage));
  const pageUrls = Array.from({ length: total }, (_, index) => pageUrl(EVENTS_URL, index + 1));
  const listing = pageUrls.map((url, index) => {
    const items = all.slice(index * perPage, (index + 1) * perPage);
    return {
      number: index + 1,
      total,
      url,
      upcoming: items.filter((event) => isUpcoming(event.times, today)),
      past: items.filter((event) => !isUpcoming(event.times, today)),
      pageUrls,
    };
  });

  const byStory = new Map<string, TimedEvent[]>();
  for (const event of all) {
    for (const story of event.news) byStory.set(story, [...(byStory.get(story) ?? []), event]);
  }
  for (const events of byStory.values()) events.sort(soonestFirst);
  return { today, upcoming, past, listing, byStory };
}

/**
 * The events `/events/calendar.ics` offers: every upcoming event and the `recent` most
 * recent past ones (ten by default, a listing page's worth), so a subscriber's calendar
 * keeps the events just gone while the file stays small however long the site runs.
 */
export function calendarFeedEvents(index: Pick<EventIndex, "upcoming" | "past">, recent = PER_PAGE): TimedEvent[] {
  return [...index.upcoming, ...index.past.slice(0, recent)];
}

/** Where an event is, as the listing, the page and calendar programs show it: the place, "Online", or both. */
export function eventPlace(event: Pick<EventEntry, "location" | "online">): string | undefined {
  if (event.location && event.online) return `${event.location}, and online`;
  return event.location ?? (event.online ? "Online" : undefined);
}

/** The subset of Eleventy's collection item this module reads. */
export interface EventCollectionItem {
  url: string | false;
  data: Record<string, unknown>;
}

const textOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const textsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/** Reads an event from the data cascade; its front matter was checked before the build. */
export function toEventEntry(item: EventCollectionItem): EventEntry {
  const { data } = item;
  const start = textOf(data.start) ?? "";
  return {
    url: item.url || "",
    title: textOf(data.title) ?? "",
    summary: textOf(data.summary) ?? "",
    start,
    end: textOf(data.end),
    location: textOf(data.location),
    online: data.online === true ? true : undefined,
    booking: textOf(data.booking),
    cost: textOf(data.cost),
    tags: textsOf(data.tags),
    news: textsOf(data.news),
    year: start.slice(0, 4),
  };
}
