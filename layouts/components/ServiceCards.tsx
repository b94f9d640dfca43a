import type { ServiceEntry } from "../../src/content/types/service.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { href } from "./links.ts";

/** Service pages as nhsuk-frontend's clickable cards, two to a row on wide screens. */
export function ServiceCards({ services, data, headingLevel = 2 }: { services: ServiceEntry[]; data: PageData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul class="nhsuk-grid-row nhsuk-card-group">
      {services.map((service) => (
        <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
          <div class="nhsuk-card nhsuk-card--clickable">
            <div class="nhsuk-card__content">
              <Heading class="nhsuk-card__heading nhsuk-heading-s">
                <a class="nhsuk-card__link" href={href(data, service.url)}>
                  {service.title}
                </a>
              </Heading>
              <p class="nhsuk-card__description">{service.summary}</p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
