import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildEventIndex, calendarFeedEvents, type EventEntry, eventPlace, toEventEntry } from "../src/content/types/event/listing.ts";
import { clockChangeProblem, eventTimes, formatTime, isUpcoming, offsetIso, parseWallClock } from "../src/content/types/event/time.ts";

/** Every sum here must come out the same whatever TZ the machine has; the suite is run under several. */
const entry = (slug: string, start: string, end?: string, news: string[] = []): EventEntry => ({
  url: `/events/${start.slice(0, 4)}/${slug}/`,
  title: slug,
  summary: "",
  start,
  end,
  tags: [],
  news,
  year: start.slice(0, 4),
});

describe("London wall-clock times", () => {
  it("reads days and times, and nothing else", () => {
    assert.deepEqual(parseWallClock("2024-11-07"), { date: "2024-11-07" });
    assert.deepEqual(parseWallClock("2025-07-01T18:00"), { date: "2025-07-01", time: "18:00" });
    for (const text of ["2024-02-30", "2025-07-01T25:00", "2025-07-01T18:00:00", "2025-07-01T18:00+01:00", "2025-7-1"])
      assert.equal(parseWallClock(text), null, text);
  });

  it("gives 18:00 on a summer day as +01:00 and on a winter day as +00:00 (18:00Z)", () => {
    const summer = eventTimes("2025-07-01T18:00", "2025-07-01T20:30");
    assert.equal(offsetIso(summer.start), "2025-07-01T18:00:00+01:00");
    assert.equal(summer.start.toUTC().toISO(), "2025-07-01T17:00:00.000Z");
    assert.equal(summer.end && offsetIso(summer.end), "2025-07-01T20:30:00+01:00");
    const winter = eventTimes("2025-01-15T18:00");
    assert.equal(offsetIso(winter.start), "2025-01-15T18:00:00+00:00");
    assert.equal(winter.start.toUTC().toISO(), "2025-01-15T18:00:00.000Z");
    assert.equal(winter.end, undefined);
  });

  it("is right either side of both clock changes", () => {
    assert.equal(eventTimes("2025-03-30T00:30").start.toUTC().toISO(), "2025-03-30T00:30:00.000Z");
    assert.equal(eventTimes("2025-03-30T02:30").start.toUTC().toISO(), "2025-03-30T01:30:00.000Z");
    assert.equal(eventTimes("2025-10-26T00:30").start.toUTC().toISO(), "2025-10-25T23:30:00.000Z");
    assert.equal(eventTimes("2025-10-26T02:30").start.toUTC().toISO(), "2025-10-26T02:30:00.000Z");
    // An event across the night the clocks go back lasts an hour longer than its wall clock says.
    const night = eventTimes("2025-10-25T22:00", "2025-10-26T06:00");
    assert.equal(night.end && night.end.diff(night.start, "hours").hours, 9);
  });

  it("names the clock change for times that are not one moment", () => {
    assert.match(clockChangeProblem({ date: "2025-03-30", time: "01:30" }) ?? "", /does not exist in London: the clocks go forward/);
    assert.match(clockChangeProblem({ date: "2025-10-26", time: "01:30" }) ?? "", /happens twice in London: the clocks go back/);
    assert.equal(clockChangeProblem({ date: "2025-07-01", time: "01:30" }), undefined);
    assert.equal(clockChangeProblem({ date: "2025-03-30" }), undefined);
    assert.throws(() => eventTimes("2025-03-30T01:30"), /does not exist in London/);
    assert.throws(() => eventTimes("2025-10-26T01:30"), /happens twice in London/);
    assert.throws(() => eventTimes("2025-07-01T18:00", "2025-07-02"), /give both a time or neither/);
  });

  it("makes an all-day event run from the first day's London midnight to the midnight after its last day", () => {
    const day = eventTimes("2024-11-07");
    assert.equal(day.allDay, true);
    assert.equal(offsetIso(day.start), "2024-11-07T00:00:00+00:00");
    assert.equal(day.end && offsetIso(day.end), "2024-11-08T00:00:00+00:00");
    assert.deepEqual([day.firstDay, day.lastDay], ["2024-11-07", "2024-11-07"]);
    // Across the spring change the span is 47 hours, not 48: the days are London's.
    const span = eventTimes("2025-03-29", "2025-03-30");
    assert.equal(span.end && offsetIso(span.end), "2025-03-31T00:00:00+01:00");
    assert.equal(span.end && span.end.diff(span.start, "hours").hours, 47);
  });

  it("writes times in the NHS style", () => {
    assert.deepEqual(["18:00", "18:30", "09:05", "12:00", "00:00", "12:30", "00:15"].map(formatTime), [
      "6pm",
      "6:30pm",
      "9:05am",
      "midday",
      "midnight",
      "12:30pm",
      "12:15am",
    ]);
  });
});

describe("upcoming and past", () => {
  it("keeps an event upcoming to the end of its last London day, and past from the next", () => {
    const talk = eventTimes("2025-07-01T18:00", "2025-07-01T20:00");
    assert.equal(isUpcoming(talk, "2025-06-30"), true);
    assert.equal(isUpcoming(talk, "2025-07-01"), true);
    assert.equal(isUpcoming(talk, "2025-07-02"), false);
    const conference = eventTimes("2025-09-10", "2025-09-12");
    assert.equal(isUpcoming(conference, "2025-09-12"), true, "still on");
    assert.equal(isUpcoming(conference, "2025-09-13"), false);
    // An evening event ending after midnight belongs to the day it ends.
    assert.equal(isUpcoming(eventTimes("2025-12-31T21:00", "2026-01-01T01:00"), "2026-01-01"), true);
  });

  it("moves an event from upcoming to past when the build day passes it", () => {
    const events = [entry("talk", "2025-07-01T18:00")];
    const before = buildEventIndex(events, "2025-07-01");
    assert.deepEqual([before.upcoming.length, before.past.length], [1, 0]);
    const after = buildEventIndex(events, "2025-07-02");
    assert.deepEqual([after.upcoming.length, after.past.length], [0, 1]);
  });

  it("lists upcoming soonest first, then past newest first, ten a page", () => {
    const events = [
      entry("past-b", "2024-11-07"),
      entry("soon", "2025-07-01T18:00"),
      entry("past-a", "2025-01-15T18:00"),
      entry("later", "2025-09-10", "2025-09-12"),
      entry("same-time-b", "2025-08-01T09:00"),
      entry("same-time-a", "2025-08-01T09:00"),
      entry("morning", "2025-07-01T09:00"),
    ];
    const index = buildEventIndex(events, "2025-06-01");
    assert.deepEqual(
      index.upcoming.map((event) => event.title),
      ["morning", "soon", "same-time-a", "same-time-b", "later"],
    );
    assert.deepEqual(
      index.past.map((event) => event.title),
      ["past-a", "past-b"],
    );
    assert.equal(index.listing.length, 1);

    const many = Array.from({ length: 23 }, (_, i) => entry(`e${String(i).padStart(2, "0")}`, `2025-${String((i % 12) + 1).padStart(2, "0")}-10`));
    // Eleven fall after 15 June (July to December, then July to November), twelve before.
    const paged = buildEventIndex(many, "2025-06-15");
    assert.deepEqual(
      paged.listing.map((page) => [page.url, page.upcoming.length, page.past.length]),
      [
        ["/events/", 10, 0],
        ["/events/page/2/", 1, 9],
        ["/events/page/3/", 0, 3],
      ],
    );
    assert.deepEqual(paged.listing[1]?.pageUrls, ["/events/", "/events/page/2/", "/events/page/3/"]);
  });

  it("has a first page even with no events", () => {
    assert.deepEqual(buildEventIndex([], "2025-06-01").listing, [{ number: 1, total: 1, url: "/events/", upcoming: [], past: [], pageUrls: ["/events/"] }]);
  });

  it("finds the events about each story, and the calendar feed's events", () => {
    const story = "/news/2024/windows-of-opportunity-innovations-in-care/";
    const events = [
      entry("a", "2024-11-07", undefined, [story]),
      entry("b", "2025-07-01T18:00"),
      ...Array.from({ length: 12 }, (_, i) => entry(`old${i}`, `2023-01-${10 + i}`)),
    ];
    const index = buildEventIndex(events, "2025-06-01");
    assert.deepEqual(
      index.byStory.get(story)?.map((event) => event.title),
      ["a"],
    );
    const feed = calendarFeedEvents(index);
    assert.deepEqual(feed.map((event) => event.title).slice(0, 3), ["b", "a", "old11"]);
    assert.equal(feed.length, 11, "every upcoming event and the ten most recent past ones");
  });

  it("reads an event from Eleventy's data cascade", () => {
    assert.deepEqual(
      toEventEntry({
        url: "/events/2025/talk/",
        data: { title: "Talk", summary: "S", start: "2025-07-01T18:00", online: true, tags: ["events", 3], news: ["/news/2024/a/"], layout: "x" },
      }),
      {
        url: "/events/2025/talk/",
        title: "Talk",
        summary: "S",
        start: "2025-07-01T18:00",
        end: undefined,
        location: undefined,
        online: true,
        booking: undefined,
        cost: undefined,
        tags: ["events"],
        news: ["/news/2024/a/"],
        year: "2025",
      },
    );
  });

  it("names the place, online, or both", () => {
    assert.equal(eventPlace({ location: "Main Hall" }), "Main Hall");
    assert.equal(eventPlace({ online: true }), "Online");
    assert.equal(eventPlace({ location: "Main Hall", online: true }), "Main Hall, and online");
    assert.equal(eventPlace({ online: false }), undefined);
  });
});
