import { formatDate } from "../../src/content/dates.ts";
import type { PageData } from "../../src/render/page-data.ts";

/** A content type's search type (its definition's `search.type`). */
export type ResultType = string;

/**
 * Pagefind's filters, metadata and sort key for a page that can be a search result.
 * Every result needs a date sort key, or Pagefind drops it from date-sorted results;
 * undated pages get the earliest possible one, so they follow the stories.
 */
export function SearchData({ data, type, date, tags = [] }: { data: PageData; type: ResultType; date?: string; tags?: string[] }) {
  const topics = tags.map((slug) => data.topics.find((topic) => topic.slug === slug)?.name).filter((name) => name !== undefined);
  return (
    <div hidden>
      <span data-pagefind-filter={`type:${type}`}></span>
      <span data-pagefind-meta={`type:${type}`}></span>
      <span data-pagefind-meta={`summary:${data.summary ?? ""}`}></span>
      <span data-pagefind-sort={`date:${date ?? "0000-00-00"}`}></span>
      {date ? (
        <>
          <span data-pagefind-filter={`year:${date.slice(0, 4)}`}></span>
          <span data-pagefind-meta={`date:${date}`}></span>
          <span data-pagefind-meta={`dateText:${formatDate(date, data.site.dateStyle ?? "ordinal")}`}></span>
        </>
      ) : null}
      {topics.map((name) => (
        <span data-pagefind-filter={`topic:${name}`}></span>
      ))}
    </div>
  );
}
