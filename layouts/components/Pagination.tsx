import type { ListingPage } from "../../src/content/news-index.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { Icon } from "./icons.tsx";
import { href } from "./links.ts";

/** Page numbers to show: the first, the last, and the current one with its neighbours. */
export function visiblePages(current: number, total: number): Array<number | "…"> {
  const wanted = new Set([1, total, current - 1, current, current + 1].filter((n) => n >= 1 && n <= total));
  const sorted = [...wanted].sort((a, b) => a - b);
  return sorted.flatMap((n, index) => {
    const previous = sorted[index - 1];
    return previous !== undefined && n - previous > 1 ? (["…", n] as const) : [n];
  });
}

/** nhsuk-frontend's numbered pagination. Nothing is shown for a single page. */
export function Pagination({ listing, data }: { listing: ListingPage; data: PageData }) {
  if (listing.total < 2) return null;
  const previous = listing.pageUrls[listing.number - 2];
  const next = listing.pageUrls[listing.number];
  return (
    <nav class="nhsuk-pagination nhsuk-pagination--numbered" role="navigation" aria-label="Pagination">
      {previous ? (
        <a href={href(data, previous)} class="nhsuk-pagination__previous" rel="prev">
          <Icon name="arrow-left" />
          <span class="nhsuk-pagination__title">
            Previous<span class="nhsuk-u-visually-hidden"> page</span>
          </span>
        </a>
      ) : null}
      <ul class="nhsuk-pagination__list">
        {visiblePages(listing.number, listing.total).map((n) =>
          n === "…" ? (
            <li class="nhsuk-pagination__item nhsuk-pagination__item--ellipsis">⋯</li>
          ) : (
            <li class={`nhsuk-pagination__item${n === listing.number ? " nhsuk-pagination__item--current" : ""}`}>
              <a
                class="nhsuk-pagination__link"
                href={href(data, listing.pageUrls[n - 1] ?? listing.url)}
                aria-label={`Page ${n}`}
                aria-current={n === listing.number ? "page" : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {next ? (
        <a href={href(data, next)} class="nhsuk-pagination__next" rel="next">
          <span class="nhsuk-pagination__title">
            Next<span class="nhsuk-u-visually-hidden"> page</span>
          </span>
          <Icon name="arrow-right" />
        </a>
      ) : null}
    </nav>
  );
}
