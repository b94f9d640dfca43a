import type { PlainPageData } from "../src/page-data.ts";
import { Base } from "./base.tsx";
import { href } from "./components/links.ts";

/** The search page. Results are found in the browser, so without JavaScript it says so. */
export function render(data: PlainPageData) {
  return (
    <Base data={data} title={data.title} description={data.summary} trail={[{ text: "Home", url: "/" }]}>
      <h1>Search</h1>
      <form action={href(data, "/search/")} method="get" role="search" class="nhsuk-u-margin-bottom-5">
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="search-query">
            Search news, services and pages
          </label>
          <input class="nhsuk-input nhsuk-u-width-two-thirds" id="search-query" name="q" type="search" autocomplete="off" />
        </div>
        <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
          Search
        </button>
      </form>
      <div class="nhsuk-inset-text" id="search-needs-javascript">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Search needs JavaScript, which is turned off or not working in your browser. You can still browse the{" "}
          <a href={href(data, "/news/")}>news listing</a> and the <a href={href(data, "/services/")}>list of services</a>.
        </p>
      </div>
    </Base>
  );
}
