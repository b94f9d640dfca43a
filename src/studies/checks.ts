import { isCalendarDate } from "../dates.ts";
import type { Problem } from "../problems.ts";
import { nearMatch } from "../suggest.ts";
import { STUDY_CONDITIONS_URL, STUDIES_URL } from "./status.ts";

/**
 * The check's rules for a study that need more than its own fields: the build day and
 * topics.json. The schema (./schema.ts) covers the rest. The check calls this for each
 * study file beside the schema, as it does the service page's review-date rule.
 */
export interface StudyCheckSettings {
  /** The build's London day, `YYYY-MM-DD`. */
  today: string;
  /** Warnings count as errors (`--strict`). */
  strict: boolean;
  /** The topics in topics.json, or undefined when that file could not be read. */
  topicSlugs?: readonly string[];
}

/**
 * The warning for a `recruiting` study past its end date. It is a warning, not an error,
 * because the site is already safe (it shows the study as closed); the editor still needs
 * to say which is true: the study closed, or its recruitment was extended.
 */
export function recruitmentEndedMessage(recruitmentEnds: string): string {
  return `"${recruitmentEnds}" has passed, so the site shows this study as closed to recruitment: if it has closed, set status: closed; if recruitment was extended, set recruitmentEnds to the new end date`;
}

/** A study still `setting-up` after the day its recruitment was to end has stale details. */
export function settingUpEndedMessage(recruitmentEnds: string): string {
  return `"${recruitmentEnds}" has passed but the status is still setting-up: set the status the study has now, or the new end date`;
}

export function reviewDuePassedMessage(reviewDue: string): string {
  return `"${reviewDue}" has passed: check the study's details are still right, then set reviewed to the day you checked them and reviewDue to the next review date`;
}

/**
 * Problems of one study's front matter against the build day and the topics. Reads the
 * front matter as YAML gave it, so it can run beside the schema's own problems: a field
 * the schema refuses is left to the schema's message.
 */
export function studyProblems(file: string, data: Readonly<Record<string, unknown>>, settings: StudyCheckSettings): Problem[] {
  const problems: Problem[] = [];
  const severity = settings.strict ? "error" : "warning";
  const ends = typeof data.recruitmentEnds === "string" && isCalendarDate(data.recruitmentEnds) ? data.recruitmentEnds : undefined;
  if (ends && ends < settings.today) {
    if (data.status === "recruiting") problems.push({ file, field: "recruitmentEnds", message: recruitmentEndedMessage(ends), severity });
    if (data.status === "setting-up") problems.push({ file, field: "recruitmentEnds", message: settingUpEndedMessage(ends), severity });
  }
  const reviewed = typeof data.reviewed === "string" && isCalendarDate(data.reviewed) ? data.reviewed : undefined;
  const due = typeof data.reviewDue === "string" && isCalendarDate(data.reviewDue) ? data.reviewDue : undefined;
  if (due && (!reviewed || due > reviewed) && due < settings.today) {
    problems.push({ file, field: "reviewDue", message: reviewDuePassedMessage(due), severity });
  }
  const topics = settings.topicSlugs;
  if (Array.isArray(data.conditions) && topics) {
    data.conditions.forEach((condition: unknown, index) => {
      if (typeof condition !== "string" || topics.includes(condition)) return;
      const guess = nearMatch(condition, topics);
      problems.push({
        file,
        field: `conditions[${index}]`,
        message: `"${condition}" is not a topic in content/_data/topics.json${guess ? ` (did you mean "${guess}"?)` : ""}; add it there first or pick an existing topic`,
        severity: "error",
      });
    });
  }
  return problems;
}

/**
 * Addresses under /studies/ the site makes itself, for the check's list of reserved
 * addresses: a study file named `conditions.md` would sit where the filter pages start.
 */
export const RESERVED_STUDY_URLS: ReadonlyMap<string, string> = new Map([
  [STUDIES_URL, "the studies register"],
  [STUDY_CONDITIONS_URL, "where the studies' condition filters start"],
]);
