import { excerptFragment } from "./excerpt.ts";
import type { PagefindResultData } from "./pagefind-api.ts";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One result, built from text nodes only: titles and excerpts can never become markup. */
export function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = element("li", "ri-search-result nhsuk-u-margin-bottom-5");
  const heading = element("h2", "nhsuk-heading-s nhsuk-u-margin-bottom-1");
  const link = element("a", undefined, result.meta.title ?? result.url);
  link.href = result.url;
  heading.appendChild(link);
  item.appendChild(heading);

  // The type is shown as its page wrote it (its definition's search type), so a new type needs no entry here.
  const type = result.meta.type || "Page";
  const about = element("p", "nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1", type);
  // A study's status, as its tag says it: a reader looking for a study to join sees which are open.
  if (result.meta.status) about.append(` · ${result.meta.status}`);
  if (result.meta.date && result.meta.dateText) {
    about.append(" · Published ");
    const time = element("time", undefined, result.meta.dateText);
    time.dateTime = result.meta.date;
    about.appendChild(time);
  }
  item.appendChild(about);

  const excerpt = element("p", "nhsuk-body-s nhsuk-u-margin-bottom-0");
  excerpt.appendChild(excerptFragment(result.excerpt));
  item.appendChild(excerpt);
  return item;
}
