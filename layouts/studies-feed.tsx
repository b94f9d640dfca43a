import { renderStudiesFeed } from "../src/publish/feed.ts";
import type { StudiesFeedData } from "../src/render/page-data.ts";
import { absolute, organisationName } from "./components/links.ts";

/** /studies/feed.xml: the Atom feed of studies open to recruitment, written as the news feeds are. */
export function render(data: StudiesFeedData): string {
  return renderStudiesFeed(data.studiesFeed, {
    absolute: (url) => absolute(data, url),
    author: `${data.site.name}, ${organisationName(data)}`,
    siteName: data.site.name,
    language: data.site.language ?? "en-GB",
    topics: data.topics,
    dateStyle: data.site.dateStyle,
  });
}
