import { z } from "zod";
import { emailAddress, phoneNumber, text } from "./fields.ts";

/**
 * A link in the site's navigation or footer: a path on this site, which the build puts
 * under the path prefix. `//host` and backslashes are refused: browsers read both as
 * another site's address.
 */
const sitePath = z
  .string({ error: "must be a site path starting with /, such as /services/" })
  .regex(/^\/(?![/\\])[^\\\s]*$/, { error: 'must be a path on this site, starting with one "/" and without spaces or backslashes, such as /services/' });

const link = z.strictObject({ text: text("text", 60), href: sitePath });

/** The live site's address: https, and nothing after the domain (no folder, query or fragment). */
const siteOrigin = z.url({ error: "must be the full address of the live site, such as https://www.example.nhs.uk" }).refine(
  (value) => {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password && url.pathname === "/" && !url.search && !url.hash && !/[?#]/.test(value);
  },
  { error: "must be an https:// address with nothing after the domain, such as https://www.example.nhs.uk (a site in a folder sets RI_PATH_PREFIX instead)" },
);

/**
 * The site's language, as every page's `lang`, the feeds' `xml:lang` and the schema.org
 * data say it: a well-formed BCP 47 tag (Intl refuses any other), such as `en-GB`.
 */
const languageTag = z.string().refine(
  (value) => {
    try {
      return value.length <= 35 && Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'must be a language tag such as "en-GB" or "cy" (BCP 47: the language, then "-" and the country if needed)' },
);

/**
 * How visitors reach the department: shown in every page's footer, on /contact/ and in the
 * organisation's JSON-LD. Optional, because only the Trust can give it (the check warns
 * while it is missing); never invented.
 */
export const siteContactSchema = z.strictObject(
  {
    email: emailAddress('is required: the address visitors write to, such as "email": "research@example.nhs.uk"'),
    phone: phoneNumber().optional(),
    /** The postal address, one line per line as a letter shows it. */
    address: z.array(text("contact.address", 100), { error: 'must be a list of lines, such as "address": ["Trust Headquarters", "Stafford", "ST16 3SR"]' }).min(1, { error: "must have at least one line" }).optional(),
    /** When the phone is answered, as one line of text. */
    hours: text("contact.hours", 150).optional(),
  },
  { error: 'must be a group of fields: "email", and optionally "phone", "address" and "hours"' },
);

export type SiteContact = z.infer<typeof siteContactSchema>;

/** `content/_data/site.json`: what every page needs to know about the site. */
export const siteSchema = z.strictObject({
  name: text("name", 100),
  organisation: z.strictObject({
    name: text("organisation.name", 150),
    /** Header split, as nhsuk-frontend's organisational header shows it. */
    split: z.string().optional(),
    descriptor: z.string().optional(),
  }),
  url: siteOrigin,
  language: languageTag.optional(),
  dateStyle: z.enum(["ordinal", "nhs"], { error: 'must be "ordinal" (12th December 2024) or "nhs" (12 December 2024)' }).optional(),
  navigation: z.array(link),
  footer: z.array(link),
  contact: siteContactSchema.optional(),
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
