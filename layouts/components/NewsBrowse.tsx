import type { PageData } from "../../src/render/page-data.ts";
import { href } from "./links.ts";

/** Ways into the archive: every year with stories, and every topic. */
export function NewsBrowse({ data }: { data: PageData }) {
  const { years } = data.collections.newsIndex;
  return (
    <div class="nhsuk-grid-row nhsuk-u-margin-top-5">
      {years.length ? (
        <div class="nhsuk-grid-column-one-half">
          <h2 class="nhsuk-heading-s">News by year</h2>
          <ul class="nhsuk-list">
            {years.map((year) => (
              <li>
                <a href={href(data, `/news/${year}/`)}>{year}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.topics.length ? (
        <div class="nhsuk-grid-column-one-half">
          <h2 class="nhsuk-heading-s">News by topic</h2>
          <ul class="nhsuk-list">
            {data.topics.map((topic) => (
              <li>
                <a href={href(data, `/news/topics/${topic.slug}/`)}>{topic.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
