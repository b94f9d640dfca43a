import type { SiteContact } from "../../src/content/schema/site.ts";
import { mailtoUri, telUri } from "../../src/content/contact.ts";

/** A phone number kept on one line: non-breaking spaces, as a tel: link's text should have. */
export const phoneText = (phone: string): string => phone.replace(/ /g, "\u00a0");

/** The department's contact details as a summary list: the contact page's body. */
export function ContactDetails({ contact }: { contact: SiteContact }) {
  return (
    <dl class="nhsuk-summary-list">
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Email</dt>
        <dd class="nhsuk-summary-list__value">
          <a href={mailtoUri(contact.email)}>{contact.email}</a>
        </dd>
      </div>
      {contact.phone ? (
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Phone</dt>
          <dd class="nhsuk-summary-list__value">
            <a href={telUri(contact.phone)}>{phoneText(contact.phone)}</a>
          </dd>
        </div>
      ) : null}
      {contact.hours ? (
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Opening hours</dt>
          <dd class="nhsuk-summary-list__value">{contact.hours}</dd>
        </div>
      ) : null}
      {contact.address ? (
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Address</dt>
          <dd class="nhsuk-summary-list__value">
            <AddressLines lines={contact.address} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** A postal address, a line each, as a letter shows it (nhsuk-frontend sets `address` upright). */
export function AddressLines({ lines, small = false }: { lines: readonly string[]; small?: boolean }) {
  return <address class={small ? "nhsuk-body-s" : undefined}>{lines.map((line, index) => (index ? [<br />, line] : line))}</address>;
}
