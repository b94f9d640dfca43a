import { z } from "zod";
import { calendarDate, flag, labelled, ordered, text, wholeNumber } from "./fields.ts";

/** A service page: `content/services/<slug>.md`. */
export const serviceSchema = z
  .strictObject({
    title: text("title", 150),
    summary: text("summary", 300),
    reviewed: calendarDate("reviewed"),
    reviewDue: calendarDate("reviewDue").optional(),
    order: labelled(wholeNumber("order"), "Order", "Where the service comes in lists: 1 first. Leave empty to list by title.").optional(),
    draft: flag("draft").optional(),
  })
  .refine((page) => ordered(page.reviewed, page.reviewDue, false), {
    path: ["reviewDue"],
    error: (issue) => {
      const page = issue.input as { reviewed?: string; reviewDue?: string };
      return `"${page.reviewDue}" must be after the reviewed date "${page.reviewed}"`;
    },
  });

export type ServiceFrontMatter = z.infer<typeof serviceSchema>;
