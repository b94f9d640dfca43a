import { defineContentType } from "../definition.ts";
import { PLACEHOLDER_SUMMARY } from "../placeholders.ts";
import { eventNewsProblems } from "./event/checks.ts";
import { CALENDAR_FEED_URL, EVENT_ICS_NAME, eventIcsUrl } from "./event/ics.ts";
import { EVENTS_URL, type EventIndex, type TimedEvent, buildEventIndex, calendarFeedEvents, toEventEntry } from "./event/listing.ts";
import { eventSchema } from "./event/schema.ts";

/** What calendar programs are told the `.ics` files are; UTF-8 because titles and places may hold any letter. */
export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** Where a story's "About the event" would differ between two builds of the events: the stories whose events changed. */
function storiesShowingChanges(before: EventIndex, after: EventIndex): string[] {
  const card = (events: TimedEvent[] | undefined) =>
    JSON.stringify((events ?? []).map((event) => [event.url, event.title, event.summary, event.start, event.end, event.location, event.online, event.tags]));
  const stories = new Set([...before.byStory.keys(), ...after.byStory.keys()]);
  return [...stories].filter((story) => card(before.byStory.get(story)) !== card(after.byStory.get(story)));
}

/**
 * Events: `content/events/<year>/<slug>.md`, in the folder of the start's year. Their times
 * are London wall-clock times (src/content/types/event/time.ts). They are listed upcoming
 * first, then past, against the build's London day, so the nightly rebuild moves an event
 * to the past the morning after it ends; each has a calendar file beside its page, and
 * `/events/calendar.ics` offers the upcoming and recent ones to subscribe to.
 */
export const event = defineContentType({
  name: "event",
  plural: "events",
  source: { folder: "events", years: true },
  url: (slug, year) => `/events/${year}/${slug}/`,
  schema: eventSchema,
  layout: "event.tsx",
  // An event is published when it is written, not on its day: it is announced ahead.
  dated: { field: "start", embargo: false },
  topicFields: ["tags"],
  search: { type: "Event", label: "Events" },
  siteProblems: (file, data, { urls, heldBack }) => eventNewsProblems(file, data.news, urls, heldBack),
  // An event has no date of its own for when it was last edited; its start says nothing about that.
  lastmod: () => undefined,
  collection: {
    name: "events",
    build: (items, context): EventIndex => buildEventIndex(items.map(toEventEntry), context.today),
  },
  listings: {
    reserved: [[EVENTS_URL, "the events listing"]],
    pages(index) {
      const feed = calendarFeedEvents(index);
      return [
        ...index.listing.map((page) => ({ url: page.url, layout: "events.tsx", data: { title: "Events", eventListing: page }, sitemap: {} })),
        ...[...index.upcoming, ...index.past].map((entry) => ({ url: eventIcsUrl(entry.url), layout: "calendar.tsx", data: { calendarEvents: [entry] } })),
        // RFC 5545 wants at least one event in a calendar: with none there is no file, and no link to it.
        ...(feed.length ? [{ url: CALENDAR_FEED_URL, layout: "calendar.tsx", data: { calendarEvents: feed, calendarFeed: true } }] : []),
      ];
    },
    urls(items) {
      const index = buildEventIndex(items.map(toEventEntry), "0000-01-01");
      return [...index.listing.map((page) => page.url), ...items.map((item) => eventIcsUrl(item.url)), ...(items.length ? [CALENDAR_FEED_URL] : [])];
    },
  },
  showsElsewhere: (before, after) => storiesShowingChanges(before, after),
  feedUrl: CALENDAR_FEED_URL,
  files: {
    served: [
      { path: CALENDAR_FEED_URL, contentType: CALENDAR_CONTENT_TYPE },
      { path: `/events/:year/:slug/${EVENT_ICS_NAME}`, contentType: CALENDAR_CONTENT_TYPE },
    ],
    beside: (url) => [eventIcsUrl(url)],
  },
  cms: {
    name: "events",
    label: "Events",
    singular: "Event",
    folder: "content/events",
    // Decap's {{year}} is the year of a field named like a date ("date"), or else the day the
    // entry is made: an event made in December for January would be filed under the wrong
    // year, which the check refuses. The start's own year names the folder instead. Decap
    // lower-cases a path template, drops its quotes and turns its dots into dashes before
    // filling it in, so neither `fields.start` nor date('YYYY') can be used there:
    // truncate(4) keeps the start's first four characters, the year, and the "..." it adds
    // becomes dashes that Decap's slug clean-up trims. tests/cms-publishing.test.ts makes an
    // event for next year in Decap itself.
    path: "{{start | truncate(4)}}/{{slug}}",
    preview: "events/{{fields.start | date('YYYY')}}/{{slug}}/",
    summary: "{{start}}: {{title}}",
    sortableFields: ["start", "title"],
  },
  scaffold: {
    folder: (today) => `events/${today.slice(0, 4)}`,
    // Today stands in for the start until the editor writes the real one; the draft keeps it off the site meanwhile.
    frontMatter: (title, today) => ({ title, summary: PLACEHOLDER_SUMMARY, start: today, draft: true }),
  },
});
