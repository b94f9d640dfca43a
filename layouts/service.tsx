import type { ServiceData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { Content } from "./components/Content.tsx";
import { PreviewBanner } from "./components/PreviewBanner.tsx";
import { RecruitingStudies, TAKING_PART_URL } from "./components/RecruitingStudies.tsx";
import { ReviewDates } from "./components/ReviewDates.tsx";
import { SearchData } from "./components/SearchData.tsx";

/**
 * A service page, with the NHS review dates. The "Taking part in research" page also says
 * how many studies are recruiting and links to them: the one service page whose reader
 * wants a study to join, and a count an editor could never keep true by hand.
 */
export function render(data: ServiceData) {
  return (
    <Base
      data={data}
      title={data.title}
      description={data.summary}
      trail={[
        { text: "Home", url: "/" },
        { text: "Services", url: "/services/" },
      ]}
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <PreviewBanner data={data} />
          <div data-pagefind-body>
            <SearchData data={data} type="Service" />
            <h1 data-pagefind-meta="title">{data.title}</h1>
            <p class="nhsuk-lede-text">{data.summary}</p>
            <Content html={data.content} />
          </div>
          {data.page.url === TAKING_PART_URL ? (
            <RecruitingStudies count={data.collections.studyRegister.recruitingCount} data={data} heading="Studies you can take part in" />
          ) : null}
          <ReviewDates reviewed={data.reviewed} reviewDue={data.reviewDue} data={data} />
        </div>
      </div>
    </Base>
  );
}
