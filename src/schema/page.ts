import { z } from "zod";
import { calendarDate, text } from "./fields.ts";

/** Any other page: `content/pages/<slug>.md`, and the home page `content/index.md`. */
export const pageSchema = z.strictObject({
  title: text("title", 150),
  summary: text("summary", 300),
  reviewed: calendarDate("reviewed").optional(),
});

export type PageFrontMatter = z.infer<typeof pageSchema>;
