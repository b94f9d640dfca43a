import type { PageData } from "../../src/render/page-data.ts";
import type { StudyStatus } from "../../src/content/types/study/schema.ts";
import { STATUS_DISPLAY } from "../../src/content/types/study/status.ts";

/**
 * Pagefind's filters and metadata for a study page: the type "Study", its shown status
 * (so a search can be narrowed to studies that are recruiting) and its conditions as
 * topics. Like SearchData, which it joins once the search type list includes "Study".
 * Undated pages get the earliest sort key, so that date-sorted results keep them.
 */
export function StudySearchData({ data, status, conditions }: { data: PageData; status: StudyStatus; conditions: readonly string[] }) {
  const topics = conditions.map((slug) => data.topics.find((topic) => topic.slug === slug)?.name).filter((name) => name !== undefined);
  const label = STATUS_DISPLAY[status].label;
  return (
    <div hidden>
      <span data-pagefind-filter="type:Study"></span>
      <span data-pagefind-meta="type:Study"></span>
      <span data-pagefind-filter={`status:${label}`}></span>
      <span data-pagefind-meta={`status:${label}`}></span>
      <span data-pagefind-meta={`summary:${data.summary ?? ""}`}></span>
      <span data-pagefind-sort="date:0000-00-00"></span>
      {topics.map((name) => (
        <span data-pagefind-filter={`topic:${name}`}></span>
      ))}
    </div>
  );
}
