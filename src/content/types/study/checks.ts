import { isCalendarDate } from "../../dates.ts";
import type { Problem } from "../../problems.ts";
import { PLACEHOLDER_EMAIL, PLACEHOLDER_POINT } from "../../placeholders.ts";

/**
 * The check's rules for a study that need the build day; the schema (./schema.ts) covers
 * its own fields. The definition (../study.ts) gives this to the check as `fileProblems`;
 * the rules every type shares (reviewDue passed, topics in `conditions`) come from the
 * check itself, so they are not repeated here.
 */
export interface StudyCheckSettings {
  /** The build's London day, `YYYY-MM-DD`. */
  today: string;
  /** Warnings count as errors (`--strict`). */
  strict: boolean;
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

/**
 * Problems of one study's front matter against the build day. Reads the front matter as
 * YAML gave it, so it can run beside the schema's own problems: a field the schema
 * refuses is left to the schema's message.
 */
export function studyProblems(file: string, data: Readonly<Record<string, unknown>>, settings: StudyCheckSettings): Problem[] {
  const problems: Problem[] = [];
  const severity = settings.strict ? "error" : "warning";
  const ends = typeof data.recruitmentEnds === "string" && isCalendarDate(data.recruitmentEnds) ? data.recruitmentEnds : undefined;
  if (ends && ends < settings.today) {
    if (data.status === "recruiting") problems.push({ file, field: "recruitmentEnds", message: recruitmentEndedMessage(ends), severity });
    if (data.status === "setting-up") problems.push({ file, field: "recruitmentEnds", message: settingUpEndedMessage(ends), severity });
  }
  // `npm run new -- study` starts a draft with these; as with a placeholder summary, only a draft may keep them.
  if (data.draft !== true) {
    const points = Array.isArray(data.whoCanTakePart) ? data.whoCanTakePart : [];
    const at = points.indexOf(PLACEHOLDER_POINT);
    if (at >= 0) {
      problems.push({
        file,
        field: `whoCanTakePart[${at}]`,
        message: "still has the text the new file started with: write who can take part, or keep the study a draft (draft: true) until it is ready",
        severity: "error",
      });
    }
    const contact = data.contact as { email?: unknown } | undefined;
    if (contact?.email === PLACEHOLDER_EMAIL) {
      problems.push({
        file,
        field: "contact.email",
        message: "still has the address the new file started with: write the study team's email address, or keep the study a draft (draft: true) until it is ready",
        severity: "error",
      });
    }
  }
  return problems;
}
