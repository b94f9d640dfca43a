import { type EventEntry, type TimedEvent, withTimes } from "./listing.ts";
import { offsetIso } from "./time.ts";

/**
 * schema.org `Event` data for an event page, to be written with `scriptSafeJson` from
 * src/structured-data.ts into a `<script type="application/ld+json">`.
 */

export interface EventJsonLdInput {
  event: EventEntry | TimedEvent;
  /** The event page's absolute address. */
  pageUrl: string;
  /** The Trust's full name, as the header shows it. */
  organiser: string;
  /** The live site's home page, for the organiser's `url`. */
  organiserUrl: string;
  /** The department's email, telephone and address as schema.org names them, when site.json gives them. */
  language: string;
}

const SCHEMA = "https://schema.org/";

/** Offline, Online or Mixed, from `location` and `online`; unknown when the event gives neither. */
export function attendanceMode(event: Pick<EventEntry, "location" | "online">): string | undefined {
  if (event.location && event.online) return `${SCHEMA}MixedEventAttendanceMode`;
  if (event.online) return `${SCHEMA}OnlineEventAttendanceMode`;
  if (event.location) return `${SCHEMA}OfflineEventAttendanceMode`;
  return undefined;
}

/**
 * `location` is one text holding the place's name and address ("Main Hall, 1 High Street,
 * Town"), so the name is its first part and the address the whole text. An online event has
 * no link of its own in the content; the booking page, else the event page, is where it is
 * reached from.
 */
function locations(event: EventEntry, pageUrl: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  if (event.location) {
    const name = event.location.split(",")[0]?.trim() || event.location;
    found.push({ "@type": "Place", name, address: event.location });
  }
  if (event.online) found.push({ "@type": "VirtualLocation", url: event.booking ?? pageUrl });
  return found;
}

/**
 * An Offer when the content says what it costs or where to book. "Free" becomes price 0
 * and a plain pound amount ("£25", "£7.50") a price in GBP; any other wording ("£10 for
 * students") is kept as the offer's description rather than guessed at.
 */
export function offer(event: Pick<EventEntry, "cost" | "booking">): Record<string, unknown> | undefined {
  if (!event.cost && !event.booking) return undefined;
  const result: Record<string, unknown> = { "@type": "Offer" };
  if (event.booking) result.url = event.booking;
  const cost = event.cost?.trim();
  const pounds = cost ? /^£\s?(\d+(?:\.\d{2})?)$/.exec(cost) : null;
  if (cost && /^free$/i.test(cost)) Object.assign(result, { price: "0", priceCurrency: "GBP" });
  else if (pounds?.[1]) Object.assign(result, { price: pounds[1], priceCurrency: "GBP" });
  else if (cost) result.description = cost;
  return result;
}

/**
 * Start and end carry London's offset at that moment (`2025-07-01T18:00:00+01:00`); an
 * all-day event gives its first and last days as dates, which schema.org allows.
 */
export function eventJsonLd(input: EventJsonLdInput): Record<string, unknown> {
  const event = "times" in input.event ? input.event : withTimes(input.event);
  const { times } = event;
  const startDate = times.allDay ? times.firstDay : offsetIso(times.start);
  const endDate = times.allDay ? times.lastDay : times.end ? offsetIso(times.end) : undefined;
  const mode = attendanceMode(event);
  const places = locations(event, input.pageUrl);
  const offers = offer(event);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.summary,
    url: input.pageUrl,
    inLanguage: input.language,
    startDate,
    ...(endDate ? { endDate } : {}),
    eventStatus: `${SCHEMA}EventScheduled`,
    ...(mode ? { eventAttendanceMode: mode } : {}),
    ...(places.length ? { location: places.length === 1 ? places[0] : places } : {}),
    organizer: { "@type": "Organization", name: input.organiser, url: input.organiserUrl },
    ...(offers ? { offers } : {}),
  };
}
