import type { ContentTypeDefinition } from "../src/content/definition.ts";
import { CONTENT_TYPES } from "../src/content/types.ts";
import type { PlainPageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { href } from "./components/links.ts";

/** The type filter's options: each content type's search type, once (the home page is a page). */
const SEARCH_TYPES = [
  ...new Map(CONTENT_TYPES.flatMap((definition) => (definition.search ? [[definition.search.type, definition.search.label] as const] : []))).entries(),
];

/** The filters the content types add, such as a study's status, each offered whatever the content. */
const TYPE_FILTERS = CONTENT_TYPES.flatMap((definition) => definition.search?.filters ?? []);

/** The year filter's options: the years the types' pages carry (each definition's `search.years`), newest first. */
function searchYears(collections: object): string[] {
  const built = collections as Record<string, unknown>;
  const years = CONTENT_TYPES.flatMap((type) => {
    const definition = type as unknown as ContentTypeDefinition;
    return definition.collection && definition.search?.years ? definition.search.years(built[definition.collection.name]) : [];
  });
  return [...new Set(years)].sort().reverse();
}

function Select({
  id,
  label,
  options,
  elementId = `search-${id}`,
}: {
  id: string;
  label: string;
  options: Array<[value: string, text: string]>;
  elementId?: string;
}) {
  return (
    <div class="nhsuk-form-group nhsuk-u-margin-bottom-3">
      <label class="nhsuk-label" for={elementId}>
        {label}
      </label>
      <select class="nhsuk-select" id={elementId} name={id}>
        {options.map(([value, text]) => (
          <option value={value}>{text}</option>
        ))}
      </select>
    </div>
  );
}

/**
 * The search page. Pagefind finds results in the browser, so the page works as a form
 * without JavaScript and says that results need it; the script in src/client/search.ts
 * takes over when it runs. The query lives in the address, so results can be shared.
 */
export function render(data: PlainPageData) {
  const years = searchYears(data.collections);
  return (
    <Base data={data} title={data.title} description={data.summary} trail={[{ text: "Home", url: "/" }]} scripts={[data.assets.searchJs]}>
      <div class="nhsuk-grid-row" data-search data-pagefind={href(data, "/pagefind/pagefind.js")} data-base-url={href(data, "/")}>
        <div class="nhsuk-grid-column-two-thirds">
          <h1>Search</h1>
          <form id="search-form" action={href(data, "/search/")} method="get" role="search" aria-label="Search this website">
            <div class="nhsuk-form-group">
              <label class="nhsuk-label nhsuk-label--s" for="search-q">
                Search news, events, studies, services and pages
              </label>
              <input class="nhsuk-input" id="search-q" name="q" type="search" autocomplete="off" spellcheck={false} />
            </div>
            <fieldset class="nhsuk-fieldset">
              <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Filter and sort</legend>
              <Select id="type" label="Type" options={[["", "All types"], ...SEARCH_TYPES]} />
              <Select id="year" label="Year published" options={[["", "Any year"], ...years.map((year): [string, string] => [year, year])]} />
              <Select id="topic" label="Topic" options={[["", "Any topic"], ...data.topics.map((topic): [string, string] => [topic.name, topic.name])]} />
              {TYPE_FILTERS.map((filter) => (
                // Named apart from the page's own ids: a "status" filter beside #search-status, the results' live region.
                <Select
                  id={filter.name}
                  elementId={`search-filter-${filter.name}`}
                  label={filter.label}
                  options={[["", filter.any], ...filter.options.map((option): [string, string] => [option, option])]}
                />
              ))}
              <Select
                id="sort"
                label="Sort by"
                options={[
                  ["relevance", "Best match"],
                  ["newest", "Newest first"],
                ]}
              />
            </fieldset>
            <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
              Search
            </button>
          </form>

          <div class="nhsuk-inset-text" id="search-needs-javascript">
            <span class="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Search needs JavaScript, which is turned off or not working in your browser. You can still browse the{" "}
              <a href={href(data, "/news/")}>news listing</a>, the <a href={href(data, "/studies/")}>studies you can take part in</a> and the{" "}
              <a href={href(data, "/services/")}>list of services</a>.
            </p>
          </div>

          <p class="nhsuk-body-l nhsuk-u-margin-bottom-4" id="search-status" role="status"></p>
          <ol class="nhsuk-list" id="search-result-list"></ol>
          <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" id="search-more" type="button" hidden>
            Show more results
          </button>
          <div id="search-no-results" hidden>
            <h2 class="nhsuk-heading-m">
              No results for <span id="search-no-results-query"></span>
            </h2>
            <p>Improve your search results by:</p>
            <ul>
              <li>double-checking your spelling</li>
              <li>searching again using other words</li>
              <li>removing filters</li>
            </ul>
            <p>
              You can also browse the <a href={href(data, "/news/")}>news listing</a> or our <a href={href(data, "/services/")}>services</a>.
            </p>
          </div>
        </div>
      </div>
    </Base>
  );
}
