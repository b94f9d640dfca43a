import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { eventCalendar, eventIcsUrl, eventsCalendar, eventUid } from "../src/content/types/event/ics.ts";
import type { EventEntry } from "../src/content/types/event/listing.ts";

const site = { siteUrl: "https://ri.example.nhs.uk", pathPrefix: "/", name: "Research and Innovation" };

const summer: EventEntry = {
  url: "/events/2025/summer-talk/",
  title: "Summer talk: research, care; and you",
  summary: "An evening talk about taking part in research. ".repeat(4).trim(),
  start: "2025-07-01T18:00",
  end: "2025-07-01T20:00",
  location: "Main Hall, 1 High Street, Town",
  booking: "https://booking.example/summer-talk",
  cost: "Free",
  tags: [],
  news: [],
  year: "2025",
};
const winter: EventEntry = {
  ...summer,
  url: "/events/2025/winter-talk/",
  title: "Winter talk",
  start: "2025-01-15T18:00",
  end: undefined,
  location: undefined,
  online: true,
};
const allDay: EventEntry = {
  ...summer,
  url: "/events/2024/conference/",
  title: "Conference",
  start: "2024-11-07",
  end: undefined,
  location: undefined,
  booking: undefined,
  cost: undefined,
};
const acrossSpring: EventEntry = { ...summer, url: "/events/2025/night/", title: "Night", start: "2025-03-29T22:00", end: "2025-03-30T03:00" };
const acrossAutumn: EventEntry = { ...summer, url: "/events/2025/night-2/", title: "Night 2", start: "2025-10-25T22:00", end: "2025-10-26T03:00" };

/** Parses with ical.js (Mozilla's, independent of the writer) and gives each event's instants and fields. */
function parsed(text: string) {
  const calendar = ICAL.Component.fromString(text);
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const instant = (time: ICAL.Time | null) =>
      // A UTC DATE-TIME's Unix time is the instant itself; an all-day DATE is given as its text, which has no zone.
      time === null ? null : time.isDate ? time.toString() : new Date(time.toUnixTime() * 1000).toISOString();
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: instant(event.startDate),
      end: component.hasProperty("dtend") ? instant(event.endDate) : null,
      startZone: event.startDate.zone?.tzid,
      url: component.getFirstPropertyValue("url"),
      stamp: String(component.getFirstPropertyValue("dtstamp")),
    };
  });
}

describe("event calendar files", () => {
  it("gives 18:00 London in summer as 17:00Z and in winter as 18:00Z, read back by an independent parser", () => {
    const [talk] = parsed(eventCalendar(summer, site));
    assert.equal(talk?.start, "2025-07-01T17:00:00.000Z");
    assert.equal(talk?.end, "2025-07-01T19:00:00.000Z");
    assert.equal(talk?.startZone, "UTC");
    const [evening] = parsed(eventCalendar(winter, site));
    assert.equal(evening?.start, "2025-01-15T18:00:00.000Z");
    assert.equal(evening?.end, null, "a timed event without an end has no DTEND");
    assert.match(eventCalendar(summer, site), /\r\nDTSTART:20250701T170000Z\r\nDTEND:20250701T190000Z\r\n/);
    assert.match(eventCalendar(winter, site), /\r\nDTSTART:20250115T180000Z\r\n/);
  });

  it("is right across both clock changes", () => {
    const [spring] = parsed(eventCalendar(acrossSpring, site));
    assert.deepEqual([spring?.start, spring?.end], ["2025-03-29T22:00:00.000Z", "2025-03-30T02:00:00.000Z"]);
    const [autumn] = parsed(eventCalendar(acrossAutumn, site));
    assert.deepEqual([autumn?.start, autumn?.end], ["2025-10-25T21:00:00.000Z", "2025-10-26T03:00:00.000Z"]);
  });

  it("writes an all-day event as London dates with the exclusive end day", () => {
    const text = eventCalendar(allDay, site);
    assert.match(text, /\r\nDTSTART;VALUE=DATE:20241107\r\nDTEND;VALUE=DATE:20241108\r\n/);
    const [conference] = parsed(text);
    assert.deepEqual([conference?.start, conference?.end], ["2024-11-07", "2024-11-08"]);
    const [span] = parsed(eventCalendar({ ...allDay, start: "2025-03-29", end: "2025-03-30" }, site));
    assert.deepEqual([span?.start, span?.end], ["2025-03-29", "2025-03-31"]);
  });

  it("carries the title, summary, place and address, escaped and folded by the library", () => {
    const text = eventCalendar(summer, site);
    const [talk] = parsed(text);
    assert.equal(talk?.summary, summer.title);
    assert.equal(talk?.location, "Main Hall, 1 High Street, Town");
    assert.equal(talk?.url, "https://ri.example.nhs.uk/events/2025/summer-talk/");
    assert.equal(
      talk?.description,
      `${summer.summary}\n\nCost: Free\n\nBook: https://booking.example/summer-talk\n\nDetails: https://ri.example.nhs.uk/events/2025/summer-talk/`,
    );
    assert.match(text, /SUMMARY:Summer talk: research\\, care\\; and you\r\n/);
    assert.equal(parsed(eventCalendar(winter, site))[0]?.location, "Online");
    // RFC 5545: CRLF line ends, no line longer than 75 octets.
    assert.ok(!/[^\r]\n/.test(text), "every line ends CRLF");
    assert.ok(text.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"), "the last line too");
    for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
    assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ri.example.nhs.uk//ri-site events//EN\r\nMETHOD:PUBLISH\r\n"));
    // The properties RFC 5545 requires of a calendar and of each event.
    const calendar = ICAL.Component.fromString(text);
    for (const name of ["version", "prodid"]) assert.ok(calendar.hasProperty(name), name);
    for (const name of ["uid", "dtstamp", "dtstart"]) assert.ok(calendar.getFirstSubcomponent("vevent")?.hasProperty(name), name);
  });

  it("derives a stable UID from the site's host and the event's address, whatever the path prefix", () => {
    assert.equal(eventUid("/events/2025/summer-talk/", "https://ri.example.nhs.uk"), "events/2025/summer-talk@ri.example.nhs.uk");
    const [root] = parsed(eventCalendar(summer, site));
    const [prefixed] = parsed(eventCalendar(summer, { ...site, pathPrefix: "/ri/" }));
    assert.equal(root?.uid, "events/2025/summer-talk@ri.example.nhs.uk");
    assert.equal(prefixed?.uid, root?.uid);
    assert.equal(prefixed?.url, "https://ri.example.nhs.uk/ri/events/2025/summer-talk/");
    assert.equal(eventIcsUrl("/events/2025/summer-talk/"), "/events/2025/summer-talk/event.ics");
  });

  it("has no 'now' in it: DTSTAMP comes from the content, and two runs give the same bytes", () => {
    const first = eventCalendar(summer, site);
    const feed = eventsCalendar([summer, winter, allDay], site);
    assert.equal(parsed(first)[0]?.stamp, "2025-06-30T23:00:00Z", "the start of the event's London day");
    assert.equal(eventCalendar(summer, site), first);
    assert.equal(eventsCalendar([summer, winter, allDay], site), feed);
    assert.ok(!first.includes(DateTime.utc().toFormat("yyyyLLdd'T'HH")), "nothing stamped with the current hour");
    const revised = eventCalendar(summer, site, { revised: DateTime.fromISO("2025-05-02T10:15:00Z") });
    assert.match(revised, /\r\nDTSTAMP:20250502T101500Z\r\n/);
  });

  it("makes the subscription feed of several events, named for the site", () => {
    const feed = eventsCalendar([summer, winter, allDay, acrossAutumn], { ...site, name: "Research, Innovation" });
    assert.match(feed, /\r\nNAME:Research\\, Innovation events\r\nX-WR-CALNAME:Research\\, Innovation events\r\n/);
    assert.match(feed, /\r\nURL:https:\/\/ri\.example\.nhs\.uk\/events\/calendar\.ics\r\n/);
    const events = parsed(feed);
    assert.deepEqual(
      events.map((event) => [event.uid, event.start]),
      [
        ["events/2025/summer-talk@ri.example.nhs.uk", "2025-07-01T17:00:00.000Z"],
        ["events/2025/winter-talk@ri.example.nhs.uk", "2025-01-15T18:00:00.000Z"],
        ["events/2024/conference@ri.example.nhs.uk", "2024-11-07"],
        ["events/2025/night-2@ri.example.nhs.uk", "2025-10-25T21:00:00.000Z"],
      ],
    );
  });
});
