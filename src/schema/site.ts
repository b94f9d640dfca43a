import { z } from "zod";
import { text } from "./fields.ts";

const link = z.strictObject({ text: text("text", 60), href: z.string().startsWith("/", { error: "must be a site path starting with /" }) });

/** `content/_data/site.json`: what every page needs to know about the site. */
export const siteSchema = z.strictObject({
  name: text("name", 100),
  organisation: z.strictObject({
    name: text("organisation.name", 150),
    /** Header split, as nhsuk-frontend's organisational header shows it. */
    split: z.string().optional(),
    descriptor: z.string().optional(),
  }),
  url: z.url({ error: "must be the full address of the live site, such as https://www.example.nhs.uk" }),
  language: z.string().optional(),
  dateStyle: z.enum(["ordinal", "nhs"], { error: 'must be "ordinal" (12th December 2024) or "nhs" (12 December 2024)' }).optional(),
  navigation: z.array(link),
  footer: z.array(link),
});

export type Site = z.infer<typeof siteSchema>;

/** `content/_data/topics.json`: the topics a story may be tagged with. */
export const topicsSchema = z.array(
  z.strictObject({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be lowercase letters, digits and hyphens" }),
    name: text("name", 60),
    description: z.string().optional(),
  }),
);

export type Topic = z.infer<typeof topicsSchema>[number];
