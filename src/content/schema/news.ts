import { z } from "zod";
import { IMAGES_FOLDER, IMAGES_URL } from "../site-urls.ts";
import { calendarDate, flag, labelled, list, ordered, text, withMeta } from "./fields.ts";

/** An editor's image, in the site's own images folder: never another site's, never a path out of it. */
export function isImagePath(value: string): boolean {
  if (!value.startsWith(IMAGES_URL) || /[\\\s?#]/.test(value)) return false;
  return value
    .slice(IMAGES_URL.length)
    .split("/")
    .every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

export const imageSchema = z
  .strictObject(
    {
      src: withMeta(
        text("image.src", 500).refine(isImagePath, {
          error: `must be an image in content/${IMAGES_FOLDER}/, written ${IMAGES_URL}<name>, such as ${IMAGES_URL}team-photo.jpg`,
        }),
        { kind: "image-file", maxLength: 500 },
      ),
      alt: withMeta(
        z.string({
          error: (issue) =>
            issue.input === undefined ? 'is required: describe the image for people who cannot see it, or write alt: "" and decorative: true' : "must be text",
        }),
        { kind: "text" },
      ),
      decorative: flag("image.decorative").optional(),
      // Shown under the image on the story's page (the NHS image component's caption).
      caption: text("image.caption", 300).optional(),
    },
    { error: (issue) => (issue.input === undefined ? "is required" : "must be a group of fields: src, alt and optionally caption") },
  )
  .refine((image) => image.alt.trim() !== "" || image.decorative === true, {
    path: ["alt"],
    error: 'is empty: describe the image, or add "decorative: true" if it adds no information',
  });

/** A news story: `content/news/<year>/<slug>.md`. */
export const newsSchema = z
  .strictObject({
    title: text("title", 150),
    date: labelled(calendarDate("date"), "Date published", "A story dated after today stays off the live site until that day."),
    summary: text("summary", 300),
    tags: withMeta(list("tags"), { kind: "topics" }).optional(),
    updated: labelled(calendarDate("updated"), "Updated on", "Only if the story was changed after it was published.").optional(),
    draft: flag("draft").optional(),
    image: imageSchema.optional(),
  })
  .refine((story) => ordered(story.date, story.updated, true), {
    path: ["updated"],
    error: (issue) => {
      const story = issue.input as { date?: string; updated?: string };
      return `"${story.updated}" is before the story's date "${story.date}"; it must be the same day or later`;
    },
  });

export type NewsFrontMatter = z.infer<typeof newsSchema>;
