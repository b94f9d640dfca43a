import { isoDateTime } from "./dates.ts";
import type { NewsEntry, NewsIndex } from "./news-index.ts";
import type { Topic } from "./schema/site.ts";

/** A feed carries the newest stories only; readers keep what they have already seen. */
export const FEED_SIZE = 20;

export const NEWS_FEED_URL = "/news/feed.xml";
export const topicFeedUrl = (slug: string): string => `/news/topics/${slug}/feed.xml`;

export const newsFeedTitle = (siteName: string): string => `${siteName} news`;
export const topicFeedTitle = (topic: Pick<Topic, "name">, siteName: string): string => `${topic.name}: ${siteName} news`;

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
export const lastChanged = (story: NewsEntry): string => (story.updated && story.updated > story.date ? story.updated : story.date);

function newestChange(entries: NewsEntry[], fallback: string): string {
  return isoDateTime(entries.reduce((newest, story) => (lastChanged(story) > newest ? lastChanged(story) : newest), fallback));
}

/**
 * The site's feed and a feed per topic, each of the newest {@link FEED_SIZE} stories.
 * Their `updated` comes from the stories, never from the clock, so two builds of the
 * same content write the same bytes. A site without stories has no feeds.
 */
export function newsFeeds(index: Pick<NewsIndex, "stories" | "byTopic">, context: { siteName: string; topics: readonly Topic[] }): Feed[] {
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

