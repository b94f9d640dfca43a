import { isoDateTime } from "../content/dates.ts";
import type { NewsEntry, NewsIndex } from "../content/news-index.ts";
import type { Topic } from "../content/schema/site.ts";
import { buildXml, xmlText } from "./xml.ts";

/** A feed carries the newest stories only; readers keep what they have already seen. */
export const FEED_SIZE = 20;

export const NEWS_FEED_URL = "/news/feed.xml";
export const topicFeedUrl = (slug: string): string => `/news/topics/${slug}/feed.xml`;

export const newsFeedTitle = (siteName: string): string => `${siteName} news`;
export const topicFeedTitle = (topic: Pick<Topic, "name">, siteName: string): string => `${topic.name}: ${siteName} news`;

export interface FeedContext {
  /** The absolute URL of a site path, with the path prefix. */
  absolute(url: string): string;
  /** Who publishes the site: the department and the Trust. */
  author: string;
  siteName: string;
  language: string;
  topics: readonly Topic[];
}

export interface Feed {
  /** The feed's own site path. */
  url: string;
  /** The listing the feed mirrors. */
  pageUrl: string;
  title: string;
  subtitle: string;
  entries: NewsEntry[];
  /** RFC 3339: the newest story's date or update among the entries. */
  updated: string;
}

/** The day a story last changed: its `updated` date, or the date it was published. */
const lastChanged = (story: NewsEntry): string => (story.updated && story.updated > story.date ? story.updated : story.date);

function newestChange(entries: NewsEntry[], fallback: string): string {
  return isoDateTime(entries.reduce((newest, story) => (lastChanged(story) > newest ? lastChanged(story) : newest), fallback));
}

/**
 * The site's feed and a feed per topic, each of the newest {@link FEED_SIZE} stories.
 * Their `updated` comes from the stories, never from the clock, so two builds of the
 * same content write the same bytes. A site without stories has no feeds.
 */
export function newsFeeds(index: Pick<NewsIndex, "stories" | "byTopic">, context: Pick<FeedContext, "siteName" | "topics">): Feed[] {
  const newest = index.stories[0];
  if (!newest) return [];
  const siteFallback = newest.date;
  const entries = index.stories.slice(0, FEED_SIZE);
  const feeds: Feed[] = [
    {
      url: NEWS_FEED_URL,
      pageUrl: "/news/",
      title: newsFeedTitle(context.siteName),
      subtitle: `The latest news from ${context.siteName}.`,
      entries,
      updated: newestChange(entries, siteFallback),
    },
  ];
  for (const topic of context.topics) {
    const stories = (index.byTopic.get(topic.slug) ?? []).slice(0, FEED_SIZE);
    feeds.push({
      url: topicFeedUrl(topic.slug),
      pageUrl: `/news/topics/${topic.slug}/`,
      title: topicFeedTitle(topic, context.siteName),
      subtitle: topic.description ?? `${context.siteName} news about ${topic.name}.`,
      entries: stories,
      // An empty topic's feed is as new as the site's newest story.
      updated: newestChange(stories, stories[0]?.date ?? siteFallback),
    });
  }
  return feeds;
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
