import { isoDateTime } from "../../dates.ts";
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
