import type { PlainPageData } from "../src/render/page-data.ts";
import { Base } from "./base.tsx";
import { ServiceCards } from "./components/ServiceCards.tsx";

/** The list of service pages, in their `order`. */
export function render(data: PlainPageData) {
  return (
    <Base data={data} title={data.title} description={data.summary} trail={[{ text: "Home", url: "/" }]}>
      <h1>{data.title}</h1>
      <p class="nhsuk-lede-text">{data.summary}</p>
      {data.collections.services.length ? <ServiceCards services={data.collections.services} data={data} /> : <p>There are no service pages yet.</p>}
    </Base>
  );
}
