import { DateTime } from "luxon";
import { buildNewsIndex } from "../../src/content/news-index.ts";
import { markdownFile } from "./fixture-site.ts";
import type { Site, Topic } from "../../src/content/schema/site.ts";
import type { ServiceEntry } from "../../src/content/types/service.ts";
import { type SiteStudyRegister, study } from "../../src/content/types/study.ts";
import type { StudyFrontMatter } from "../../src/content/types/study/schema.ts";
import { type StudyEntry, buildStudyRegister, studyEntry, studyUrl } from "../../src/content/types/study/status.ts";
import type { Feed } from "../../src/content/news-feeds.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { EMPTY_CATALOG } from "../../src/media/catalog.ts";
import { typeCollections } from "./type-collections.ts";

/**
 * Made-up studies in every status for the studies tests: every name says "Example", the
 * registry identifiers are placeholders in each registry's form (not studies looked up),
 * and the phone numbers are from Ofcom's range kept for drama (01632 960xxx), so nothing
 * here is a fact about the Trust or about a real study.
 */

/** The build day of every fixture: studies are shown as of this London day. */
export const BUILD_DATE = "2025-06-15";

export const TOPICS: Topic[] = [
  { slug: "dementia", name: "Dementia" },
  { slug: "mental-health", name: "Mental health" },
  { slug: "sleep", name: "Sleep" },
];

export const SITE: Site = {
  name: "Research and Innovation",
  organisation: { name: "Example Partnership", descriptor: "NHS Foundation Trust" },
  url: "https://ri.example.nhs.uk",
  language: "en-GB",
  dateStyle: "ordinal",
  navigation: [{ text: "Home", href: "/" }],
  footer: [{ text: "Accessibility statement", href: "/accessibility-statement/" }],
};

export const TAKING_PART_SERVICE: ServiceEntry = {
  url: "/services/taking-part-in-research/",
  title: "Taking part in research",
  summary: "How to take part in research.",
};

/** The front matter of each fixture study, by slug. */
export const STUDIES: Record<string, StudyFrontMatter> = {
  "example-mood-study": {
    title: "Example study of mood and sleep",
    acronym: "EXMOOD",
    summary: "An example study that asks how sleep affects mood.",
    status: "recruiting",
    recruitmentEnds: "2025-12-31",
    whoCanTakePart: [
      "Aged 18 or over",
      "Have had low mood for at least 2 weeks",
      "Live in the area",
      "Can answer questions in English",
      "Have not taken part before",
    ],
    studyType: "clinical-trial",
    conditions: ["mental-health", "sleep"],
    iras: "1234567",
    isrctn: "ISRCTN12345678",
    nct: "NCT12345678",
    sponsor: "Example University",
    contact: { email: "example.study@example.nhs.uk", phone: "01632 960001", team: "the example mood study team" },
    reviewed: "2025-05-01",
    reviewDue: "2026-05-01",
  },
  "example-ended-study": {
    title: "Example study past its end date",
    summary: "An example recruiting study whose recruitment end date has passed.",
    status: "recruiting",
    recruitmentEnds: "2025-06-14",
    whoCanTakePart: ["Aged 65 or over"],
    studyType: "questionnaire",
    conditions: ["dementia"],
    contact: { email: "ended@example.nhs.uk" },
    reviewed: "2025-01-10",
  },
  "example-last-day-study": {
    title: "Example study on its last day",
    summary: "An example study whose recruitment ends on the build day.",
    status: "recruiting",
    recruitmentEnds: "2025-06-15",
    whoCanTakePart: ["Any adult"],
    studyType: "interview",
    contact: { email: "last-day@example.nhs.uk" },
    reviewed: "2025-03-01",
  },
  "example-study-10": {
    title: "Example study 10",
    summary: "An example study with a number in its title.",
    status: "recruiting",
    whoCanTakePart: ["Any adult"],
    studyType: "samples",
    contact: { email: "ten@example.nhs.uk" },
    reviewed: "2025-03-01",
  },
  "example-study-2": {
    title: "Example study 2",
    summary: "Another example study with a number in its title.",
    status: "recruiting",
    whoCanTakePart: ["Any adult"],
    studyType: "observational",
    contact: { email: "two@example.nhs.uk" },
    reviewed: "2025-04-01",
  },
  "example-setting-up-study": {
    title: "Example study being set up",
    summary: "An example study that is not recruiting yet.",
    status: "setting-up",
    whoCanTakePart: ["Carers of people with dementia"],
    studyType: "observational",
    conditions: ["dementia"],
    contact: { email: "setup@example.nhs.uk", phone: "+44 1632 960002" },
    reviewed: "2025-02-01",
  },
  "example-closed-study": {
    title: "Example closed study",
    summary: "An example study that has closed to recruitment.",
    status: "closed",
    studyType: "other",
    conditions: ["mental-health"],
    reviewed: "2024-11-01",
  },
  "example-completed-study": {
    title: "Example completed study",
    summary: "An example study that has finished.",
    status: "completed",
    studyType: "clinical-trial",
    conditions: ["mental-health", "dementia"],
    sponsor: "Example Sponsor & Partners",
    isrctn: "ISRCTN87654321",
    reviewed: "2024-09-01",
  },
};

export const entries = (studies: Record<string, StudyFrontMatter> = STUDIES): StudyEntry[] =>
  Object.entries(studies).map(([slug, study]) => studyEntry(studyUrl(slug), study));

export const register = (studies: Record<string, StudyFrontMatter> = STUDIES, today = BUILD_DATE) => buildStudyRegister(entries(studies), today, TOPICS);

/** The register as the study definition builds it for the layouts, with its feed. */
export function siteRegister(studies: Record<string, StudyFrontMatter> = STUDIES, today = BUILD_DATE): SiteStudyRegister {
  const items = Object.entries(studies).map(([slug, data]) => ({
    type: "study",
    slug,
    url: studyUrl(slug),
    data,
    source: { data, body: "", bodyLineOffset: 0, firstLine: "" } as never,
    inputPath: `./content/studies/${slug}.md`,
  }));
  if (!study.collection) throw new Error("the study definition builds no collection");
  return study.collection.build(items, { today, topicSlugs: TOPICS.map((topic) => topic.slug), siteName: SITE.name, topics: TOPICS });
}

/** The page data every layout receives, for a page at `url`, as the plugin would give it. */
export function pageData(
  url: string,
  extra: { services?: ServiceEntry[]; content?: string; pathPrefix?: string; newsFeed?: boolean; studies?: Record<string, StudyFrontMatter> } = {},
): PageData {
  // The site's news feed, as a site with stories has: the layouts' head lists feeds only then.
  const newsFeed: Feed = { url: "/news/feed.xml", pageUrl: "/news/", title: "News", subtitle: "News.", entries: [], updated: "2025-01-01T00:00:00+00:00" };
  return {
    site: SITE,
    topics: TOPICS,
    pathPrefix: extra.pathPrefix ?? "/",
    siteUrl: "",
    preview: false,
    assets: { css: "/assets/main.css", mainJs: "/assets/main.js", searchJs: "/assets/search.js" },
    buildDate: BUILD_DATE,
    page: { url, inputPath: "./content/studies/x.md", fileSlug: "x", date: new Date(Date.UTC(2025, 0, 1)) },
    content: extra.content ?? "",
    media: EMPTY_CATALOG,
    filters: {},
    collections: typeCollections(
      { today: BUILD_DATE, topicSlugs: TOPICS.map((topic) => topic.slug), siteName: SITE.name, topics: TOPICS },
      {
        newsIndex: { ...buildNewsIndex([], []), feeds: extra.newsFeed === false ? [] : [newsFeed] },
        services: extra.services ?? [TAKING_PART_SERVICE],
        studyRegister: siteRegister(extra.studies ?? STUDIES),
      },
    ),
  };
}

/** What the mood study's page says about taking part: its body. */
export const MOOD_STUDY_BODY = "You will fill in a sleep diary for 2 weeks and answer questions about your mood.";

/**
 * The content files of a fixture site with every fixture study, their topics and a
 * "Taking part in research" service page, for makeContent's `files`.
 */
export function studySiteFiles(studies: Record<string, StudyFrontMatter> = STUDIES): Record<string, string> {
  return {
    "_data/topics.json": JSON.stringify(TOPICS),
    "services/taking-part-in-research.md": markdownFile(
      { title: TAKING_PART_SERVICE.title, summary: TAKING_PART_SERVICE.summary, reviewed: "2025-01-01" },
      "What taking part in research involves.",
    ),
    ...Object.fromEntries(
      Object.entries(studies).map(([slug, study]) => [
        `studies/${slug}.md`,
        markdownFile(study, slug === "example-mood-study" ? MOOD_STUDY_BODY : `What taking part in ${study.title.toLowerCase()} involves.`),
      ]),
    ),
  };
}

/**
 * The fixture studies as they would be on another build day: every date moved by the days
 * between BUILD_DATE and `today`, so each study shows the same status then (the ended one
 * ended the day before, the last-day one ends that day). For sites built on another day.
 */
export function studiesAsOf(today: string, studies: Record<string, StudyFrontMatter> = STUDIES): Record<string, StudyFrontMatter> {
  const days = DateTime.fromISO(today, { zone: "utc" }).diff(DateTime.fromISO(BUILD_DATE, { zone: "utc" }), "days").days;
  const move = (date: string) => DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate() ?? date;
  return Object.fromEntries(
    Object.entries(studies).map(([slug, study]) => {
      const moved: StudyFrontMatter = { ...study, reviewed: move(study.reviewed) };
      if (study.recruitmentEnds) moved.recruitmentEnds = move(study.recruitmentEnds);
      if (study.reviewDue) moved.reviewDue = move(study.reviewDue);
      return [slug, moved];
    }),
  );
}
