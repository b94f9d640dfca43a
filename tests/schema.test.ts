import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { schemaProblems } from "../src/check/check.ts";
import { formatProblem } from "../src/content/problems.ts";
import { newsSchema } from "../src/content/schema/news.ts";
import { pageSchema } from "../src/content/schema/page.ts";
import { serviceSchema } from "../src/content/schema/service.ts";
import { siteSchema } from "../src/content/schema/site.ts";
import { type z } from "zod";

const FILE = "content/news/2024/story.md";
const story = { title: "A story", date: "2024-12-12", summary: "What happened." };
const lines = (schema: z.ZodType, data: unknown) => schemaProblems(FILE, schema, data).map(formatProblem);

describe("news schema", () => {
  it("accepts a minimal and a complete story", () => {
    assert.deepEqual(lines(newsSchema, story), []);
    assert.deepEqual(
      lines(newsSchema, {
        ...story,
        tags: ["events"],
        updated: "2024-12-12",
        draft: false,
        image: { src: "/images/a.jpg", alt: "People at the event" },
      }),
      [],
    );
  });

  it("requires title, date and summary", () => {
    assert.deepEqual(lines(newsSchema, {}), [
      `${FILE}: title: is required (add a line "title: ..." to the front matter)`,
      `${FILE}: date: is required (add a line "date: ..." to the front matter)`,
      `${FILE}: summary: is required (add a line "summary: ..." to the front matter)`,
    ]);
  });

  it("rejects an empty or over-long title and summary", () => {
    assert.deepEqual(lines(newsSchema, { ...story, title: "  " }), [`${FILE}: title: must not be empty`]);
    assert.deepEqual(lines(newsSchema, { ...story, title: "x".repeat(151) }), [`${FILE}: title: is 151 characters long; keep it to 150 or fewer`]);
    assert.deepEqual(lines(newsSchema, { ...story, summary: "x".repeat(301) }), [`${FILE}: summary: is 301 characters long; keep it to 300 or fewer`]);
    assert.deepEqual(lines(newsSchema, { ...story, title: "x".repeat(150), summary: "y".repeat(300) }), []);
  });

  it("rejects impossible dates in the design's wording", () => {
    assert.deepEqual(lines(newsSchema, { ...story, date: "2024-02-30" }), [`${FILE}: date: "2024-02-30" is not a real date (use YYYY-MM-DD)`]);
    assert.deepEqual(lines(newsSchema, { ...story, date: 20241212 }), [`${FILE}: date: must be a date written YYYY-MM-DD, not a number`]);
  });

  it("requires updated to be on or after the publication date", () => {
    assert.deepEqual(lines(newsSchema, { ...story, updated: "2024-12-11" }), [
      `${FILE}: updated: "2024-12-11" is before the story's date "2024-12-12"; it must be the same day or later`,
    ]);
  });

  it("checks field types", () => {
    assert.deepEqual(lines(newsSchema, { ...story, draft: "yes", tags: "events" }), [
      `${FILE}: tags: must be a list, not text`,
      `${FILE}: draft: must be true or false, not text`,
    ]);
  });

  it("requires alt text unless the image is marked decorative", () => {
    assert.deepEqual(lines(newsSchema, { ...story, image: { src: "/images/a.jpg" } }), [
      `${FILE}: image.alt: is required: describe the image for people who cannot see it, or write alt: "" and decorative: true`,
    ]);
    assert.deepEqual(lines(newsSchema, { ...story, image: { src: "/images/a.jpg", alt: "" } }), [
      `${FILE}: image.alt: is empty: describe the image, or add "decorative: true" if it adds no information`,
    ]);
    assert.deepEqual(lines(newsSchema, { ...story, image: { src: "/images/a.jpg", alt: "", decorative: true } }), []);
  });

  it("takes images only from the site's own images folder", () => {
    const message = `${FILE}: image.src: must be an image in content/images/, written /images/<name>, such as /images/team-photo.jpg`;
    for (const src of [
      "https://attacker.example/a.jpg",
      "//attacker.example/a.jpg",
      "/a.jpg",
      "/images/../admin/a.jpg",
      "/images\\a.jpg",
      "data:image/png;base64,AA==",
    ]) {
      assert.deepEqual(lines(newsSchema, { ...story, image: { src, alt: "A" } }), [message], src);
    }
    assert.deepEqual(lines(newsSchema, { ...story, image: { src: "/images/events/a.jpg", alt: "A" } }), []);
  });

  it("names unknown fields, with a guess for near misses", () => {
    assert.deepEqual(lines(newsSchema, { ...story, summry: "x" }), [`${FILE}: summry: unknown field (did you mean "summary"?)`]);
    assert.deepEqual(lines(newsSchema, { ...story, author: "x" }), [
      `${FILE}: author: unknown field: remove it, or use one of title, date, summary, tags, updated, draft, image`,
    ]);
    assert.deepEqual(lines(newsSchema, { ...story, image: { src: "/images/a.jpg", alt: "A", altt: "B" } }), [
      `${FILE}: image.altt: unknown field (did you mean "alt"?)`,
    ]);
  });
});

describe("service schema", () => {
  const service = { title: "Training", summary: "Courses.", reviewed: "2024-01-10" };

  it("requires a reviewed date", () => {
    assert.deepEqual(lines(serviceSchema, service), []);
    assert.deepEqual(lines(serviceSchema, { title: "T", summary: "S" }), [`${FILE}: reviewed: is required (add a line "reviewed: ..." to the front matter)`]);
  });

  it("requires reviewDue after reviewed and a whole-number order", () => {
    assert.deepEqual(lines(serviceSchema, { ...service, reviewDue: "2024-01-10" }), [
      `${FILE}: reviewDue: "2024-01-10" must be after the reviewed date "2024-01-10"`,
    ]);
    assert.deepEqual(lines(serviceSchema, { ...service, reviewDue: "2025-01-10", order: 2 }), []);
    assert.deepEqual(lines(serviceSchema, { ...service, order: 1.5 }), [`${FILE}: order: must be a whole number`]);
  });

  it("does not take news fields", () => {
    assert.deepEqual(lines(serviceSchema, { ...service, date: "2024-01-10" }), [
      `${FILE}: date: unknown field: remove it, or use one of title, summary, reviewed, reviewDue, order, draft`,
    ]);
  });
});

describe("page schema", () => {
  it("takes title, summary and an optional reviewed date", () => {
    assert.deepEqual(lines(pageSchema, { title: "About", summary: "About us." }), []);
    assert.deepEqual(lines(pageSchema, { title: "About", summary: "About us.", reviewed: "2024-02-30" }), [
      `${FILE}: reviewed: "2024-02-30" is not a real date (use YYYY-MM-DD)`,
    ]);
  });
});

describe("site.json addresses", () => {
  const site = JSON.parse(readFileSync(new URL("../content/_data/site.json", import.meta.url), "utf8")) as Record<string, unknown>;
  const siteLines = (data: unknown) => schemaProblems("content/_data/site.json", siteSchema, data).map(formatProblem);

  it("accepts the real site data", () => {
    assert.deepEqual(siteLines(site), []);
  });

  it("takes the site's address only as an https origin", () => {
    for (const url of [
      "http://ri.example.nhs.uk",
      "https://ri.example.nhs.uk/folder/",
      "https://user:pw@ri.example.nhs.uk",
      "https://ri.example.nhs.uk/?q=1",
      "javascript:alert(1)",
    ]) {
      const found = siteLines({ ...site, url });
      assert.equal(found.length, 1, url);
      assert.match(found[0] ?? "", /^content\/_data\/site\.json: url: must be/, url);
    }
    assert.deepEqual(siteLines({ ...site, url: "https://ri.example.nhs.uk/" }), []);
  });

  it("puts Take part in research, the studies register, in the navigation", () => {
    const navigation = siteSchema.parse(site).navigation;
    assert.ok(
      navigation.some((link) => link.href === "/studies/" && link.text === "Take part in research"),
      JSON.stringify(navigation),
    );
  });

  it("takes navigation and footer links only as paths on this site", () => {
    for (const href of ["//attacker.example/", "/\\attacker.example", "https://attacker.example/", "javascript:alert(1)", "/news/ x", "services/"]) {
      const found = siteLines({ ...site, navigation: [{ text: "News", href }], footer: [{ text: "Help", href }] });
      assert.deepEqual(
        found,
        [
          `content/_data/site.json: navigation[0].href: must be a path on this site, starting with one "/" and without spaces or backslashes, such as /services/`,
          `content/_data/site.json: footer[0].href: must be a path on this site, starting with one "/" and without spaces or backslashes, such as /services/`,
        ],
        href,
      );
    }
  });
});

describe("site.json contact details", () => {
  const site = JSON.parse(readFileSync(new URL("../content/_data/site.json", import.meta.url), "utf8")) as Record<string, unknown>;
  const siteLines = (data: unknown) => schemaProblems("content/_data/site.json", siteSchema, data).map(formatProblem);
  const FULL = {
    email: "research@example.nhs.uk",
    phone: "01632 960000",
    address: ["Research and Innovation", "Stafford", "ST16 1AA"],
    hours: "Monday to Friday, 9am to 5pm",
  };

  it("accepts an email alone, or with a phone number, an address and hours, and no contact at all", () => {
    assert.deepEqual(siteLines({ ...site, contact: { email: "research@example.nhs.uk" } }), []);
    assert.deepEqual(siteLines({ ...site, contact: FULL }), []);
    assert.deepEqual(siteLines({ ...site, contact: { ...FULL, phone: "+44 1632 960000" } }), []);
    const withoutContact = Object.fromEntries(Object.entries(site).filter(([key]) => key !== "contact"));
    assert.deepEqual(siteLines(withoutContact), []);
  });

  it("needs an email within contact, said as the fix", () => {
    assert.deepEqual(siteLines({ ...site, contact: { phone: "01632 960000" } }), [
      'content/_data/site.json: contact.email: is required: the address visitors write to, such as "email": "research@example.nhs.uk"',
    ]);
  });

  it("refuses what is not an email address or a phone number, with the study contact's messages", () => {
    assert.deepEqual(siteLines({ ...site, contact: { email: "research at example.nhs.uk" } }), [
      'content/_data/site.json: contact.email: "research at example.nhs.uk" is not an email address: write it as name@organisation.nhs.uk, with no spaces',
    ]);
    assert.deepEqual(siteLines({ ...site, contact: { email: "research@example.nhs.uk", phone: "call us" } }), [
      'content/_data/site.json: contact.phone: "call us" is not a phone number: write the digits, with spaces if you like, such as "01632 960000"',
    ]);
    assert.deepEqual(siteLines({ ...site, contact: { email: "research@example.nhs.uk", phone: 1632960000 } }), [
      'content/_data/site.json: contact.phone: must be text: put the number in double quotes, such as phone: "01632 960000"',
    ]);
  });

  it("takes the address as a list of lines, and refuses fields it does not know", () => {
    assert.deepEqual(siteLines({ ...site, contact: { email: "research@example.nhs.uk", address: "Stafford" } }), [
      'content/_data/site.json: contact.address: must be a list of lines, such as "address": ["Trust Headquarters", "Stafford", "ST16 3SR"]',
    ]);
    assert.equal(siteLines({ ...site, contact: { email: "research@example.nhs.uk", fax: "01632 960001" } }).length, 1);
    assert.deepEqual(siteLines({ ...site, contact: "research@example.nhs.uk" }), [
      'content/_data/site.json: contact: must be a group of fields: "email", and optionally "phone", "address" and "hours"',
    ]);
  });
});
