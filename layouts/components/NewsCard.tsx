import type { NewsEntry } from "../../src/content/news-index.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { href } from "./links.ts";
import { Time } from "./Time.tsx";

/** A story in a listing: nhsuk-frontend's clickable card, with its date. */
export function NewsCard({ story, data, headingLevel = 2 }: { story: NewsEntry; data: PageData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li class="nhsuk-grid-column-full nhsuk-card-group__item">
      <div class="nhsuk-card nhsuk-card--clickable">
        <div class="nhsuk-card__content">
          <Heading class="nhsuk-card__heading nhsuk-heading-m">
            <a class="nhsuk-card__link" href={href(data, story.url)}>
              {story.title}
            </a>
          </Heading>
          <p class="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
            Published <Time date={story.date} data={data} />
          </p>
          <p class="nhsuk-card__description">{story.summary}</p>
        </div>
      </div>
    </li>
  );
}

export function NewsCards({ stories, data, headingLevel }: { stories: NewsEntry[]; data: PageData; headingLevel?: 2 | 3 }) {
  return (
    <ul class="nhsuk-grid-row nhsuk-card-group">
      {stories.map((story) => (
        <NewsCard story={story} data={data} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
