import { type DateStyle, formatDate, isoDateTime } from "../content/dates.ts";
import { type Feed, lastChanged } from "../content/news-feeds.ts";
import type { Topic } from "../content/schema/site.ts";
import type { StudiesFeed } from "../content/types/study/feed.ts";
import type { ShownStudy } from "../content/types/study/status.ts";
import { buildXml, xmlText } from "./xml.ts";

export interface FeedContext {
  /** The absolute URL of a site path, with the path prefix. */
  absolute(url: string): string;
  /** Who publishes the site: the department and the Trust. */
  author: string;
  siteName: string;
  language: string;
  topics: readonly Topic[];
}

/** What every entry of a feed carries, whatever it lists (an Atom entry is made from this). */
export interface AtomEntry {
  url: string;
  title: string;
  published?: string;
  updated: string;
  summary: string;
  /** Topic slugs, labelled with the topics' names. */
  topics: readonly string[];
}

/**
 * An Atom 1.0 document (RFC 4287): the feed's head from `feed` and the site, and one
 * entry for each of `entries`. Every feed the site writes (news, topics, studies) is
 * written here, so they agree in shape.
 */
export function atomDocument(
  feed: Pick<Feed, "url" | "pageUrl" | "title" | "subtitle" | "updated">,
  entries: readonly AtomEntry[],
  context: FeedContext,
): string {
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
      entry: entries.map((entry) => {
        const url = context.absolute(entry.url);
        return {
          title: xmlText(entry.title),
          link: { "@_rel": "alternate", "@_type": "text/html", "@_href": url },
          id: url,
          ...(entry.published ? { published: entry.published } : {}),
          updated: entry.updated,
          summary: xmlText(entry.summary),
          category: entry.topics.map((slug) => ({ "@_term": slug, "@_label": xmlText(topicName.get(slug) ?? slug) })),
        };
      }),
    },
  });
}

/** An Atom 1.0 document for one news feed. */
export function renderAtomFeed(feed: Feed, context: FeedContext): string {
  const entries = feed.entries.map((story) => ({
    url: story.url,
    title: story.title,
    published: isoDateTime(story.date),
    updated: isoDateTime(lastChanged(story)),
    summary: story.summary,
    topics: story.tags,
  }));
  return atomDocument(feed, entries, context);
}

export interface StudiesFeedContext extends FeedContext {
  /** The site's date style, for "Recruiting until ..." in each entry. */
  dateStyle?: DateStyle;
}

const entryTitle = (study: Pick<ShownStudy, "title" | "acronym">): string => (study.acronym ? `${study.title} (${study.acronym})` : study.title);

/** The feed as an Atom 1.0 document (RFC 4287), written by the same writer as the news feeds. */
export function renderStudiesFeed(feed: StudiesFeed, context: StudiesFeedContext): string {
  const entries = feed.entries.map((study) => ({
    url: study.url,
    title: entryTitle(study),
    updated: isoDateTime(study.reviewed),
    summary: `${study.summary}${study.recruitmentEnds ? ` Recruiting until ${formatDate(study.recruitmentEnds, context.dateStyle ?? "ordinal")}.` : ""}`,
    topics: study.conditions,
  }));
  return atomDocument(feed, entries, context);
}
