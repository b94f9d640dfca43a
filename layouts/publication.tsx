import { PUBLICATIONS_TITLE } from "../src/content/types/publication.ts";
import { PUBLICATIONS_URL } from "../src/content/types/publication/listing.ts";
import { doiUrl } from "../src/content/types/publication/schema.ts";
import { scholarlyArticle } from "../src/content/types/publication/structured-data.ts";
import { scriptSafeJson } from "../src/publish/structured-data.ts";
import type { ContentPageData, PageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { Content } from "./components/Content.tsx";
import { absolute } from "./components/links.ts";
import { PreviewBanner } from "./components/PreviewBanner.tsx";

export type PublicationData = ContentPageData<"publication">;

/** Its topics' names, in topics.json's words. */
const topicNames = (slugs: readonly string[], data: PageData): string[] =>
  slugs.map((slug) => data.topics.find((topic) => topic.slug === slug)?.name).filter((name) => name !== undefined);

/**
 * Pagefind's filters, metadata and sort key for a publication: the type "Publication", its
 * year in the search's year filter and its topics. It has a year and no day, so its sort
 * key is the year alone, which sorts after every dated page of that year and before the
 * year before: a newest-first search shows it among its year's results.
 */
function PublicationSearchData({ data, topics }: { data: PublicationData; topics: readonly string[] }) {
  return (
    <div hidden>
      <span data-pagefind-filter="type:Publication"></span>
      <span data-pagefind-meta="type:Publication"></span>
      <span data-pagefind-meta={`summary:${data.summary}`}></span>
      <span data-pagefind-filter={`year:${data.year}`}></span>
      <span data-pagefind-sort={`date:${data.year}`}></span>
      {topics.map((name) => (
        <span data-pagefind-filter={`topic:${name}`}></span>
      ))}
    </div>
  );
}

/** A publication: its summary, who wrote it, where and when it was published, its DOI as a doi.org link, then the editor's text. */
export function render(data: PublicationData) {
  const topics = topicNames(data.tags ?? [], data);
  const structured = scholarlyArticle({ url: absolute(data, data.page.url), publication: data, topics });
  return (
    <Base
      data={data}
      title={data.title}
      description={data.summary}
      trail={[
        { text: "Home", url: "/" },
        { text: PUBLICATIONS_TITLE, url: PUBLICATIONS_URL },
      ]}
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <PreviewBanner data={data} />
          <article data-pagefind-body>
            <PublicationSearchData data={data} topics={topics} />
            <h1 data-pagefind-meta="title">{data.title}</h1>
            <p class="nhsuk-lede-text">{data.summary}</p>
            <dl class="nhsuk-summary-list">
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{data.authors.length === 1 ? "Author" : "Authors"}</dt>
                <dd class="nhsuk-summary-list__value">{data.authors.join(", ")}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Published in</dt>
                <dd class="nhsuk-summary-list__value">{data.journal}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Year</dt>
                <dd class="nhsuk-summary-list__value">{String(data.year)}</dd>
              </div>
              {data.doi ? (
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">DOI</dt>
                  <dd class="nhsuk-summary-list__value">
                    <a href={doiUrl(data.doi)}>{data.doi}</a>
                  </dd>
                </div>
              ) : null}
              {topics.length ? (
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">Topics</dt>
                  <dd class="nhsuk-summary-list__value">{topics.join(", ")}</dd>
                </div>
              ) : null}
            </dl>
            {data.content.trim() ? <Content html={data.content} /> : null}
          </article>
          <script
            type="application/ld+json"
            // JSON escaped so that no field can end the element; browsers never run it.
            dangerouslySetInnerHTML={{ __html: scriptSafeJson(structured) }}
          />
        </div>
      </div>
    </Base>
  );
}
