import type { PlainPageData } from "../src/page-data.ts";
import { Base } from "./base.tsx";
import { Content } from "./components/Content.tsx";
import { PreviewBanner } from "./components/PreviewBanner.tsx";
import { ReviewDates } from "./components/ReviewDates.tsx";

/** Any other page, such as the accessibility statement. */
export function render(data: PlainPageData) {
  return (
    <Base data={data} title={data.title} description={data.summary} trail={[{ text: "Home", url: "/" }]}>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <PreviewBanner data={data} />
          <h1>{data.title}</h1>
          <Content html={data.content} />
          <ReviewDates reviewed={data.reviewed} data={data} />
        </div>
      </div>
    </Base>
  );
}
