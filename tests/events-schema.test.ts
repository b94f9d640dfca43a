import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schemaProblems } from "../src/check/check.ts";
import { eventNewsProblems } from "../src/content/types/event/checks.ts";
import { eventSchema } from "../src/content/types/event/schema.ts";
import { formatProblem } from "../src/content/problems.ts";

const FILE = "content/events/2025/summer-talk.md";
const event = { title: "Summer talk", summary: "A talk about research.", start: "2025-07-01T18:00" };
const lines = (data: unknown) => schemaProblems(FILE, eventSchema, data).map(formatProblem);

describe("event schema", () => {
  it("accepts a minimal and a complete event", () => {
    assert.deepEqual(lines(event), []);
    assert.deepEqual(lines({ title: "Conference", summary: "A day of talks.", start: "2024-11-07" }), []);
    assert.deepEqual(
      lines({
        ...event,
        end: "2025-07-01T20:00",
        location: "Main Hall, 1 High Street, Town",
        online: true,
        booking: "https://booking.example/summer-talk",
        cost: "Free",
        tags: ["events"],
        news: ["/news/2024/windows-of-opportunity-innovations-in-care/"],
        draft: false,
      }),
      [],
    );
    assert.deepEqual(lines({ ...event, start: "2025-07-01", end: "2025-07-03" }), [], "an all-day event may span days");
  });

  it("requires title, summary and start", () => {
    assert.deepEqual(lines({}), [
      `${FILE}: title: is required (add a line "title: ..." to the front matter)`,
      `${FILE}: summary: is required (add a line "summary: ..." to the front matter)`,
      `${FILE}: start: is required (add a line "start: ..." to the front matter)`,
    ]);
  });

  it("refuses unknown fields, with a guess for a near miss", () => {
    assert.deepEqual(lines({ ...event, locaton: "Main Hall" }), [`${FILE}: locaton: unknown field (did you mean "location"?)`]);
    assert.deepEqual(lines({ ...event, date: "2025-07-01" }), [
      `${FILE}: date: unknown field: remove it, or use one of title, summary, start, end, location, online, booking, cost, tags, news, draft`,
    ]);
  });

  it("refuses start and end that are not real London days or times, saying how to write them", () => {
    const hint = "write YYYY-MM-DD for a whole day, or YYYY-MM-DDTHH:MM for a time in London, such as 2025-07-01T18:00";
    for (const start of ["2025-02-30", "2025-07-01 18:00", "2025-07-01T18:00:00", "2025-07-01T24:00", "2025-07-01T18:60", "1 July 2025", "2025-07-01T18:00Z"]) {
      assert.deepEqual(lines({ ...event, start }), [`${FILE}: start: "${start}" is not a real date or date and time: ${hint}`], start);
    }
    assert.deepEqual(lines({ ...event, start: 20250701 }), [
      `${FILE}: start: must be a date written YYYY-MM-DD, or a date and time written YYYY-MM-DDTHH:MM, not a number`,
    ]);
  });

  it("refuses a time that does not happen in London: the hour the clocks go forward", () => {
    const message = (time: string) =>
      `${FILE}: start: "2025-03-30T${time}": ${time} on Sunday 30 March 2025 does not exist in London: the clocks go forward an hour that morning, from 01:00 straight to 02:00. Use a time before 01:00, or 02:00 or later`;
    assert.deepEqual(lines({ ...event, start: "2025-03-30T01:30" }), [message("01:30")]);
    assert.deepEqual(lines({ ...event, start: "2025-03-30T01:00" }), [message("01:00")]);
    assert.deepEqual(lines({ ...event, start: "2025-03-30T00:59" }), []);
    assert.deepEqual(lines({ ...event, start: "2025-03-30T02:00" }), []);
    assert.deepEqual(lines({ ...event, start: "2025-03-30" }), [], "the day itself exists");
    // The rule, not a table: another year's change day is found the same way.
    assert.match(lines({ ...event, start: "2026-03-29T01:15" }).join(), /Sunday 29 March 2026 does not exist in London/);
  });

  it("refuses a time that happens twice in London: the hour the clocks go back", () => {
    assert.deepEqual(lines({ ...event, start: "2025-10-26T01:30" }), [
      `${FILE}: start: "2025-10-26T01:30": 01:30 on Sunday 26 October 2025 happens twice in London: the clocks go back an hour that morning, from 02:00 to 01:00, so the hour from 01:00 comes round twice. Use a time before 01:00, or 02:00 or later, so the time is clear`,
    ]);
    assert.equal(lines({ ...event, start: "2025-10-26T00:30", end: "2025-10-26T01:00" }).length, 1, "01:00 itself happens twice");
    assert.deepEqual(lines({ ...event, start: "2025-10-26T00:59" }), []);
    assert.deepEqual(lines({ ...event, start: "2025-10-26T02:00" }), []);
  });

  it("refuses an end before the start, and an end unlike the start", () => {
    assert.deepEqual(lines({ ...event, end: "2025-07-01T17:30" }), [
      `${FILE}: end: "2025-07-01T17:30" is before start "2025-07-01T18:00": the event must end on or after the day and time it starts`,
    ]);
    assert.deepEqual(lines({ ...event, start: "2025-07-02", end: "2025-07-01" }), [
      `${FILE}: end: "2025-07-01" is before start "2025-07-02": the event must end on or after the day and time it starts`,
    ]);
    assert.deepEqual(lines({ ...event, end: "2025-07-01T18:00" }), [], "an end at the start is not before it");
    assert.deepEqual(lines({ ...event, end: "2025-07-02" }), [
      `${FILE}: end: "2025-07-02" has no time but start "2025-07-01T18:00" has one: give end a time too (YYYY-MM-DDTHH:MM), or leave end out`,
    ]);
    assert.deepEqual(lines({ ...event, start: "2025-07-01", end: "2025-07-01T20:00" }), [
      `${FILE}: end: "2025-07-01T20:00" has a time but start "2025-07-01" has none: give start a time too, or write end as a day (YYYY-MM-DD) for an all-day event`,
    ]);
  });

  it("takes booking addresses on https only", () => {
    for (const booking of [
      "http://booking.example/talk",
      "booking.example/talk",
      "https://",
      "https://booking.example/a talk",
      "javascript:alert(1)",
      "https://user:pw@booking.example/",
    ]) {
      assert.deepEqual(
        lines({ ...event, booking }),
        [
          `${FILE}: booking: "${booking}" is not a secure web address: booking must start https:// (copy the address from the browser's address bar on the booking page)`,
        ],
        booking,
      );
    }
  });

  it("takes news as a list of story addresses on this site", () => {
    const message = (value: string) =>
      `${FILE}: news[0]: "${value}" is not a news story's address on this site: write it as /news/<year>/<file name>/, such as /news/2024/windows-of-opportunity-innovations-in-care/`;
    for (const value of [
      "https://ri.example.nhs.uk/news/2024/a-story/",
      "/news/2024/a-story",
      "news/2024/a-story/",
      "/news/a-story/",
      "/services/a/",
      "/news/2024/A_Story/",
    ]) {
      assert.deepEqual(lines({ ...event, news: [value] }), [message(value)], value);
    }
    assert.deepEqual(lines({ ...event, news: "/news/2024/a-story/" }), [`${FILE}: news: must be a list of story addresses, one per line starting with -`]);
    assert.deepEqual(lines({ ...event, news: ["/news/2024/a/", "/news/2024/a/"] }), [`${FILE}: news: names the same story twice: list each story once`]);
  });

  it("checks the other fields' types and lengths as news does", () => {
    assert.deepEqual(lines({ ...event, online: "yes", tags: "events", cost: "" }), [
      `${FILE}: online: must be true or false, not text`,
      `${FILE}: cost: must not be empty`,
      `${FILE}: tags: must be a list, not text`,
    ]);
    assert.deepEqual(lines({ ...event, title: "x".repeat(151) }), [`${FILE}: title: is 151 characters long; keep it to 150 or fewer`]);
  });
});

describe("event checks across files", () => {
  it("wants each news entry to be a published story, suggesting a near miss", () => {
    const stories = new Set(["/news/2024/windows-of-opportunity-innovations-in-care/", "/news/2024/lancet-commission-on-self-harm/"]);
    const heldBack = new Map([["/news/2025/draft-story/", "a draft"]]);
    assert.deepEqual(eventNewsProblems(FILE, ["/news/2024/lancet-commission-on-self-harm/"], stories, heldBack), []);
    assert.deepEqual(eventNewsProblems(FILE, undefined, stories), []);
    assert.deepEqual(
      eventNewsProblems(
        FILE,
        ["/news/2024/lancet-commission-on-self-harm/", "/news/2024/windows-of-opportunity-innovation-in-care/", "/news/2023/other/", "/news/2025/draft-story/"],
        stories,
        heldBack,
      ).map(formatProblem),
      [
        `${FILE}: news[1]: "/news/2024/windows-of-opportunity-innovation-in-care/" is not a news story on this site (did you mean "/news/2024/windows-of-opportunity-innovations-in-care/"?): copy the story's address from the site, such as /news/2024/a-story/`,
        `${FILE}: news[2]: "/news/2023/other/" is not a news story on this site: copy the story's address from the site, such as /news/2024/a-story/`,
        `${FILE}: news[3]: "/news/2025/draft-story/" is a draft, so the live site would link to a page it does not have: publish the story first, or remove this line`,
      ],
    );
  });
});
