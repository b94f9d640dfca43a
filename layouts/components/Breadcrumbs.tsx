import type { PageData } from "../../src/render/page-data.ts";
import { href } from "./links.ts";

export interface Crumb {
  text: string;
  url: string;
}

/** nhsuk-frontend's breadcrumb: the trail above the page, with a back link on small screens. */
export function Breadcrumbs({ data, trail }: { data: PageData; trail: Crumb[] }) {
  const parent = trail.at(-1);
  if (!parent) return null;
  return (
    <nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol class="nhsuk-breadcrumb__list">
        {trail.map((crumb) => (
          <li class="nhsuk-breadcrumb__list-item">
            <a class="nhsuk-breadcrumb__link" href={href(data, crumb.url)}>
              {crumb.text}
            </a>
          </li>
        ))}
      </ol>
      <a class="nhsuk-back-link" href={href(data, parent.url)}>
        <span class="nhsuk-u-visually-hidden">Back to </span>
        {parent.text}
      </a>
    </nav>
  );
}
