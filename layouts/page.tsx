import type { PlainPageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { CONTACT_URL } from "../src/content/site-urls.ts";
import { ContactPage } from "./components/ContactPage.tsx";
import { Content } from "./components/Content.tsx";
import { PreviewBanner } from "./components/PreviewBanner.tsx";
import { ReviewDates } from "./components/ReviewDates.tsx";
import { SearchData } from "./components/SearchData.tsx";

/** Any other page, such as the accessibility statement, and the contact page's words. */
export function render(data: PlainPageData) {
  return (
    <Base data={data} title={data.title} description={data.summary} trail={[{ text: "Home", url: "/" }]}>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <PreviewBanner data={data} />
          <div data-pagefind-body>
            <SearchData data={data} type="Page" />
            <h1 data-pagefind-meta="title">{data.title}</h1>
            <Content html={data.content} />
          </div>
          {/* content/pages/contact.md is the contact page's words; the details come from site.json. */}
          {data.page.url === CONTACT_URL && data.site.contact ? <ContactPage data={data} contact={data.site.contact} /> : null}
          <ReviewDates reviewed={data.reviewed} data={data} />
        </div>
      </div>
    </Base>
  );
}
