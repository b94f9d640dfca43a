import { registryEntries } from "./registries.ts";
import type { StudyFrontMatter, StudyStatus } from "./schema.ts";

/**
 * schema.org `MedicalStudy` data for a study page, written into a
 * `<script type="application/ld+json">` with `scriptSafeJson` (src/structured-data.ts),
 * like a story's NewsArticle.
 */

/**
 * The site's statuses as schema.org's MedicalStudyStatus members
 * (https://schema.org/MedicalStudyStatus). "closed" means closed to recruitment while the
 * study goes on, which is ActiveNotRecruiting; the status given is the one the site shows,
 * so a study past its recruitment end date is never marked Recruiting.
 */
export const SCHEMA_ORG_STUDY_STATUS: Readonly<Record<StudyStatus, string>> = {
  "setting-up": "https://schema.org/NotYetRecruiting",
  recruiting: "https://schema.org/Recruiting",
  closed: "https://schema.org/ActiveNotRecruiting",
  completed: "https://schema.org/Completed",
};

export interface MedicalStudyInput {
  /** The page's absolute URL. */
  url: string;
  study: Pick<StudyFrontMatter, "title" | "acronym" | "summary" | "sponsor" | "iras" | "isrctn" | "nct">;
  /** The status the site shows on the build day (see effectiveStatus). */
  shownStatus: StudyStatus;
  /** The names of the study's conditions (topic names, not slugs). */
  conditions: readonly string[];
}

export function medicalStudy({ url, study, shownStatus, conditions }: MedicalStudyInput): Record<string, unknown> {
  const registries = registryEntries(study);
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "MedicalStudy",
    url,
    mainEntityOfPage: url,
    name: study.title,
    description: study.summary,
    status: SCHEMA_ORG_STUDY_STATUS[shownStatus],
  };
  if (study.acronym) data.alternateName = study.acronym;
  if (conditions.length) {
    const named = conditions.map((name) => ({ "@type": "MedicalCondition", name }));
    // healthCondition says whom the study is for; studySubject what it looks at. A study's
    // conditions are both, and search engines read one or the other.
    data.healthCondition = named;
    data.studySubject = named;
  }
  if (study.sponsor) data.sponsor = { "@type": "Organization", name: study.sponsor };
  if (registries.length) {
    data.identifier = registries.map((entry) => ({
      "@type": "PropertyValue",
      propertyID: entry.field === "iras" ? "IRAS" : entry.field === "isrctn" ? "ISRCTN" : "ClinicalTrials.gov",
      value: entry.id,
      ...(entry.url ? { url: entry.url } : {}),
    }));
    const pages = registries.flatMap((entry) => (entry.url ? [entry.url] : []));
    if (pages.length) data.sameAs = pages;
  }
  return data;
}
