import { z } from "zod";
import { flag, labelled, list, text, withMeta } from "../../schema/fields.ts";

/**
 * A research output by Trust staff: `content/publications/<slug>.md`, with the fields of
 * DESIGN.md's Publication entry. Messages follow the check's form: read after
 * "file: field: ", they say what is wrong and how to put it right.
 */

/** A DOI as doi.org resolves it: the `10.` directory prefix, a registrant code, a slash and the item's suffix. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;
const DOI_EXAMPLE = "10.1000/xyz123";

/** The DOI inside what an editor may paste instead (a doi.org link, a `doi:` label), if that is all it needs. */
function doiIn(value: string): string | undefined {
  const bare = value
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "");
  return bare !== value && DOI_PATTERN.test(bare) ? bare : undefined;
}

const doi = withMeta(
  z
    .string({ error: `must be text: write the DOI alone, such as doi: "${DOI_EXAMPLE}"` })
    .refine((value) => value.length <= 300, { error: "is longer than any DOI: write the DOI alone, such as " + DOI_EXAMPLE })
    .superRefine((value, context) => {
      if (value.length > 300 || DOI_PATTERN.test(value)) return;
      const guess = doiIn(value);
      context.addIssue({
        code: "custom",
        message: `"${value}" is not a DOI: write it as 10., digits, a slash and the rest, such as "${DOI_EXAMPLE}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
      });
    }),
  {
    kind: "text",
    maxLength: 300,
    pattern: [DOI_PATTERN.source, `Write the DOI alone, such as ${DOI_EXAMPLE}, without https://doi.org/.`],
    example: DOI_EXAMPLE,
  },
);

/** The year it was published: YAML reads `year: 2024` as a number, which is what the site sorts by. */
const year = withMeta(
  z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? 'is required (add a line "year: ..." to the front matter, such as year: 2024)'
          : `must be a year written with four digits and no quotes, such as year: 2024`,
    })
    .int({ error: "must be a year written with four digits, such as year: 2024" })
    .min(1000, { error: "must be a year written with four digits, such as year: 2024" })
    .max(9999, { error: "must be a year written with four digits, such as year: 2024" }),
  { kind: "number", min: 1000, max: 9999 },
);

const authors = withMeta(
  list("authors")
    .refine((names) => names.length > 0, { error: 'must name at least one author, one a line starting "  - "' })
    .refine((names) => names.every((name) => name.trim() !== ""), { error: "has an empty name: write each author, or remove the empty line" }),
  { kind: "list", itemLabel: "Author" },
);

export const publicationSchema = z.strictObject({
  // The titles of papers run longer than a story's.
  title: text("title", 300),
  authors: labelled(authors, "Authors", "One name a line, in the order the paper gives them."),
  journal: labelled(text("journal", 300), "Journal", "Where it was published: the journal's name, or the book or conference."),
  year: labelled(year, "Year", "The year it was published, such as 2024."),
  doi: labelled(doi, "DOI", `Optional. The DOI alone, such as ${DOI_EXAMPLE}. The page links it to doi.org.`).optional(),
  summary: text("summary", 300),
  // Its topics, named `tags` as a story's and an event's are: a field named `topics` would
  // hide the site's list of topics, which every layout receives under that name.
  tags: withMeta(list("tags"), { kind: "topics" }).optional(),
  draft: flag("draft").optional(),
});

/** The front matter as the schema accepts it: what the publication layout receives. */
export type PublicationFrontMatter = z.infer<typeof publicationSchema>;

/** The DOI's address at doi.org: a DOI may hold characters that an address would otherwise read as its query or fragment. */
export function doiUrl(value: string): string {
  return `https://doi.org/${encodeURI(value).replace(/[?#]/g, encodeURIComponent)}`;
}
