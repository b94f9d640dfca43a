import type { TimedEvent } from "../../src/content/types/event/listing.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { EventCards } from "./EventCard.tsx";

/**
 * On a news story, the event (or events) whose `news` names it: the other half of the
 * link from the event page to its stories. Nothing when no event names the story.
 */
export function AboutTheEvent({ events, data }: { events: TimedEvent[]; data: PageData }) {
  if (!events.length) return null;
  return (
    <section class="nhsuk-u-margin-bottom-5" aria-labelledby="about-the-event">
      <h2 id="about-the-event" class="nhsuk-heading-m">
        {events.length === 1 ? "About the event" : "About the events"}
      </h2>
      <EventCards events={events} data={data} headingLevel={3} />
    </section>
  );
}
