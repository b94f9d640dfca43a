import { topicFeedTitle, topicFeedUrl } from "../src/content/news-feeds.ts";
import type { ArchiveData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { NewsCards } from "./components/NewsCard.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { pageLabel } from "./news-list.tsx";

/** A year's stories (`/news/2024/`) or a topic's (`/news/topics/<topic>/`), newest first. */
export function render(data: ArchiveData) {
  const { archive } = data;
  const topic = archive.kind === "topic" ? data.topics.find((t) => t.slug === archive.key) : undefined;
  const heading = topic ? topic.name : `News from ${archive.key}`;
  const description = topic ? (topic.description ?? `News about ${topic.name}.`) : `Research and Innovation news from ${archive.key}.`;
  return (
    <Base
      data={data}
      // "News topic: Events", as the heading reads with its caption: a topic's name alone may be another page's title (the events listing's).
      title={`${topic ? `News topic: ${heading}` : heading}${pageLabel(archive.number, archive.total)}`}
      description={description}
      feed={topic ? { url: topicFeedUrl(topic.slug), title: topicFeedTitle(topic, data.site.name) } : undefined}
      trail={[
        { text: "Home", url: "/" },
        { text: "News", url: "/news/" },
      ]}
    >
      <h1>
        {topic ? <span class="nhsuk-caption-l nhsuk-caption--top">News topic</span> : null}
        {heading}
        {archive.total > 1 ? (
          <span class="nhsuk-caption-m nhsuk-caption--bottom">
            Page {archive.number} of {archive.total}
          </span>
        ) : null}
      </h1>
      {topic?.description ? <p class="nhsuk-lede-text">{topic.description}</p> : null}
      {archive.items.length ? <NewsCards stories={archive.items} data={data} /> : <p>There are no stories about this topic yet.</p>}
      <Pagination listing={archive} data={data} />
    </Base>
  );
}
