import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { FIXTURE_CONTACT, makeContent, markdownFile, runCli, tempDir } from "./helpers/fixture-site.ts";
import { htmlFiles } from "./quality/html.ts";
import { type QualitySite, qualitySite } from "./quality/quality-site.ts";

/**
 * The department's contact details (site.json `contact`), as visitors meet them: the
 * quality site has made-up details (tests/quality/quality-site.ts), so its pages also get
 * the HTML, Nu and accessibility checks every page gets (site-quality, browser); these
 * fixtures cover the contact page's words and a site without details.
 */
const jsonLd = (html: string): Array<Record<string, unknown>> =>
  [...parseHTML(html).document.querySelectorAll("script[type='application/ld+json']")].map(
    (script) => JSON.parse(script.textContent ?? "") as Record<string, unknown>,
  );

describe("a site with contact details", () => {
  let site: QualitySite | undefined;
  let output: string;
  before(async () => {
    site = await qualitySite();
    ({ output } = site);
  });
  after(() => site?.cleanup());

  it("shows the email and phone, linked, in the footer of every page", async () => {
    const pages = (await htmlFiles(output)).filter((file) => !file.includes(`${path.sep}admin${path.sep}`));
    assert.ok(pages.length >= 25);
    for (const file of pages) {
      const { document } = parseHTML(await readFile(file, "utf8"));
      const footer = document.querySelector("footer");
      const where = path.relative(output, file);
      assert.ok(footer, where);
      assert.ok(footer.querySelector(`a[href="mailto:${FIXTURE_CONTACT.email}"]`), `${where}: mailto`);
      assert.ok(footer.querySelector('a[href="tel:+441632960000"]'), `${where}: tel`);
      assert.ok(footer.querySelector('a[href="/contact/"]'), `${where}: the contact page`);
    }
  });

  it("has a /contact/ page with every detail, the department's JSON-LD, and a place in the sitemap", async () => {
    const html = await readFile(path.join(output, "contact", "index.html"), "utf8");
    const { document } = parseHTML(html);
    const main = document.querySelector("main");
    assert.equal(document.querySelector("h1")?.textContent, "Contact us");
    assert.ok(main?.querySelector(`a[href="mailto:${FIXTURE_CONTACT.email}"]`));
    assert.equal(main?.querySelector('a[href="tel:+441632960000"]')?.textContent, FIXTURE_CONTACT.phone.replace(/ /g, "\u00a0"), "on one line");
    for (const text of [FIXTURE_CONTACT.hours, ...FIXTURE_CONTACT.address]) assert.ok(main?.textContent.includes(text), text);
    const [organisation] = jsonLd(html);
    assert.equal(organisation?.["@type"], "Organization");
    assert.equal(organisation?.email, FIXTURE_CONTACT.email);
    assert.equal(organisation?.telephone, "+441632960000");
    assert.equal(organisation?.address, FIXTURE_CONTACT.address.join(", "));
    assert.match(await readFile(path.join(output, "sitemap.xml"), "utf8"), /<loc>[^<]*\/contact\/<\/loc>/);
  });

  it("keeps the department's details off the Trust's organisation in a story's JSON-LD (they are not the Trust's)", async () => {
    const html = await readFile(path.join(output, "news", "2023", "example-story-1", "index.html"), "utf8");
    const article = jsonLd(html).find((data) => data["@type"] === "NewsArticle");
    assert.deepEqual(article?.publisher, { "@type": "Organization", name: "Midlands Partnership University NHS Foundation Trust" });
  });
});

describe("the contact page's own words and a site without details", () => {
  let root: string;
  before(async () => {
    root = await tempDir("contact-site");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("puts content/pages/contact.md's words above the details, as the one /contact/ page", async () => {
    const words = markdownFile({ title: "Get in touch", summary: "How to reach the research team." }, "We answer every email within two working days.");
    const content = await makeContent(path.join(root, "words"), { site: { contact: FIXTURE_CONTACT }, files: { "pages/contact.md": words } });
    const output = path.join(root, "words", "_site");
    const build = await runCli("build", ["--input", content, "--output", output]);
    assert.equal(build.code, 0, build.stderr);
    const html = await readFile(path.join(output, "contact", "index.html"), "utf8");
    const { document } = parseHTML(html);
    assert.equal(document.querySelector("h1")?.textContent, "Get in touch");
    const main = document.querySelector("main")?.innerHTML ?? "";
    assert.ok(main.indexOf("within two working days") < main.indexOf(`mailto:${FIXTURE_CONTACT.email}`));
    assert.equal(jsonLd(html).filter((data) => data["@type"] === "Organization").length, 1);
    const sitemap = await readFile(path.join(output, "sitemap.xml"), "utf8");
    assert.equal(sitemap.match(/\/contact\/<\/loc>/g)?.length, 1);
  });

  it("makes no /contact/ page and no footer block without details", async () => {
    const content = await makeContent(path.join(root, "none"), { site: { contact: undefined } });
    const output = path.join(root, "none", "_site");
    const build = await runCli("build", ["--input", content, "--output", output]);
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stderr, /site\.json has no contact details/);
    assert.equal(existsSync(path.join(output, "contact")), false);
    const home = await readFile(path.join(output, "index.html"), "utf8");
    assert.doesNotMatch(home, /mailto:|tel:|\/contact\//);
    assert.doesNotMatch(await readFile(path.join(output, "sitemap.xml"), "utf8"), /\/contact\//);
  });
});
