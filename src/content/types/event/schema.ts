import { z } from "zod";
import { flag, labelled, list, text, webAddressPattern, withMeta } from "../../schema/fields.ts";
import { clockChangeProblem, parseWallClock, WALL_CLOCK_HINT } from "./time.ts";

/**
 * An event's `start` or `end`: a London wall-clock day or day and time. Each way it can be
 * wrong has its own message, because "invalid" does not tell an editor what to change.
 * Kept as text (the YAML engine never turns it into a Date), so what the editor wrote is
 * what the site shows.
 */
export function londonWallClock(field: string) {
  const schema = z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required (add a line "${field}: ..." to the front matter)`
          : `must be a date written YYYY-MM-DD, or a date and time written YYYY-MM-DDTHH:MM, not ${typeof issue.input === "number" ? "a number" : "that"}`,
    })
    .superRefine((value, ctx) => {
      const wall = parseWallClock(value);
      if (!wall) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a real date or date and time: ${WALL_CLOCK_HINT}` });
        return;
      }
      const problem = clockChangeProblem(wall);
      if (problem) ctx.addIssue({ code: "custom", message: `"${value}": ${problem}` });
    });
  // Decap's date-and-time widget works in the browser's zone or UTC, not London's, and cannot leave the time out:
  // the form offers a line of text in the same shape the check reads.
  return withMeta(schema, { kind: "london-time", example: "2025-07-01T18:00" });
}

/** Booking goes through a secure page: `http:` would let anyone on the network change the form. */
const booking = withMeta(
  z.string({ error: "must be the booking page's address, such as https://www.eventbrite.co.uk/e/..." }).refine(
    (value) => {
      if (!/^https:\/\/[^\s]+$/.test(value)) return false;
      try {
        const url = new URL(value);
        return url.protocol === "https:" && url.hostname !== "" && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    {
      error: (issue) =>
        `"${String(issue.input)}" is not a secure web address: booking must start https:// (copy the address from the browser's address bar on the booking page)`,
    },
  ),
  {
    kind: "web-address",
    maxLength: 500,
    pattern: webAddressPattern(500, "Write the booking page's address, starting https://"),
    example: "https://booking.example/event",
  },
);

/** A story's address on this site, as `/news/<year>/<slug>/` (the check later makes sure the story exists). */
export const NEWS_PATH = /^\/news\/\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;

const newsPaths = withMeta(
  z
    .array(
      z.string({ error: "each entry must be a story's address, such as /news/2024/a-story/" }).refine((value) => NEWS_PATH.test(value), {
        error: (issue) =>
          `"${String(issue.input)}" is not a news story's address on this site: write it as /news/<year>/<file name>/, such as /news/2024/windows-of-opportunity-innovations-in-care/`,
      }),
      { error: (issue) => (issue.input === undefined ? "is required" : "must be a list of story addresses, one per line starting with -") },
    )
    .refine((paths) => new Set(paths).size === paths.length, { error: "names the same story twice: list each story once" }),
  { kind: "list", example: "/news/2024/a-story/" },
);

/** An event: `content/events/<year>/<slug>.md`, the year of its start. */
export const eventSchema = z
  .strictObject({
    title: text("title", 150),
    summary: text("summary", 300),
    start: labelled(londonWallClock("start"), "Starts", "The day, as 2025-07-01, or the day and London time, as 2025-07-01T18:00."),
    end: labelled(
      londonWallClock("end"),
      "Ends",
      "Optional, written as the start is (both with a time, or both without). Not before the start.",
    ).optional(),
    location: labelled(text("location", 300), "Where", "The place's name and address, as one line. Leave empty for an online-only event.").optional(),
    online: labelled(flag("online"), "Online", "Ticked: people can join online (with a place as well, the event is both).").optional(),
    booking: labelled(booking, "Booking page", "The address of the page where people book, starting https://").optional(),
    cost: labelled(text("cost", 100), "Cost", "Such as Free, or £25.").optional(),
    tags: withMeta(list("tags"), { kind: "topics" }).optional(),
    news: labelled(newsPaths, "News stories about the event", "Each story's address on this site, such as /news/2024/a-story/").optional(),
    draft: flag("draft").optional(),
  })
  .superRefine((event, ctx) => {
    if (event.end === undefined) return;
    const start = parseWallClock(event.start);
    const end = parseWallClock(event.end);
    if (!start || !end) return;
    if (Boolean(start.time) !== Boolean(end.time)) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: start.time
          ? `"${event.end}" has no time but start "${event.start}" has one: give end a time too (YYYY-MM-DDTHH:MM), or leave end out`
          : `"${event.end}" has a time but start "${event.start}" has none: give start a time too, or write end as a day (YYYY-MM-DD) for an all-day event`,
      });
      return;
    }
    // Same-shaped ISO texts compare as strings; London's wall clock is what the editor means by "before".
    if (event.end < event.start) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `"${event.end}" is before start "${event.start}": the event must end on or after the day and time it starts`,
      });
    }
  });

export type EventFrontMatter = z.infer<typeof eventSchema>;
