import type { PageData } from "../../src/render/page-data.ts";
import { mailtoUri, telUri } from "../../src/content/contact.ts";
import type { SiteContact } from "../../src/content/schema/site.ts";
import { CONTACT_URL } from "../../src/content/site-urls.ts";
import { AddressLines, phoneText } from "./ContactDetails.tsx";
import { href, organisationName } from "./links.ts";
import { samePerSite } from "./per-site.ts";

export function Footer({ data }: { data: PageData }) {
  return samePerSite(data.site, data.pathPrefix, () => <SiteFooter data={data} />);
}

function SiteFooter({ data }: { data: PageData }) {
  return (
    <footer class="nhsuk-footer" role="contentinfo">
      <div class="nhsuk-width-container">
        {data.site.contact ? <FooterContact data={data} contact={data.site.contact} /> : null}
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

/** How to reach the department, on every page, while site.json gives its details. */
function FooterContact({ data, contact }: { data: PageData; contact: SiteContact }) {
  return (
    <div class="nhsuk-u-margin-bottom-4">
      <h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-2">Contact {data.site.name}</h2>
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
        Email: <a href={mailtoUri(contact.email)}>{contact.email}</a>
      </p>
      {contact.phone ? (
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
          Phone: <a href={telUri(contact.phone)}>{phoneText(contact.phone)}</a>
        </p>
      ) : null}
      {contact.hours ? <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">{contact.hours}</p> : null}
      {contact.address ? <AddressLines lines={contact.address} small /> : null}
      <p class="nhsuk-body-s">
        <a href={href(data, CONTACT_URL)}>All contact details</a>
      </p>
    </div>
  );
}
