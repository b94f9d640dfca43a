import { type PublicationFrontMatter, doiUrl } from "./schema.ts";

/**
 * schema.org `ScholarlyArticle` data for a publication's page, written into a
 * `<script type="application/ld+json">` with `scriptSafeJson`, like a study's MedicalStudy.
 */
export interface ScholarlyArticleInput {
  /** The page's absolute URL. */
  url: string;
  publication: Pick<PublicationFrontMatter, "title" | "summary" | "authors" | "journal" | "year" | "doi">;
  /** The names of its topics (not their slugs). */
  topics: readonly string[];
}

export function scholarlyArticle({ url, publication, topics }: ScholarlyArticleInput): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    url,
    mainEntityOfPage: url,
    headline: publication.title,
    name: publication.title,
    description: publication.summary,
    author: publication.authors.map((name) => ({ "@type": "Person", name })),
    // A year alone is a valid ISO 8601 date, and all the site knows.
    datePublished: String(publication.year),
    isPartOf: { "@type": "Periodical", name: publication.journal },
  };
  if (publication.doi) {
    data.identifier = { "@type": "PropertyValue", propertyID: "DOI", value: publication.doi, url: doiUrl(publication.doi) };
    data.sameAs = doiUrl(publication.doi);
  }
  if (topics.length) data.keywords = topics.join(", ");
  return data;
}
