import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { AboutTheEvent } from "../layouts/components/AboutTheEvent.tsx";
import { UpcomingEvents } from "../layouts/components/EventCard.tsx";
import { EventWhen } from "../layouts/components/EventWhen.tsx";
import { render as renderEvent } from "../layouts/event.tsx";
import { render as renderEvents } from "../layouts/events.tsx";
import { buildEventIndex, type EventEntry, withTimes } from "../src/content/types/event/listing.ts";
import type { EventPageData, EventsListingData } from "../src/render/event-page-data.ts";
import { eventTimes } from "../src/content/types/event/time.ts";
import { buildNewsIndex } from "../src/content/news-index.ts";
import type { PageData } from "../src/render/page-data.ts";
import { EMPTY_CATALOG } from "../src/media/catalog.ts";
import { typeCollections } from "./helpers/type-collections.ts";
import { siteSchema, topicsSchema } from "../src/content/schema/site.ts";
import { validateHtml } from "./quality/html.ts";

/** The real site and topics data, so the pages are rendered as the site would render them. */
const site = siteSchema.parse(JSON.parse(readFileSync("content/_data/site.json", "utf8")));
const topics = topicsSchema.parse(JSON.parse(readFileSync("content/_data/topics.json", "utf8")));
const STORY = "/news/2024/windows-of-opportunity-innovations-in-care/";

function pageData(url: string, buildDate: string, dateStyle: "ordinal" | "nhs" = "ordinal"): PageData {
  return {
    site: { ...site, dateStyle },
    topics,
    pathPrefix: "/",
    siteUrl: "",
    preview: false,
    assets: { css: "/assets/css/main.css", mainJs: "/assets/js/main.js", searchJs: "/assets/js/search.js" },
    buildDate,
    page: { url, inputPath: "", fileSlug: "", date: new Date(0) },
    content: "<p>The body.</p>",
    media: EMPTY_CATALOG,
    filters: {},
    collections: typeCollections(
      { today: buildDate, topicSlugs: topics.map((topic) => topic.slug), siteName: site.name, topics },
      {
        newsIndex: {
          ...buildNewsIndex([{ url: STORY, title: "The story", summary: "What happened.", date: "2024-11-18", tags: ["events"], year: "2024" }], ["events"]),
          feeds: [],
        },
      },
    ),
  };
}

const talk = {
  title: "Summer talk",
  summary: "An evening talk about taking part in research.",
  start: "2025-07-01T18:00",
  end: "2025-07-01T20:00",
  location: "Main Hall, 1 High Street, Town",
  booking: "https://booking.example/summer-talk",
  cost: "Free",
  tags: ["events"],
  news: [STORY],
};
const eventPage = (buildDate: string, fields: Partial<typeof talk> & { online?: boolean } = {}): EventPageData => ({
  ...pageData("/events/2025/summer-talk/", buildDate),
  ...talk,
  ...fields,
});
const html = (value: unknown) => String(value);
const dom = (text: string) => parseHTML(text).document;

describe("when an event is, as text", () => {
  const when = (start: string, end?: string, style: "ordinal" | "nhs" = "ordinal") => {
    const text = html(EventWhen({ times: eventTimes(start, end), data: { site: { ...site, dateStyle: style } } }));
    return { text: dom(`<p>${text}</p>`).querySelector("p")?.textContent, text_html: text };
  };

  it("writes dates in the site's style and times in the NHS style, with 'to' for ranges", () => {
    assert.equal(when("2024-11-07").text, "7th November 2024");
    assert.equal(when("2024-11-07", undefined, "nhs").text, "7 November 2024");
    assert.equal(when("2025-09-10", "2025-09-12").text, "10th September 2025 to 12th September 2025");
    assert.equal(when("2025-07-01T18:00").text, "1st July 2025, 6pm");
    assert.equal(when("2025-07-01T18:00", "2025-07-01T20:30").text, "1st July 2025, 6pm to 8:30pm");
    assert.equal(when("2025-07-01T18:00", "2025-07-02T09:00", "nhs").text, "1 July 2025, 6pm to 2 July 2025, 9am");
  });

  it("marks every date and time with a machine-readable <time>", () => {
    assert.equal(
      when("2025-07-01T18:00", "2025-07-01T20:30").text_html,
      '<time datetime="2025-07-01">1st July 2025</time>, <time datetime="2025-07-01T18:00+01:00">6pm</time> to <time datetime="2025-07-01T20:30+01:00">8:30pm</time>',
    );
    assert.match(when("2025-01-15T18:00").text_html, /<time datetime="2025-01-15T18:00\+00:00">6pm<\/time>/);
  });
});

describe("the event page", () => {
  it("shows when, where, cost, booking, calendar link, body, stories and topics while upcoming", () => {
    const page = html(renderEvent(eventPage("2025-06-01")));
    const document = dom(page);
    assert.equal(document.querySelector("h1")?.textContent, "Summer talk");
    assert.equal(page.includes("This event has passed"), false);
    const rows = [...document.querySelectorAll(".nhsuk-summary-list__row")].map((row) => [
      row.querySelector("dt")?.textContent,
      row.querySelector("dd")?.textContent?.trim(),
    ]);
    assert.deepEqual(rows, [
      ["When", "1st July 2025, 6pm to 8pm"],
      ["Where", "Main Hall, 1 High Street, Town"],
      ["Cost", "Free"],
    ]);
    const button = document.querySelector("a.nhsuk-button");
    assert.equal(button?.getAttribute("href"), "https://booking.example/summer-talk");
    assert.equal(button?.textContent, "Book a place at Summer talk");
    const calendar = [...document.querySelectorAll("a")].find((a) => a.textContent.startsWith("Add to calendar"));
    assert.equal(calendar?.getAttribute("href"), "/events/2025/summer-talk/event.ics");
    assert.ok(page.includes("<p>The body.</p>"));
    assert.equal(document.querySelector("#event-news + ul .nhsuk-card__link")?.getAttribute("href"), STORY);
    assert.equal(document.querySelector(".ri-topic-list a")?.textContent, "Events");
  });

  it("carries schema.org Event data with London's offset", () => {
    const document = dom(html(renderEvent(eventPage("2025-06-01"))));
    const data = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as Record<string, unknown>;
    assert.equal(data["@type"], "Event");
    assert.equal(data.startDate, "2025-07-01T18:00:00+01:00");
    assert.equal(data.url, "https://ri.example.nhs.uk/events/2025/summer-talk/");
    assert.deepEqual(data.organizer, {
      "@type": "Organization",
      name: "Midlands Partnership University NHS Foundation Trust",
      url: "https://ri.example.nhs.uk/",
    });
  });

  it("says at the top that a past event has passed, and no longer offers booking or the calendar", () => {
    const onTheDay = html(renderEvent(eventPage("2025-07-01")));
    assert.equal(onTheDay.includes("This event has passed"), false, "upcoming all of its own day");
    const page = html(renderEvent(eventPage("2025-07-02")));
    const document = dom(page);
    const notice = document.querySelector("h1 + .nhsuk-inset-text");
    assert.equal(notice?.textContent?.trim(), "Information: This event has passed.");
    assert.equal(document.querySelector("a.nhsuk-button"), null);
    assert.equal(page.includes("Add to calendar"), false);
  });

  it("says Online for an online event and leaves out what the content does not give", () => {
    const document = dom(html(renderEvent(eventPage("2025-06-01", { location: undefined, online: true, cost: undefined, booking: undefined, news: [] }))));
    const rows = [...document.querySelectorAll(".nhsuk-summary-list__row dt")].map((dt) => dt.textContent);
    assert.deepEqual(rows, ["When", "Where"]);
    assert.equal(document.querySelector(".nhsuk-summary-list__row:nth-child(2) dd")?.textContent, "Online");
    assert.equal(document.querySelector("#event-news"), null);
  });

  it("escapes what editors write", () => {
    const page = html(renderEvent(eventPage("2025-06-01", { title: '<img src=x onerror="alert(1)">', location: "<b>Hall</b>" })));
    assert.equal(page.includes("<img src=x"), false);
    assert.equal(page.includes("<b>Hall</b>"), false);
  });
});

describe("the events listing", () => {
  const entries: EventEntry[] = [
    { url: "/events/2025/summer-talk/", title: "Summer talk", summary: "S", start: "2025-07-01T18:00", tags: ["events"], news: [], year: "2025", online: true },
    { url: "/events/2024/conference/", title: "Conference", summary: "C", start: "2024-11-07", tags: [], news: [], year: "2024", location: "Main Hall" },
  ];
  const listing = (buildDate: string, items = entries): EventsListingData => ({
    ...pageData("/events/", buildDate),
    eventListing: buildEventIndex(items, buildDate).listing[0] ?? { number: 1, total: 1, url: "/events/", upcoming: [], past: [], pageUrls: ["/events/"] },
  });

  it("lists upcoming then past events as cards with date, time, place and topics", () => {
    const document = dom(html(renderEvents(listing("2025-06-01"))));
    assert.equal(document.querySelector("h1")?.textContent, "Events");
    const sections = [...document.querySelectorAll("main section")].map((section) => [
      section.querySelector("h2")?.textContent,
      [...section.querySelectorAll(".nhsuk-card")].map((card) => [...card.querySelectorAll("h3, p")].map((part) => part.innerHTML).join(" | ")),
    ]);
    assert.deepEqual(sections, [
      [
        "Upcoming events",
        [
          '<a class="nhsuk-card__link" href="/events/2025/summer-talk/">Summer talk</a> | <time datetime="2025-07-01">1st July 2025</time>, <time datetime="2025-07-01T18:00+01:00">6pm</time><br>Online | S | Topics: Events',
        ],
      ],
      [
        "Past events",
        ['<a class="nhsuk-card__link" href="/events/2024/conference/">Conference</a> | <time datetime="2024-11-07">7th November 2024</time><br>Main Hall | C'],
      ],
    ]);
    assert.equal([...document.querySelectorAll("a")].find((a) => a.textContent.includes("Subscribe"))?.getAttribute("href"), "/events/calendar.ics");
  });

  it("says when nothing is coming up", () => {
    const document = dom(html(renderEvents(listing("2025-08-01"))));
    assert.equal(document.querySelector("#upcoming + p")?.textContent, "There are no upcoming events at the moment.");
    assert.equal(document.querySelectorAll("#past ~ ul .nhsuk-card").length, 2);
  });
});

describe("events on other pages", () => {
  it("shows 'About the event' on a story named by an event, and nothing otherwise", () => {
    const data = pageData(STORY, "2025-06-01");
    const event = withTimes({ url: "/events/2024/conference/", title: "Conference", summary: "C", start: "2024-11-07", tags: [], news: [STORY], year: "2024" });
    const document = dom(html(AboutTheEvent({ events: [event], data })));
    assert.equal(document.querySelector("h2")?.textContent.trim(), "About the event");
    assert.equal(document.querySelector(".nhsuk-card__link")?.getAttribute("href"), "/events/2024/conference/");
    assert.equal(AboutTheEvent({ events: [], data }), null);
    assert.equal(UpcomingEvents({ events: [], data }), null);
  });
});

describe("rendered pages are valid HTML", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ri-events-html-"));
  after(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10 }));

  it("passes html-validate with the site's rules", async () => {
    writeFileSync(path.join(dir, "upcoming.html"), `<!DOCTYPE html>${html(renderEvent(eventPage("2025-06-01", { online: true })))}`);
    writeFileSync(path.join(dir, "past.html"), `<!DOCTYPE html>${html(renderEvent(eventPage("2025-08-01")))}`);
    const entries: EventEntry[] = [
      { url: "/events/2025/a/", title: "A", summary: "S", start: "2025-07-01T18:00", end: "2025-07-02T09:00", tags: ["events"], news: [], year: "2025" },
    ];
    writeFileSync(
      path.join(dir, "listing.html"),
      `<!DOCTYPE html>${html(renderEvents({ ...pageData("/events/", "2025-06-01"), eventListing: buildEventIndex(entries, "2025-06-01").listing[0] ?? { number: 1, total: 1, url: "/events/", upcoming: [], past: [], pageUrls: ["/events/"] } }))}`,
    );
    assert.deepEqual(await validateHtml(dir), []);
  });
});
