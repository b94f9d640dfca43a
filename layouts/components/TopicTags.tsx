import type { PageData } from "../../src/render/page-data.ts";
import { href } from "./links.ts";

/** A story's topics, each a link to the topic's page. */
export function TopicTags({ tags, data }: { tags: string[]; data: PageData }) {
  const topics = tags.map((slug) => data.topics.find((topic) => topic.slug === slug)).filter((topic) => topic !== undefined);
  if (!topics.length) return null;
  return (
    <div class="nhsuk-u-margin-bottom-5">
      <h2 class="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Topics</h2>
      <ul class="nhsuk-list ri-topic-list">
        {topics.map((topic) => (
          <li>
            <a href={href(data, `/news/topics/${topic.slug}/`)}>{topic.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
