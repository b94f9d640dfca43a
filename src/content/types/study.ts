import type { ListedPage } from "../definition.ts";
import { defineContentType } from "../definition.ts";
import { PLACEHOLDER_EMAIL, PLACEHOLDER_POINT, PLACEHOLDER_SUMMARY } from "../placeholders.ts";
import { studyProblems } from "./study/checks.ts";
import { STUDIES_FEED_URL, type StudiesFeed, studiesFeed } from "./study/feed.ts";
import { STUDY_STATUSES, type StudyFrontMatter, studySchema } from "./study/schema.ts";
import { STATUS_DISPLAY, STUDIES_URL, type StudyRegister, buildStudyRegister, lastChange, studyConditionUrl, studyEntry, studyUrl } from "./study/status.ts";

/** The register with the feed made from it: `collections.studyRegister` in the layouts. */
export type SiteStudyRegister = StudyRegister & {
  /** The feed of studies open to recruitment; a site without studies has none. */
  feed?: StudiesFeed;
};

/** The register's heading and title: the words the NHS and the NIHR use for it. */
export const REGISTER_TITLE = "Take part in research";

/**
 * Research studies people can take part in: `content/studies/<slug>.md` (DESIGN.md's Study
 * table). Listed at /studies/, grouped by the status they show on the build's London day,
 * with a page per condition and an Atom feed of the studies open to recruitment. The
 * register is always made, so a site without studies still says where else to look.
 */
export const study = defineContentType({
  name: "study",
  plural: "research studies",
  source: { folder: "studies" },
  url: (slug) => studyUrl(slug),
  schema: studySchema,
  layout: "study.tsx",
  topicFields: ["conditions"],
  search: {
    type: "Study",
    label: "Studies",
    // The status a study shows on the build day, as its tag words it (layouts/components/StudySearchData.tsx).
    filters: [{ name: "status", label: "Study status", any: "Any status", options: STUDY_STATUSES.map((status) => STATUS_DISPLAY[status].label) }],
  },
  // A recruiting study past its end date (the site already shows it as closed), and a new study's placeholders.
  fileProblems: (file, data, context) => studyProblems(file, data, context),
  lastmod: (data) => (typeof data.reviewed === "string" ? data.reviewed : undefined),
  collection: {
    name: "studyRegister",
    build(items, context): SiteStudyRegister {
      // The check validated every item against studySchema, so its data has the schema's types.
      const entries = items.map((item) => studyEntry(item.url, item.data as StudyFrontMatter));
      const register = buildStudyRegister(entries, context.today, context.topics);
      const feed = studiesFeed(register, context.siteName);
      return feed ? { ...register, feed } : register;
    },
  },
  listings: {
    reserved: [[STUDIES_URL, "the list of research studies"]],
    pages(register) {
      const pages: ListedPage[] = [
        { url: STUDIES_URL, layout: "studies.tsx", data: { title: REGISTER_TITLE }, sitemap: { lastmod: lastChange(register.studies) } },
        ...register.conditions.map((condition) => ({
          url: condition.url,
          layout: "studies.tsx",
          data: { title: `${condition.name} studies`, studyCondition: condition.slug },
          sitemap: { lastmod: lastChange(condition.groups.flatMap((group) => group.studies)) },
        })),
      ];
      if (register.feed) pages.push({ url: register.feed.url, layout: "studies-feed.tsx", data: { studiesFeed: register.feed } });
      return pages;
    },
    urls(items, context) {
      // A condition has a page when a published study names it and it is a topic (the check refuses any other).
      const conditions = new Set(items.flatMap((item) => (Array.isArray(item.data.conditions) ? item.data.conditions.map(String) : [])));
      return [
        STUDIES_URL,
        ...context.topicSlugs.filter((slug) => conditions.has(slug)).map(studyConditionUrl),
        ...(items.length ? [STUDIES_FEED_URL] : []),
      ];
    },
  },
  // The register always has a feed once one study is published (see studiesFeed).
  feedUrl: STUDIES_FEED_URL,
  cms: {
    name: "studies",
    label: "Research studies",
    singular: "Research study",
    folder: "content/studies",
    preview: "studies/{{slug}}/",
    summary: "{{title}} ({{status}})",
    sortableFields: ["title", "status", "reviewed"],
  },
  scaffold: {
    folder: () => "studies",
    // A new study starts as a draft that is setting up, with a place for every field such a
    // study needs: the check stops it being published until the placeholders are replaced.
    frontMatter: (title, today) => ({
      title,
      summary: PLACEHOLDER_SUMMARY,
      status: "setting-up",
      studyType: "other",
      whoCanTakePart: [PLACEHOLDER_POINT],
      contact: { email: PLACEHOLDER_EMAIL },
      reviewed: today,
      draft: true,
    }),
  },
});
