import type { EventsListingData } from "../src/render/event-page-data.ts";
import { CALENDAR_FEED_URL } from "../src/content/types/event/ics.ts";
import { Base } from "./base.tsx";
import { EventCards } from "./components/EventCard.tsx";
import { href } from "./components/links.ts";
import { Pagination } from "./components/Pagination.tsx";
import { pageLabel } from "./news-list.tsx";

/**
 * `/events/`: upcoming events soonest first, then past events newest first, ten a page as
 * the news listing is. Page 1 always says whether anything is coming up.
 */
export function render(data: EventsListingData) {
  const page = data.eventListing;
  const first = page.number === 1;
  return (
    <Base
      data={data}
      title={`Events${pageLabel(page.number, page.total)}`}
      description={`Events from ${data.site.name}: upcoming events first, then past events.`}
      trail={[{ text: "Home", url: "/" }]}
    >
      <h1>
        Events
        {page.total > 1 ? (
          <span class="nhsuk-caption-m nhsuk-caption--bottom">
            Page {page.number} of {page.total}
          </span>
        ) : null}
      </h1>
      {first || page.upcoming.length ? (
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">Upcoming events</h2>
          {page.upcoming.length ? <EventCards events={page.upcoming} data={data} headingLevel={3} /> : <p>There are no upcoming events at the moment.</p>}
          {page.upcoming.length ? (
            <p>
              <a href={href(data, CALENDAR_FEED_URL)} type="text/calendar">
                Subscribe to the events calendar
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      {page.past.length ? (
        <section aria-labelledby="past">
          <h2 id="past">Past events</h2>
          <EventCards events={page.past} data={data} headingLevel={3} />
        </section>
      ) : null}
      <Pagination listing={page} data={data} />
    </Base>
  );
}
