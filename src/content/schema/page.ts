import { z } from "zod";
import { calendarDate, flag, text } from "./fields.ts";

/** Any other page: `content/pages/<slug>.md`. */
export const pageSchema = z.strictObject({
  title: text("title", 150),
  summary: text("summary", 300),
  reviewed: calendarDate("reviewed").optional(),
  draft: flag("draft").optional(),
});

/** The home page `content/index.md`: a page that cannot be a draft, because the site needs it. */
export const homeSchema = pageSchema.omit({ draft: true });

export type PageFrontMatter = z.infer<typeof pageSchema>;
