import { organisationContact } from "../../src/content/contact.ts";
import type { SiteContact } from "../../src/content/schema/site.ts";
import { department, scriptSafeJson } from "../../src/publish/structured-data.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { ContactDetails } from "./ContactDetails.tsx";
import { absolute, organisationName } from "./links.ts";

/** The contact page's details and the department's schema.org data, under the page's own words. */
export function ContactPage({ data, contact }: { data: PageData; contact: SiteContact }) {
  const structured = department({ name: data.site.name, url: absolute(data, "/"), parent: organisationName(data), contact: organisationContact(contact) });
  return (
    <>
      <ContactDetails contact={contact} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(structured) }} />
    </>
  );
}
