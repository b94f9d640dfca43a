import { eventIcsUrl } from "../src/content/types/event/ics.ts";
import { eventPlace, withTimes } from "../src/content/types/event/listing.ts";
import type { EventPageData } from "../src/render/event-page-data.ts";
import { eventJsonLd } from "../src/content/types/event/structured-data.ts";
import { isUpcoming } from "../src/content/types/event/time.ts";
import type { NewsEntry } from "../src/content/news-index.ts";
import { scriptSafeJson } from "../src/publish/structured-data.ts";
import { Base } from "./base.tsx";
import { Content } from "./components/Content.tsx";
import { EventWhen } from "./components/EventWhen.tsx";
import { absolute, href, organisationName } from "./components/links.ts";
import { NewsCards } from "./components/NewsCard.tsx";
import { PreviewBanner } from "./components/PreviewBanner.tsx";
import { SearchData } from "./components/SearchData.tsx";
import { TopicTags } from "./components/TopicTags.tsx";

/** The stories an event names, in the order its `news` lists them; a story left out of this build is skipped. */
export function storiesAbout(data: EventPageData): NewsEntry[] {
  const stories = new Map(data.collections.newsIndex.stories.map((story) => [story.url, story]));
  return (data.news ?? []).map((url) => stories.get(url)).filter((story) => story !== undefined);
}

/**
 * An event: when, where, what it costs and how to book, the body, the stories about it,
 * and schema.org Event data. Whether it has passed is decided against the build's London
 * day, so the nightly rebuild turns an event into a past one the day after it ends: the
 * page then says so at the top and no longer offers booking or adding to a calendar.
 */
export function render(data: EventPageData) {
  const event = withTimes({
    url: data.page.url,
    title: data.title,
    summary: data.summary,
    start: data.start,
    end: data.end,
    location: data.location,
    online: data.online,
    booking: data.booking,
    cost: data.cost,
    tags: data.tags ?? [],
    news: data.news ?? [],
    year: data.start.slice(0, 4),
  });
  const past = !isUpcoming(event.times, data.buildDate);
  const place = eventPlace(event);
  const stories = storiesAbout(data);
  const jsonLd = eventJsonLd({
    event,
    pageUrl: absolute(data, data.page.url),
    organiser: organisationName(data),
    organiserUrl: absolute(data, "/"),
    language: data.site.language ?? "en-GB",
  });
  return (
    <Base
      data={data}
      title={data.title}
      description={data.summary}
      trail={[
        { text: "Home", url: "/" },
        { text: "Events", url: "/events/" },
      ]}
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <PreviewBanner data={data} />
          <article data-pagefind-body>
            {/* Found in search as an Event of its start's year, sorted by the day it starts. */}
            <SearchData data={data} type="Event" date={event.times.firstDay} tags={data.tags} />
            <h1 data-pagefind-meta="title">{data.title}</h1>
            {past ? (
              <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">Information: </span>
                <p>This event has passed.</p>
              </div>
            ) : null}
            <dl class="nhsuk-summary-list" data-pagefind-ignore>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">When</dt>
                <dd class="nhsuk-summary-list__value">
                  <EventWhen times={event.times} data={data} />
                </dd>
              </div>
              {place ? (
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">Where</dt>
                  <dd class="nhsuk-summary-list__value">{place}</dd>
                </div>
              ) : null}
              {data.cost ? (
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">Cost</dt>
                  <dd class="nhsuk-summary-list__value">{data.cost}</dd>
                </div>
              ) : null}
            </dl>
            {!past && data.booking ? (
              // Styled as nhsuk-frontend's button but kept a link (no role="button"): it goes to another site's page,
              // and assistive technology should say so, as GOV.UK Frontend 5 decided for its link buttons.
              <a class="nhsuk-button" data-module="nhsuk-button" href={data.booking} draggable={false}>
                Book a place<span class="nhsuk-u-visually-hidden"> at {data.title}</span>
              </a>
            ) : null}
            {!past ? (
              <p>
                <a href={href(data, eventIcsUrl(data.page.url))} type="text/calendar">
                  Add to calendar<span class="nhsuk-u-visually-hidden">: {data.title}</span>
                </a>
              </p>
            ) : null}
            <Content html={data.content} />
            {/* The one raw string outside rendered markdown: JSON escaped so it cannot end the element. */}
            <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(jsonLd) }} />
          </article>
          {stories.length ? (
            <section class="nhsuk-u-margin-bottom-5" aria-labelledby="event-news">
              <h2 id="event-news" class="nhsuk-heading-m">
                News about this event
              </h2>
              <NewsCards stories={stories} data={data} headingLevel={3} />
            </section>
          ) : null}
          <TopicTags tags={data.tags ?? []} data={data} />
        </div>
      </div>
    </Base>
  );
}
