import type { PageData } from "../../src/render/page-data.ts";
import { href, organisationName } from "./links.ts";
import { samePerSite } from "./per-site.ts";

export function Footer({ data }: { data: PageData }) {
  return samePerSite(data.site, data.pathPrefix, () => <SiteFooter data={data} />);
}

function SiteFooter({ data }: { data: PageData }) {
  return (
    <footer class="nhsuk-footer" role="contentinfo">
      <div class="nhsuk-width-container">
        <div class="nhsuk-footer__meta">
          <h2 class="nhsuk-u-visually-hidden">Support links</h2>
          <ul class="nhsuk-footer__list">
            {data.site.footer.map((link) => (
              <li class="nhsuk-footer__list-item">
                <a class="nhsuk-footer__list-item-link" href={href(data, link.href)}>
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
          <p class="nhsuk-body-s">© {organisationName(data)}</p>
        </div>
      </div>
    </footer>
  );
}
