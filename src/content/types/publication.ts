import { defineContentType } from "../definition.ts";
import { PLACEHOLDER_SUMMARY } from "../placeholders.ts";
import { PLACEHOLDER_AUTHOR, PLACEHOLDER_JOURNAL, publicationProblems } from "./publication/checks.ts";
import { PUBLICATIONS_URL, type PublicationIndex, buildPublicationIndex, publicationUrl, toPublicationEntry } from "./publication/listing.ts";
import { publicationSchema } from "./publication/schema.ts";

/** The listing's heading and what it says it is. */
export const PUBLICATIONS_TITLE = "Publications";
export const PUBLICATIONS_SUMMARY = "Research by the Trust's staff, published in journals and elsewhere.";

/**
 * Publications, research outputs by Trust staff: `content/publications/<slug>.md`, each
 * with its authors, journal, year and DOI (linked to doi.org). Listed at /publications/,
 * newest year first; a site without any says so there.
 */
export const publication = defineContentType({
  name: "publication",
  plural: "publications",
  source: { folder: "publications" },
  url: (slug) => publicationUrl(slug),
  schema: publicationSchema,
  layout: "publication.tsx",
  topicFields: ["tags"],
  search: { type: "Publication", label: "Publications", years: (index: PublicationIndex) => index.years.map((group) => group.year) },
  fileProblems: (file, data) => publicationProblems(file, data),
  // A publication records only its year, which says nothing of when its page last changed.
  lastmod: () => undefined,
  collection: {
    name: "publications",
    build: (items): PublicationIndex => buildPublicationIndex(items.map(toPublicationEntry)),
  },
  listings: {
    reserved: [[PUBLICATIONS_URL, "the list of publications"]],
    pages: () => [{ url: PUBLICATIONS_URL, layout: "publications.tsx", data: { title: PUBLICATIONS_TITLE, summary: PUBLICATIONS_SUMMARY }, sitemap: {} }],
    urls: () => [PUBLICATIONS_URL],
  },
  cms: {
    name: "publications",
    label: "Publications",
    singular: "Publication",
    folder: "content/publications",
    preview: "publications/{{slug}}/",
    summary: "{{year}}: {{title}}",
    sortableFields: ["year", "title"],
  },
  scaffold: {
    folder: () => "publications",
    // This year stands in until the editor writes the real one; the draft and the placeholders keep it off the site meanwhile.
    frontMatter: (title, today) => ({
      title,
      authors: [PLACEHOLDER_AUTHOR],
      journal: PLACEHOLDER_JOURNAL,
      year: Number(today.slice(0, 4)),
      summary: PLACEHOLDER_SUMMARY,
      draft: true,
    }),
  },
});
