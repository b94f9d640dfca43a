import type { PageData } from "./page-data.ts";
import type { EventListingPage } from "../content/types/event/listing.ts";
import type { EventFrontMatter } from "../content/types/event/schema.ts";

/**
 * What the event layouts receive. Kept beside the event code until events join the
 * shared PageData (its collections would then carry the event index).
 */

/** An event page: the page data and the event's checked front matter. */
export type EventPageData = PageData & EventFrontMatter;

/** A page of `/events/`. */
export type EventsListingData = PageData & { eventListing: EventListingPage };
