import type { Neighbours } from "../../src/content/news-index.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { Icon } from "./icons.tsx";
import { href } from "./links.ts";

/** Links to the stories either side of this one in the listing, as nhsuk-frontend's pagination. */
export function StoryNavigation({ neighbours, data }: { neighbours: Neighbours; data: PageData }) {
  const { newer, older } = neighbours;
  if (!newer && !older) return null;
  return (
    <nav class="nhsuk-pagination" role="navigation" aria-label="More news">
      <ul class="nhsuk-list nhsuk-pagination__list">
        {newer ? (
          <li class="nhsuk-pagination-item--previous">
            <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href={href(data, newer.url)} rel="prev">
              <span class="nhsuk-pagination__title">Newer story</span>
              <span class="nhsuk-u-visually-hidden">:</span>
              <span class="nhsuk-pagination__page">{newer.title}</span>
              <Icon name="arrow-left" />
            </a>
          </li>
        ) : null}
        {older ? (
          <li class="nhsuk-pagination-item--next">
            <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href={href(data, older.url)} rel="next">
              <span class="nhsuk-pagination__title">Older story</span>
              <span class="nhsuk-u-visually-hidden">:</span>
              <span class="nhsuk-pagination__page">{older.title}</span>
              <Icon name="arrow-right" />
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
