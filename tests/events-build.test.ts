import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import ICAL from "ical.js";
import { type FixtureOptions, buildFixture, makeContent, markdownFile, readPage, runCli, tempDir } from "./helpers/fixture-site.ts";

/**
 * Events through the whole build, as the site publishes them: a fixture site with a
 * summer and a winter evening event (18:00 London either side of the clock changes), an
 * all-day event spanning days, and the story one of them names. Built twice, on the day
 * before the summer event and the day after it, as the nightly rebuild would. Run under
 * several TZ values by .ci/run: nothing here may depend on the machine's zone.
 */

const STORY = "/news/2025/summer-talk-announced/";
const event = (slug: string, data: Record<string, unknown>) => ({
  [`events/${String(data.start).slice(0, 4)}/${slug}.md`]: markdownFile(data, `About ${String(data.title)}.`),
});
const FIXTURE: FixtureOptions = {
  stories: [{ slug: "summer-talk-announced", title: "Summer talk announced", date: "2025-06-01", summary: "An evening talk is coming.", tags: ["events"] }],
  files: {
    ...event("summer-talk", {
      title: "Summer talk",
      summary: "An evening talk in July.",
      start: "2025-07-01T18:00",
      end: "2025-07-01T20:00",
      location: "Main Hall, 1 High Street, Town",
      booking: "https://booking.example/summer-talk",
      cost: "Free",
      tags: ["events"],
      news: [STORY],
    }),
    ...event("winter-talk", { title: "Winter talk", summary: "An evening talk in January.", start: "2025-01-15T18:00", online: true }),
    ...event("autumn-conference", { title: "Autumn conference", summary: "Three days of research.", start: "2025-09-10", end: "2025-09-12" }),
  },
};

type Built = Awaited<ReturnType<typeof buildFixture>>;
let beforeIt: Built;
let afterIt: Built;

before(async () => {
  beforeIt = await buildFixture(FIXTURE, { RI_BUILD_DATE: "2025-06-30" });
  afterIt = await buildFixture(FIXTURE, { RI_BUILD_DATE: "2025-07-02" });
});
after(async () => {
  await beforeIt.cleanup();
  await afterIt.cleanup();
});

const read = (built: Built, url: string) => readFile(path.join(built.output, url), "utf8");
const jsonLd = async (built: Built, url: string) =>
  JSON.parse((await readPage(built.output, url)).querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as Record<string, unknown>;

/** Each VEVENT's UID with its start and end as UTC instants, read by ical.js (Mozilla's parser, not the writer). */
function instants(text: string): Array<{ uid: string; start: string; end: string | undefined; allDay: boolean }> {
  return ICAL.Component.fromString(text)
    .getAllSubcomponents("vevent")
    .map((component) => {
      const parsed = new ICAL.Event(component);
      return {
        uid: parsed.uid,
        start: parsed.startDate.isDate ? parsed.startDate.toString() : parsed.startDate.toJSDate().toISOString(),
        end: parsed.endDate ? (parsed.endDate.isDate ? parsed.endDate.toString() : parsed.endDate.toJSDate().toISOString()) : undefined,
        allDay: parsed.startDate.isDate,
      };
    });
}

describe("events in a built site", () => {
  it("give 18:00 London with its summer and winter offset in the JSON-LD", async () => {
    const summer = await jsonLd(beforeIt, "/events/2025/summer-talk/");
    assert.equal(summer.startDate, "2025-07-01T18:00:00+01:00");
    assert.equal(summer.endDate, "2025-07-01T20:00:00+01:00");
    assert.equal(summer.eventAttendanceMode, "https://schema.org/OfflineEventAttendanceMode");
    assert.equal(summer.eventStatus, "https://schema.org/EventScheduled");
    const winter = await jsonLd(beforeIt, "/events/2025/winter-talk/");
    assert.equal(winter.startDate, "2025-01-15T18:00:00+00:00");
    assert.equal(new Date(String(winter.startDate)).toISOString(), "2025-01-15T18:00:00.000Z");
    assert.equal(winter.eventAttendanceMode, "https://schema.org/OnlineEventAttendanceMode");
  });

  it("write each event's calendar file in UTC, which an independent parser reads as the same instants", async () => {
    const summer = await read(beforeIt, "/events/2025/summer-talk/event.ics");
    assert.match(summer, /^DTSTART:20250701T170000Z\r$/m);
    assert.match(summer, /^DTEND:20250701T190000Z\r$/m);
    assert.deepEqual(instants(summer), [
      { uid: "events/2025/summer-talk@ri.example.nhs.uk", start: "2025-07-01T17:00:00.000Z", end: "2025-07-01T19:00:00.000Z", allDay: false },
    ]);
    const winter = await read(beforeIt, "/events/2025/winter-talk/event.ics");
    assert.match(winter, /^DTSTART:20250115T180000Z\r$/m);
    assert.deepEqual(
      instants(winter).map((found) => found.start),
      ["2025-01-15T18:00:00.000Z"],
    );
    // All day: London dates, with the exclusive end day RFC 5545 asks for.
    assert.deepEqual(instants(await read(beforeIt, "/events/2025/autumn-conference/event.ics")), [
      { uid: "events/2025/autumn-conference@ri.example.nhs.uk", start: "2025-09-10", end: "2025-09-13", allDay: true },
    ]);
  });

  it("write the same calendar file bytes whatever day the site is built", async () => {
    for (const slug of ["summer-talk", "winter-talk", "autumn-conference"]) {
      const url = `/events/2025/${slug}/event.ics`;
      assert.equal(await read(afterIt, url), await read(beforeIt, url), url);
    }
  });

  it("offer every upcoming and recent event to subscribe to, in the same instants", async () => {
    const feed = instants(await read(beforeIt, "/events/calendar.ics"));
    assert.deepEqual(
      feed.map((found) => found.uid),
      ["events/2025/summer-talk@ri.example.nhs.uk", "events/2025/autumn-conference@ri.example.nhs.uk", "events/2025/winter-talk@ri.example.nhs.uk"],
    );
    assert.equal(feed[0]?.start, "2025-07-01T17:00:00.000Z");
  });

  it("move from upcoming to past when the build day passes them", async () => {
    const listed = async (built: Built, section: string) =>
      [...(await readPage(built.output, "/events/")).querySelectorAll(`section[aria-labelledby="${section}"] .nhsuk-card__link`)].map((link) =>
        link.getAttribute("href"),
      );
    assert.deepEqual(await listed(beforeIt, "upcoming"), ["/events/2025/summer-talk/", "/events/2025/autumn-conference/"]);
    assert.deepEqual(await listed(beforeIt, "past"), ["/events/2025/winter-talk/"]);
    assert.deepEqual(await listed(afterIt, "upcoming"), ["/events/2025/autumn-conference/"]);
    assert.deepEqual(await listed(afterIt, "past"), ["/events/2025/summer-talk/", "/events/2025/winter-talk/"]);

    const page = async (built: Built) => (await readPage(built.output, "/events/2025/summer-talk/")).body.textContent;
    assert.doesNotMatch(await page(beforeIt), /This event has passed/);
    assert.match(await page(beforeIt), /Book a place/);
    assert.match(await page(afterIt), /This event has passed/);
    assert.doesNotMatch(await page(afterIt), /Book a place/);

    const home = async (built: Built) =>
      [...(await readPage(built.output, "/")).querySelectorAll('section[aria-labelledby="upcoming-events"] .nhsuk-card__link')].map((link) =>
        link.getAttribute("href"),
      );
    assert.deepEqual(await home(beforeIt), ["/events/2025/summer-talk/", "/events/2025/autumn-conference/"]);
    assert.deepEqual(await home(afterIt), ["/events/2025/autumn-conference/"]);
  });

  it("link an event and its story both ways", async () => {
    const eventPage = await readPage(beforeIt.output, "/events/2025/summer-talk/");
    assert.equal(eventPage.querySelector("#event-news + ul .nhsuk-card__link")?.getAttribute("href"), STORY);
    const story = await readPage(beforeIt.output, STORY);
    assert.equal(story.querySelector("#about-the-event")?.textContent, "About the event");
    assert.equal(story.querySelector("#about-the-event + ul .nhsuk-card__link")?.getAttribute("href"), "/events/2025/summer-talk/");
  });

  it("are in the sitemap and searchable as events of their year", async () => {
    const sitemap = await read(beforeIt, "/sitemap.xml");
    for (const url of ["/events/", "/events/2025/summer-talk/"]) assert.ok(sitemap.includes(`<loc>https://ri.example.nhs.uk${url}</loc>`), url);
    const page = await readPage(beforeIt.output, "/events/2025/summer-talk/");
    assert.ok(page.querySelector('[data-pagefind-body] [data-pagefind-filter="type:Event"]'));
    assert.ok(page.querySelector('[data-pagefind-body] [data-pagefind-filter="year:2025"]'));
  });
});

describe("the check on events", () => {
  it("refuses London times that do not exist or happen twice, a start in another year's folder and a story that is not there", async () => {
    const root = await tempDir("events-check");
    const content = await makeContent(root, {
      files: {
        "events/2025/spring-forward.md": markdownFile({ title: "Spring forward", summary: "Too early.", start: "2025-03-30T01:30" }),
        "events/2025/fall-back.md": markdownFile({ title: "Fall back", summary: "Twice.", start: "2025-10-26T01:30" }),
        "events/2025/next-year.md": markdownFile({ title: "Next year", summary: "Wrong folder.", start: "2026-01-10T18:00" }),
        "events/2025/no-story.md": markdownFile({ title: "No story", summary: "Links nowhere.", start: "2025-05-01", news: ["/news/2025/missing/"] }),
      },
    });
    const result = await runCli("check", [content]);
    assert.notEqual(result.code, 0);
    const lines = result.stderr + result.stdout;
    assert.match(
      lines,
      /content\/events\/2025\/spring-forward\.md:\d+: start: "2025-03-30T01:30": 01:30 on Sunday 30 March 2025 does not exist in London: the clocks go forward an hour that morning, from 01:00 straight to 02:00/,
    );
    assert.match(
      lines,
      /content\/events\/2025\/fall-back\.md:\d+: start: "2025-10-26T01:30": 01:30 on Sunday 26 October 2025 happens twice in London: the clocks go back an hour that morning/,
    );
    assert.match(
      lines,
      /content\/events\/2025\/next-year\.md:\d+: start: "2026-01-10T18:00" is in 2026 but the file is in the 2025 folder: move it to content\/events\/2026\//,
    );
    assert.match(lines, /content\/events\/2025\/no-story\.md:\d+: news\[0\]: "\/news\/2025\/missing\/" is not a news story on this site/);
  });
});
