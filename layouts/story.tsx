import type { StoryData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { AboutTheEvent } from "./components/AboutTheEvent.tsx";
import { Content } from "./components/Content.tsx";
import { SearchData } from "./components/SearchData.tsx";
import { PreviewBanner } from "./components/PreviewBanner.tsx";
import { StoryNavigation } from "./components/StoryNavigation.tsx";
import { Picture } from "./components/Picture.tsx";
import { Time } from "./components/Time.tsx";
import { TopicTags } from "./components/TopicTags.tsx";

/** A news story: title, dates, body, the event it is about (if an event names it), topics and the stories either side of it. */
export function render(data: StoryData) {
  const year = data.date.slice(0, 4);
  const neighbours = data.collections.newsIndex.neighbours.get(data.page.url) ?? {};
  return (
    <Base
      data={data}
      title={data.title}
      description={data.summary}
      article={{ date: data.date, updated: data.updated, tags: data.tags, image: data.image }}
      trail={[
        { text: "Home", url: "/" },
        { text: "News", url: "/news/" },
        { text: year, url: `/news/${year}/` },
      ]}
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <PreviewBanner data={data} />
          <article data-pagefind-body>
            <SearchData data={data} type="News" date={data.date} tags={data.tags} />
            <h1 data-pagefind-meta="title">{data.title}</h1>
            <p class="nhsuk-body-s nhsuk-u-secondary-text-colour" data-pagefind-ignore>
              Published <Time date={data.date} data={data} />
              {data.updated && data.updated !== data.date ? (
                <>
                  <br />
                  Updated <Time date={data.updated} data={data} />
                </>
              ) : null}
            </p>
            {data.image ? (
              // The NHS image component; the lead image is at the top of the page, so it is not lazy-loaded.
              <figure class="nhsuk-image">
                <Picture data={data} src={data.image.src} alt={data.image.alt} className="nhsuk-image__img" />
                {data.image.caption ? <figcaption class="nhsuk-image__caption">{data.image.caption}</figcaption> : null}
              </figure>
            ) : null}
            <Content html={data.content} />
          </article>
          <AboutTheEvent events={data.collections.events.byStory.get(data.page.url) ?? []} data={data} />
          <TopicTags tags={data.tags ?? []} data={data} />
          <StoryNavigation neighbours={neighbours} data={data} />
        </div>
      </div>
    </Base>
  );
}
