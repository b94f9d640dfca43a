import { REGISTER_TITLE } from "../src/content/types/study.ts";
import { STUDIES_URL } from "../src/content/types/study/status.ts";
import type { PlainPageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { ActionLink } from "./components/ActionLink.tsx";
import { Content } from "./components/Content.tsx";
import { UpcomingEvents } from "./components/EventCard.tsx";
import { NewsCards } from "./components/NewsCard.tsx";
import { RecruitingStudies } from "./components/RecruitingStudies.tsx";
import { SearchData } from "./components/SearchData.tsx";
import { ServiceCards } from "./components/ServiceCards.tsx";

export const LATEST_NEWS = 3;
export const NEXT_EVENTS = 3;

/** The R&I home page: the introduction, how many studies are recruiting, the latest news, the next events (when any are coming up) and the services. */
export function render(data: PlainPageData) {
  const latest = data.collections.newsIndex.stories.slice(0, LATEST_NEWS);
  const services = data.collections.services;
  return (
    <Base data={data} title={data.title} description={data.summary}>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds" data-pagefind-body>
          <SearchData data={data} type="Page" />
          <h1 data-pagefind-meta="title">{data.title}</h1>
          {/* Taking part is the visitor's first journey: its call to action comes before the introduction, in view on a phone. */}
          <div data-pagefind-ignore>
            <ActionLink url={STUDIES_URL} text={REGISTER_TITLE} data={data} />
          </div>
          <Content html={data.content} />
        </div>
      </div>
      <RecruitingStudies count={data.collections.studyRegister.recruitingCount} data={data} />
      <section aria-labelledby="latest-news">
        <h2 id="latest-news">Research &amp; Innovation News</h2>
        {latest.length ? <NewsCards stories={latest} data={data} headingLevel={3} /> : <p>There is no news yet.</p>}
        <ActionLink url="/news/" text="All research and innovation news" data={data} />
      </section>
      <UpcomingEvents events={data.collections.events.upcoming.slice(0, NEXT_EVENTS)} data={data} />
      {services.length ? (
        <section aria-labelledby="our-services">
          <h2 id="our-services">Our services</h2>
          <ServiceCards services={services} data={data} headingLevel={3} />
        </section>
      ) : null}
    </Base>
  );
}
