import type { Pagefind, PagefindResult } from "./search/pagefind-api.ts";
import { allowPagefindWorker } from "./search/worker-policy.ts";
import { type SearchQuery, describeResults, hasSearch, pagefindFilters, readQuery, writeQuery } from "./search/query.ts";
import { renderResult } from "./search/render.ts";

/** How many results are shown at once; "Show more results" adds the next lot. */
const PAGE_SIZE = 10;

const root = document.querySelector<HTMLElement>("[data-search]");
const form = document.querySelector<HTMLFormElement>("#search-form");
const status = document.querySelector<HTMLElement>("#search-status");
const list = document.querySelector<HTMLOListElement>("#search-result-list");
const more = document.querySelector<HTMLButtonElement>("#search-more");
const noResults = document.querySelector<HTMLElement>("#search-no-results");
const noResultsQuery = document.querySelector<HTMLElement>("#search-no-results-query");

let pagefind: Promise<Pagefind> | undefined;
let pending: PagefindResult[] = [];
let generation = 0;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const script = root?.dataset.pagefind ?? "/pagefind/pagefind.js";
    allowPagefindWorker(script);
    const module = (await import(script)) as Pagefind;
    await module.options({ baseUrl: root?.dataset.baseUrl ?? "/", excerptLength: 30 });
    await module.init();
    return module;
  })();
  return pagefind;
}

function fillForm(query: SearchQuery): void {
  if (!form) return;
  for (const name of Object.keys(query) as (keyof SearchQuery)[]) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = query[name];
  }
}

function formQuery(): SearchQuery {
  const params = new URLSearchParams();
  if (form) for (const [name, value] of new FormData(form)) if (typeof value === "string") params.set(name, value);
  return readQuery(params);
}

/** Adds the next results; returns the first one added, so focus can move to it. */
async function showMore(): Promise<HTMLElement | undefined> {
  if (!list || !more) return undefined;
  const batch = pending.slice(0, PAGE_SIZE);
  pending = pending.slice(PAGE_SIZE);
  const items = (await Promise.all(batch.map((result) => result.data()))).map(renderResult);
  list.append(...items);
  more.hidden = pending.length === 0;
  return items[0]?.querySelector("a") ?? undefined;
}

async function run(query: SearchQuery): Promise<void> {
  const current = ++generation;
  if (!status || !list || !more || !noResults) return;
  list.replaceChildren();
  more.hidden = true;
  noResults.hidden = true;
  if (!hasSearch(query)) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  try {
    const engine = await loadPagefind();
    const search = await engine.search(query.q || null, {
      filters: pagefindFilters(query),
      sort: query.sort === "newest" ? { date: "desc" } : undefined,
    });
    if (current !== generation) return;
    const results = search?.results ?? [];
    pending = results;
    await showMore();
    if (current !== generation) return;
    status.textContent = describeResults(results.length, query);
    if (results.length === 0 && noResultsQuery) {
      noResultsQuery.textContent = query.q ? `‘${query.q}’` : "these filters";
      noResults.hidden = false;
    }
  } catch (error) {
    status.textContent = "Search is not working at the moment. Try again later, or browse the news and services.";
    console.error(error);
  }
}

if (root && form) {
  document.querySelector("#search-needs-javascript")?.setAttribute("hidden", "");
  fillForm(readQuery(new URLSearchParams(location.search)));
  void run(readQuery(new URLSearchParams(location.search)));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = formQuery();
    history.pushState(null, "", `${location.pathname}${writeQuery(query)}`);
    void run(query);
  });
  // Keyboard and screen reader users land on the first new result, not back at the top.
  more?.addEventListener("click", () => void showMore().then((first) => first?.focus()));
  window.addEventListener("popstate", () => {
    const query = readQuery(new URLSearchParams(location.search));
    fillForm(query);
    void run(query);
  });
}
