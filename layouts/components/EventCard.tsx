import { eventPlace, type TimedEvent } from "../../src/content/types/event/listing.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { ActionLink } from "./ActionLink.tsx";
import { EventWhen } from "./EventWhen.tsx";
import { href } from "./links.ts";

/**
 * An event in a listing: nhsuk-frontend's clickable card with when, where and its topics.
 * The whole card is the link, so the topics are named, not linked.
 */
export function EventCard({ event, data, headingLevel = 2 }: { event: TimedEvent; data: PageData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const place = eventPlace(event);
  const topics = event.tags.map((slug) => data.topics.find((topic) => topic.slug === slug)?.name).filter((name) => name !== undefined);
  return (
    <li class="nhsuk-grid-column-full nhsuk-card-group__item">
      <div class="nhsuk-card nhsuk-card--clickable">
        <div class="nhsuk-card__content">
          <Heading class="nhsuk-card__heading nhsuk-heading-m">
            <a class="nhsuk-card__link" href={href(data, event.url)}>
              {event.title}
            </a>
          </Heading>
          <p class="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
            <EventWhen times={event.times} data={data} />
            {place ? (
              <>
                <br />
                {place}
              </>
            ) : null}
          </p>
          <p class="nhsuk-card__description">{event.summary}</p>
          {topics.length ? (
            <p class="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">Topics: {topics.join(", ")}</p>
          ) : null}
        </div>
      </div>
    </li>
  );
}

export function EventCards({ events, data, headingLevel }: { events: TimedEvent[]; data: PageData; headingLevel?: 2 | 3 }) {
  return (
    <ul class="nhsuk-grid-row nhsuk-card-group">
      {events.map((event) => (
        <EventCard event={event} data={data} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}

/** The home page's next events, with a link to them all; nothing when none is coming up. */
export function UpcomingEvents({ events, data }: { events: TimedEvent[]; data: PageData }) {
  if (!events.length) return null;
  return (
    <section aria-labelledby="upcoming-events">
      <h2 id="upcoming-events">Upcoming events</h2>
      <EventCards events={events} data={data} headingLevel={3} />
      <ActionLink url="/events/" text="All events" data={data} />
    </section>
  );
}
