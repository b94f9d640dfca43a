import { type DateStyle, formatDate, isoDateTime } from "../../dates.ts";
import type { FeedContext } from "../../../publish/feed.ts";
import { buildXml, xmlText } from "../../../publish/xml.ts";
import { STUDIES_URL, type ShownStudy, type StudyRegister, lastChange } from "./status.ts";

export const STUDIES_FEED_URL = "/studies/feed.xml";

export const studiesFeedTitle = (siteName: string): string => `${siteName}: studies open to recruitment`;

/** The Atom feed of the studies that show as recruiting on the build day. */
export interface StudiesFeed {
  url: string;
  pageUrl: string;
  title: string;
  subtitle: string;
  /** Every recruiting study, most recently reviewed first. */
  entries: ShownStudy[];
  /** RFC 3339: the last day the feed's contents changed, from the studies' own dates. */
  updated: string;
}

/**
 * The feed of studies open to recruitment. Every study that recruits is in it, with no cap
 * as the news feed has: a reader subscribes to know what they could join, and a Trust
 * has tens of open studies, not thousands.
 *
 * Its `updated` comes from the content and the build day alone, never from the clock, so
 * two builds of the same content on the same day write the same bytes: the newest
 * `reviewed` among all the studies (an editor reviews a study when changing it, including
 * when closing it), or, if later, the day a study left the feed because its recruitment
 * end date passed. A site without studies has no feed, as one without stories has no
 * news feed; a site whose studies are all closed has a feed with no entries.
 */
export function studiesFeed(register: Pick<StudyRegister, "studies">, siteName: string): StudiesFeed | undefined {
  const newest = lastChange(register.studies);
  if (newest === undefined) return undefined;
  const entries = register.studies
    .filter((study) => study.shownStatus === "recruiting")
    // A stable sort keeps register order (by title) among studies reviewed the same day.
    .toSorted((a, b) => (a.reviewed === b.reviewed ? 0 : a.reviewed > b.reviewed ? -1 : 1));
  return {
    url: STUDIES_FEED_URL,
    pageUrl: STUDIES_URL,
    title: studiesFeedTitle(siteName),
    subtitle: `Research studies looking for people to take part, from ${siteName}.`,
    entries,
    updated: isoDateTime(newest),
  };
}

export interface StudiesFeedContext extends FeedContext {
  /** The site's date style, for "Recruiting until ..." in each entry. */
  dateStyle?: DateStyle;
}

const entryTitle = (study: Pick<ShownStudy, "title" | "acronym">): string => (study.acronym ? `${study.title} (${study.acronym})` : study.title);

/** The feed as an Atom 1.0 document (RFC 4287), written as the news feeds are. */
export function renderStudiesFeed(feed: StudiesFeed, context: StudiesFeedContext): string {
  const topicName = new Map(context.topics.map((topic) => [topic.slug, topic.name]));
  return buildXml({
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": context.language,
      title: xmlText(feed.title),
      subtitle: xmlText(feed.subtitle),
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": context.absolute(feed.url) },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": context.absolute(feed.pageUrl) },
      ],
      id: context.absolute(feed.url),
      updated: feed.updated,
      author: { name: xmlText(context.author) },
      icon: context.absolute("/assets/images/nhsuk-icon-192.png"),
      entry: feed.entries.map((study) => {
        const url = context.absolute(study.url);
        const until = study.recruitmentEnds ? ` Recruiting until ${formatDate(study.recruitmentEnds, context.dateStyle ?? "ordinal")}.` : "";
        return {
          title: xmlText(entryTitle(study)),
          link: { "@_rel": "alternate", "@_type": "text/html", "@_href": url },
          id: url,
          updated: isoDateTime(study.reviewed),
          summary: xmlText(`${study.summary}${until}`),
          category: study.conditions.map((slug) => ({ "@_term": slug, "@_label": xmlText(topicName.get(slug) ?? slug) })),
        };
      }),
    },
  });
}
