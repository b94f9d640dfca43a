import type { PlainPageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { href } from "./components/links.ts";

/** Served by the host for any address that has no page. */
export function render(data: PlainPageData) {
  return (
    <Base data={data} title={data.title} indexable={false}>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <h1>Page not found</h1>
          <p>If you typed the web address, check it was correct.</p>
          <p>If you pasted the web address, check you copied the entire address.</p>
          <p>
            You can go to the <a href={href(data, "/")}>Research and Innovation home page</a>, read the <a href={href(data, "/news/")}>latest news</a>, see our{" "}
            <a href={href(data, "/services/")}>services</a> or <a href={href(data, "/search/")}>search this website</a>.
          </p>
        </div>
      </div>
    </Base>
  );
}
