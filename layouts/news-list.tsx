import type { ListingData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { NewsBrowse } from "./components/NewsBrowse.tsx";
import { NewsCards } from "./components/NewsCard.tsx";
import { Pagination } from "./components/Pagination.tsx";

export const pageLabel = (number: number, total: number) => (total > 1 ? ` (page ${number} of ${total})` : "");

/** The news listing, newest first, ten stories a page. */
export function render(data: ListingData) {
  const { listing } = data;
  return (
    <Base
      data={data}
      title={`News${pageLabel(listing.number, listing.total)}`}
      description="News from the Research and Innovation Department, newest first."
      trail={[{ text: "Home", url: "/" }]}
    >
      <h1>
        News
        {listing.total > 1 ? (
          <span class="nhsuk-caption-m nhsuk-caption--bottom">
            Page {listing.number} of {listing.total}
          </span>
        ) : null}
      </h1>
      {listing.items.length ? <NewsCards stories={listing.items} data={data} /> : <p>There is no news yet.</p>}
      <Pagination listing={listing} data={data} />
      <NewsBrowse data={data} />
    </Base>
  );
}
