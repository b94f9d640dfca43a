/** What a search is, as it lives in the address bar: `/search/?q=…&type=…&year=…&topic=…&status=…&sort=newest`. */
export interface SearchQuery {
  q: string;
  type: string;
  year: string;
  topic: string;
  /** A study's shown status, as its tag words it ("Recruiting"): the filter a content type's definition adds (src/content/types/study.ts). */
  status: string;
  sort: "relevance" | "newest";
}

/** Longer queries add nothing a person meant and slow the search down. */
export const MAX_QUERY_LENGTH = 200;

export const FILTER_KEYS = ["type", "year", "topic", "status"] as const;

export function readQuery(params: URLSearchParams): SearchQuery {
  return {
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    type: params.get("type") ?? "",
    year: params.get("year") ?? "",
    topic: params.get("topic") ?? "",
    status: params.get("status") ?? "",
    sort: params.get("sort") === "newest" ? "newest" : "relevance",
  };
}

/** Only the parts that are set, so shared links stay short and readable. */
export function writeQuery(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of FILTER_KEYS) if (query[key]) params.set(key, query[key]);
  if (query.sort === "newest") params.set("sort", "newest");
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function hasSearch(query: SearchQuery): boolean {
  return Boolean(query.q || FILTER_KEYS.some((key) => query[key]));
}

/** Pagefind's filter object: only the filters that are set. */
export function pagefindFilters(query: SearchQuery): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (query[key]) filters[key] = query[key];
  return filters;
}

export function describeResults(count: number, query: SearchQuery): string {
  const noun = count === 1 ? "result" : "results";
  return query.q ? `${count} ${noun} for ‘${query.q}’` : `${count} ${noun}`;
}
