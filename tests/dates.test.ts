import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareDates, formatDate, isCalendarDate, isoDate, londonToday, parseCalendarDate, toCalendarDate } from "../src/content/dates.ts";

describe("parseCalendarDate", () => {
  it("accepts real calendar dates", () => {
    assert.equal(parseCalendarDate("2024-12-12")?.toISODate(), "2024-12-12");
    assert.equal(parseCalendarDate("2024-02-29")?.toISODate(), "2024-02-29");
  });

  it("rejects dates that js-yaml would roll over", () => {
    for (const text of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10"]) {
      assert.equal(parseCalendarDate(text), null, text);
    }
  });

  it("rejects anything not written YYYY-MM-DD", () => {
    for (const text of ["12/12/2024", "2024-12-12T10:00:00Z", "2024-1-5", "", " 2024-12-12"]) {
      assert.equal(parseCalendarDate(text), null, text);
    }
  });

  it("places the date at the start of that day in Europe/London", () => {
    const summer = parseCalendarDate("2024-07-01");
    assert.equal(summer?.zoneName, "Europe/London");
    assert.equal(summer?.toISO(), "2024-07-01T00:00:00.000+01:00");
  });
});

describe("formatDate", () => {
  it("uses the Trust's ordinal house style by default", () => {
    assert.equal(formatDate("2024-12-12"), "12th December 2024");
    assert.equal(formatDate("2024-11-18"), "18th November 2024");
    assert.equal(formatDate("2024-10-10"), "10th October 2024");
  });

  it("gives every day its ordinal suffix", () => {
    const expected: Record<number, string> = {
      1: "1st",
      2: "2nd",
      3: "3rd",
      4: "4th",
      11: "11th",
      12: "12th",
      13: "13th",
      21: "21st",
      22: "22nd",
      23: "23rd",
      30: "30th",
      31: "31st",
    };
    for (const [day, text] of Object.entries(expected)) {
      assert.equal(formatDate(`2025-01-${day.padStart(2, "0")}`), `${text} January 2025`);
    }
  });

  it("uses the NHS content style when asked", () => {
    assert.equal(formatDate("2024-12-12", "nhs"), "12 December 2024");
    assert.equal(formatDate("2024-10-01", "nhs"), "1 October 2024");
  });

  it("keeps the calendar day on the UK clock-change days", () => {
    // Clocks went forward on 31 March 2024 and back on 27 October 2024.
    assert.equal(formatDate("2024-03-31"), "31st March 2024");
    assert.equal(isoDate("2024-03-31"), "2024-03-31");
    assert.equal(formatDate("2024-10-27", "nhs"), "27 October 2024");
    assert.equal(isoDate("2024-10-27"), "2024-10-27");
  });

  it("keeps 31 December and 1 January in their own years", () => {
    assert.equal(formatDate("2024-12-31"), "31st December 2024");
    assert.equal(formatDate("2025-01-01"), "1st January 2025");
    assert.equal(isoDate("2024-12-31"), "2024-12-31");
    assert.equal(isoDate("2025-01-01"), "2025-01-01");
  });
});

describe("toCalendarDate", () => {
  it("reads Eleventy's UTC-midnight Date as the same calendar day, whatever the machine's zone", () => {
    assert.equal(isoDate(new Date("2024-12-12T00:00:00Z")), "2024-12-12");
    assert.equal(isoDate(new Date("2025-01-01T00:00:00Z")), "2025-01-01");
    assert.equal(isoDate(new Date("2024-03-31T00:00:00Z")), "2024-03-31");
    assert.equal(formatDate(new Date("2024-12-31T00:00:00Z")), "31st December 2024");
  });

  it("throws on text that is not a real date", () => {
    assert.throws(() => toCalendarDate("2024-02-30"), /not a real date/);
  });
});

describe("londonToday", () => {
  it("is the London calendar day, not the UTC one", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    assert.equal(londonToday(new Date("2024-06-30T23:30:00Z")).toISODate(), "2024-07-01");
    // In winter London is on UTC: 23:30 on 31 December is still 2024.
    assert.equal(londonToday(new Date("2024-12-31T23:30:00Z")).toISODate(), "2024-12-31");
    assert.equal(londonToday(new Date("2025-01-01T00:00:00Z")).toISODate(), "2025-01-01");
  });

  it("handles the hour the clocks go forward", () => {
    // 00:30 UTC on 31 March 2024 is 00:30 GMT; 01:30 UTC is 02:30 BST.
    assert.equal(londonToday(new Date("2024-03-31T00:30:00Z")).toISODate(), "2024-03-31");
    assert.equal(londonToday(new Date("2024-03-30T23:59:00Z")).toISODate(), "2024-03-30");
  });
});

describe("compareDates", () => {
  it("orders calendar days", () => {
    assert.ok(compareDates("2024-12-31", "2025-01-01") < 0);
    assert.equal(compareDates("2024-12-12", new Date("2024-12-12T00:00:00Z")), 0);
  });
});

describe("isCalendarDate", () => {
  it("agrees with parseCalendarDate on every day of a leap and a common year, and on impossible days", () => {
    for (const year of [2023, 2024, 1900, 2000]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          assert.equal(isCalendarDate(text), parseCalendarDate(text) !== null, text);
        }
      }
    }
    assert.equal(isCalendarDate("2024-1-05"), false);
  });
});
