import type { PageData } from "../page-data.ts";
import type { StudyFrontMatter } from "./schema.ts";
import type { StudyRegister } from "./status.ts";

/**
 * What the study layouts receive. They sit beside src/page-data.ts's types until studies
 * are a content type definition; then these move there.
 */

/** A study page: the page data and the study's validated front matter; `buildDate` decides its shown status. */
export type StudyPageData = PageData & StudyFrontMatter;

/** The register (/studies/) and each condition's page (/studies/conditions/<topic>/). */
export type StudiesPageData = PageData & {
  studyRegister: StudyRegister;
  /** The topic slug of a condition's page; absent on the register itself. */
  studyCondition?: string;
};
