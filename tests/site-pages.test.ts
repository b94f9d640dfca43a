import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Site } from "../src/content/schema/site.ts";
import { internationalPhone, organisationContact, telUri } from "../src/content/contact.ts";
import { sitePages, undatedSitemapPages } from "../src/render/site-pages.ts";
import { FIXTURE_CONTACT } from "./helpers/fixture-site.ts";

const SITE: Site = { name: "Research and Innovation", organisation: { name: "Example" }, url: "https://ri.example.nhs.uk", navigation: [], footer: [] };
const urls = (pages: ReturnType<typeof sitePages>) => pages.map((page) => page.url);

describe("the site's own pages", () => {
  it("make /contact/ only while site.json has contact details", () => {
    assert.ok(!urls(sitePages(SITE, new Set())).includes("/contact/"));
    const withContact = sitePages({ ...SITE, contact: { email: FIXTURE_CONTACT.email } }, new Set());
    assert.equal(withContact.find((page) => page.url === "/contact/")?.layout, "contact.tsx");
    assert.deepEqual(undatedSitemapPages(withContact), ["/search/", "/contact/"]);
  });

  it("leave /contact/ to content/pages/contact.md when it is published, so there is one page", () => {
    const pages = sitePages({ ...SITE, contact: { email: FIXTURE_CONTACT.email } }, new Set(["/contact/"]));
    assert.ok(!urls(pages).includes("/contact/"));
    assert.deepEqual(undatedSitemapPages(pages), ["/search/"]);
  });
});

describe("contact links and schema.org", () => {
  it("writes a UK number with +44 in tel: links, and keeps a number given with +", () => {
    assert.equal(telUri("01632 960000"), "tel:+441632960000");
    assert.equal(internationalPhone("(01632) 960-000"), "+441632960000");
    assert.equal(internationalPhone("+44 (0)1632 960000"), "+441632960000");
    assert.equal(internationalPhone("+353 1 234 5678"), "+35312345678");
  });

  it("gives schema.org only the details site.json has", () => {
    assert.deepEqual(organisationContact(undefined), {});
    assert.deepEqual(organisationContact({ email: FIXTURE_CONTACT.email }), { email: FIXTURE_CONTACT.email });
  });
});
