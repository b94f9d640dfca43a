import type { PlainPageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { ContactPage } from "./components/ContactPage.tsx";

/** /contact/, made from site.json's `contact` when content/pages/contact.md does not give the page its words. */
export function render(data: PlainPageData) {
  const { contact } = data.site;
  return (
    <Base data={data} title={data.title} description={data.summary} trail={[{ text: "Home", url: "/" }]}>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <h1>{data.title}</h1>
          {contact ? <ContactPage data={data} contact={contact} /> : null}
        </div>
      </div>
    </Base>
  );
}
