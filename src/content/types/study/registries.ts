import { ISRCTN_PATTERN, NCT_PATTERN, type StudyFrontMatter } from "./schema.ts";

/**
 * A study's public registry entries. ISRCTN and ClinicalTrials.gov give every study a
 * page at an address made from its number alone, so those become links.
 *
 * An IRAS ID has no such page: IRAS itself is a sign-in system for applicants, and the
 * HRA's public research summaries are addressed by a title slug, not by the IRAS ID, and
 * exist only for some studies. A link made up from the ID would break, so the IRAS ID is
 * shown as text: a researcher or a participant can quote it to the study team or the HRA.
 */
export interface RegistryEntry {
  field: "iras" | "isrctn" | "nct";
  /** What the identifier is, as a reader sees it. */
  name: string;
  id: string;
  /** The public page, when the registry has one per identifier. */
  url?: string;
  /** The registry's name, for the link's accessible text. */
  registry?: string;
}

export const isrctnUrl = (id: string): string => `https://www.isrctn.com/${encodeURIComponent(id)}`;
export const clinicalTrialsUrl = (id: string): string => `https://clinicaltrials.gov/study/${encodeURIComponent(id)}`;

/**
 * The identifiers a study gives, IRAS first (the UK approval number), then ISRCTN, then
 * ClinicalTrials.gov. Only an identifier in its registry's form is linked: the check
 * refuses any other, and this keeps a bad one from becoming a link that leads nowhere.
 */
export function registryEntries(study: Pick<StudyFrontMatter, "iras" | "isrctn" | "nct">): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  if (study.iras) entries.push({ field: "iras", name: "IRAS ID", id: study.iras });
  if (study.isrctn) {
    entries.push(
      ISRCTN_PATTERN.test(study.isrctn)
        ? { field: "isrctn", name: "ISRCTN", id: study.isrctn, url: isrctnUrl(study.isrctn), registry: "the ISRCTN registry" }
        : { field: "isrctn", name: "ISRCTN", id: study.isrctn },
    );
  }
  if (study.nct) {
    entries.push(
      NCT_PATTERN.test(study.nct)
        ? { field: "nct", name: "ClinicalTrials.gov ID", id: study.nct, url: clinicalTrialsUrl(study.nct), registry: "ClinicalTrials.gov" }
        : { field: "nct", name: "ClinicalTrials.gov ID", id: study.nct },
    );
  }
  return entries;
}
