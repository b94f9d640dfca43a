import { toCalendarDate } from "../../dates.ts";
import type { Topic } from "../../schema/site.ts";
import { STUDY_STATUSES, STUDY_STATUS_LABELS, STUDY_TYPE_NAMES, type StudyFrontMatter, type StudyStatus, type StudyType } from "./schema.ts";

/**
 * What the register shows of each study, decided against the build's London day: a
 * `recruiting` study whose `recruitmentEnds` has passed shows as closed, so a study an
 * editor forgot to update never invites people to a trial that has stopped recruiting.
 * The nightly rebuild moves studies across on the day after their end date.
 */

export const STUDIES_URL = "/studies/";
export const studyUrl = (slug: string): string => `${STUDIES_URL}${slug}/`;

/**
 * The condition filter is a static page per condition, not a query string: a static host
 * cannot read `?condition=`, so a GET form would need JavaScript to filter, and the
 * register must work without it. A page per condition also has its own address to share,
 * to bookmark and for search engines, as the news topics have (/news/topics/<topic>/).
 * /studies/conditions/ itself is not a page, so no study may have the slug "conditions".
 */
export const STUDY_CONDITIONS_URL = "/studies/conditions/";
export const studyConditionUrl = (slug: string): string => `${STUDY_CONDITIONS_URL}${slug}/`;

/** How each status reads to a patient, and its nhsuk-frontend tag colour. */
export interface StatusDisplay {
  /** The tag's words. */
  label: string;
  /** nhsuk-frontend's tag modifier class. */
  tagClass: string;
  /** The heading of the register's group. */
  heading: string;
  /** One plain sentence under the group's heading. */
  description: string;
}

/**
 * Green for open, blue for coming, grey for stopped, white for finished: nhsuk-frontend's
 * tag colours, all of which meet contrast with their text. The words carry the meaning;
 * the colour only helps a reader scanning the list.
 */
export const STATUS_DISPLAY: Readonly<Record<StudyStatus, StatusDisplay>> = {
  recruiting: {
    label: STUDY_STATUS_LABELS.recruiting,
    tagClass: "nhsuk-tag--green",
    heading: "Recruiting now",
    description: "These studies are looking for people to take part.",
  },
  "setting-up": {
    label: STUDY_STATUS_LABELS["setting-up"],
    tagClass: "nhsuk-tag--blue",
    heading: "Setting up",
    description: "These studies are not looking for people yet. You can contact the study team to find out more.",
  },
  closed: {
    label: STUDY_STATUS_LABELS.closed,
    tagClass: "nhsuk-tag--grey",
    heading: "Closed to recruitment",
    description: "These studies are no longer looking for people to take part.",
  },
  completed: {
    label: STUDY_STATUS_LABELS.completed,
    tagClass: "nhsuk-tag--white",
    heading: "Completed",
    description: "These studies have finished.",
  },
};

export const studyTypeName = (type: StudyType): string => STUDY_TYPE_NAMES[type];

/** Whether the study's recruitment end date has passed on `today` (`YYYY-MM-DD`, London). The end day itself is still open. */
export function recruitmentHasEnded(study: Pick<StudyFrontMatter, "recruitmentEnds">, today: string): boolean {
  return study.recruitmentEnds !== undefined && study.recruitmentEnds < today;
}

/** The status the site shows: a `recruiting` study past its `recruitmentEnds` shows as closed. */
export function effectiveStatus(study: Pick<StudyFrontMatter, "status" | "recruitmentEnds">, today: string): StudyStatus {
  return study.status === "recruiting" && recruitmentHasEnded(study, today) ? "closed" : study.status;
}

/** A published study, as the register, the condition pages and the feed list it. */
export interface StudyEntry {
  url: string;
  title: string;
  acronym?: string;
  summary: string;
  /** The status in the front matter. */
  status: StudyStatus;
  recruitmentEnds?: string;
  studyType: StudyType;
  whoCanTakePart: string[];
  /** Topic slugs. */
  conditions: string[];
  reviewed: string;
}

/** The entry for a study's validated front matter, published at `url`. */
export function studyEntry(url: string, study: StudyFrontMatter): StudyEntry {
  const entry: StudyEntry = {
    url,
    title: study.title,
    summary: study.summary,
    status: study.status,
    studyType: study.studyType,
    whoCanTakePart: study.whoCanTakePart ?? [],
    conditions: study.conditions ?? [],
    reviewed: study.reviewed,
  };
  if (study.acronym !== undefined) entry.acronym = study.acronym;
  if (study.recruitmentEnds !== undefined) entry.recruitmentEnds = study.recruitmentEnds;
  return entry;
}

/** A study with the status the site shows on the build day. */
export interface ShownStudy extends StudyEntry {
  shownStatus: StudyStatus;
  /** True when the study says `recruiting` but its end date has passed. */
  endedByDate: boolean;
}

export interface StudyGroup {
  status: StudyStatus;
  /** The id of the group's heading on the register. */
  id: string;
  studies: ShownStudy[];
}

export interface ConditionFilter {
  slug: string;
  name: string;
  url: string;
  /** Every study with this condition, grouped as the register groups them. */
  groups: StudyGroup[];
  total: number;
  recruiting: number;
}

export interface StudyRegister {
  /** The build's London day the statuses were decided on, `YYYY-MM-DD`. */
  today: string;
  /** Every study, in register order: by shown status, then by title. */
  studies: ShownStudy[];
  /** The statuses that have studies, recruiting first; a status with none is left out. */
  groups: StudyGroup[];
  /** How many studies show as recruiting. */
  recruitingCount: number;
  /** One filter per topic that at least one study names, by topic name. */
  conditions: ConditionFilter[];
}

const STATUS_RANK = new Map<StudyStatus, number>(STUDY_STATUSES.map((status, index) => [status, index]));

/**
 * Titles in alphabetical order within a group: a reader scans for a name or a condition,
 * and the order does not change when an editor moves a date. Numbers sort as numbers
 * ("Study 2" before "Study 10"); the address settles a tie, so every build orders alike.
 */
const titles = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

export function compareStudies(a: ShownStudy, b: ShownStudy): number {
  return (
    (STATUS_RANK.get(a.shownStatus) ?? 0) - (STATUS_RANK.get(b.shownStatus) ?? 0) ||
    titles.compare(a.title, b.title) ||
    (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)
  );
}

function group(studies: readonly ShownStudy[]): StudyGroup[] {
  return STUDY_STATUSES.map((status) => ({ status, id: `studies-${status}`, studies: studies.filter((study) => study.shownStatus === status) })).filter(
    (entry) => entry.studies.length > 0,
  );
}

/**
 * The register: every published study with its shown status, grouped recruiting first
 * (then setting up, closed, completed), and the condition filters. Topics a study names
 * that are not in topics.json are an error in the check, so they never reach here; any
 * that did are left out of the filters rather than given a page without a name.
 */
export function buildStudyRegister(entries: readonly StudyEntry[], today: string, topics: ReadonlyArray<Pick<Topic, "slug" | "name">>): StudyRegister {
  const studies = entries
    .map((entry): ShownStudy => {
      const shownStatus = effectiveStatus(entry, today);
      return { ...entry, shownStatus, endedByDate: shownStatus !== entry.status };
    })
    .sort(compareStudies);
  const topicNames = new Map(topics.map((topic) => [topic.slug, topic.name]));
  const used = new Set(studies.flatMap((study) => study.conditions));
  const conditions = [...used]
    .filter((slug) => topicNames.has(slug))
    .map((slug): ConditionFilter => {
      const withCondition = studies.filter((study) => study.conditions.includes(slug));
      return {
        slug,
        name: topicNames.get(slug) ?? slug,
        url: studyConditionUrl(slug),
        groups: group(withCondition),
        total: withCondition.length,
        recruiting: withCondition.filter((study) => study.shownStatus === "recruiting").length,
      };
    })
    .sort((a, b) => titles.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  return {
    today,
    studies,
    groups: group(studies),
    recruitingCount: studies.filter((study) => study.shownStatus === "recruiting").length,
    conditions,
  };
}

/** "1 study" / "3 studies". */
export const studyCount = (count: number): string => `${count} ${count === 1 ? "study" : "studies"}`;

/** The day after `day`: the first day a study past its end date shows as closed. */
const dayAfter = (day: string): string => toCalendarDate(day).plus({ days: 1 }).toISODate() ?? day;

/**
 * The last day what these studies show changed, from the content and the build day alone
 * (never the clock, so two builds of the same content on the same day agree): the newest
 * `reviewed` (an editor reviews a study when changing it, closing it included), or, if
 * later, the day a study began to show as closed because its end date passed. For the
 * feed's `updated` and the register's sitemap date; undefined without studies.
 */
export function lastChange(studies: readonly ShownStudy[]): string | undefined {
  const changes = studies.map((study) => (study.endedByDate && study.recruitmentEnds ? dayAfter(study.recruitmentEnds) : study.reviewed));
  return changes.reduce<string | undefined>((latest, day) => (latest === undefined || day > latest ? day : latest), undefined);
}
