import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { RecruitingStudies } from "../layouts/components/RecruitingStudies.tsx";
import { BE_PART_OF_RESEARCH_URL, TAKING_PART_URL, render as renderRegister } from "../layouts/studies.tsx";
import { render as renderStudy, telHref } from "../layouts/study.tsx";
import type { StudyFrontMatter } from "../src/content/types/study/schema.ts";
import { studyUrl } from "../src/content/types/study/status.ts";
import { renderHtml } from "../src/render/pages.ts";
import { tempDir } from "./helpers/fixture-site.ts";
import { STUDIES, TAKING_PART_SERVICE, pageData } from "./helpers/study-fixtures.ts";
import { validateHtml } from "./quality/html.ts";

/** Every page rendered here, by output path, for html-validate at the end. */
const rendered = new Map<string, string>();

function registerPage(
  options: { studies?: Record<string, StudyFrontMatter>; condition?: string; services?: (typeof TAKING_PART_SERVICE)[]; pathPrefix?: string } = {},
) {
  const url = options.condition ? `/studies/conditions/${options.condition}/` : "/studies/";
  const html = renderHtml(
    renderRegister({
      ...pageData(url, { services: options.services, pathPrefix: options.pathPrefix, studies: options.studies }),
      studyCondition: options.condition,
    }),
  );
  rendered.set(`${url}${rendered.size}/index.html`, html);
  return parseHTML(html).document;
}

function studyPage(slug: string, content = "", pathPrefix?: string) {
  const study = STUDIES[slug];
  if (!study) throw new Error(`no fixture study ${slug}`);
  const html = renderHtml(renderStudy({ ...pageData(studyUrl(slug), { content, pathPrefix }), ...study }));
  rendered.set(`${studyUrl(slug)}${rendered.size}/index.html`, html);
  return { html, document: parseHTML(html).document };
}

const texts = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((element) => element.textContent?.replace(/\s+/g, " ").trim());
const hrefs = (document: Document, selector: string) => [...document.querySelectorAll(selector)].map((element) => element.getAttribute("href"));
const jsonLd = (document: Document) =>
  JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "null") as Record<string, unknown>;

describe("the register, /studies/", () => {
  const document = registerPage();

  it("groups the studies by shown status, recruiting first, with a count for screen readers", () => {
    assert.equal(texts(document, "h1")[0], "Take part in research");
    assert.deepEqual(texts(document, "main section > h2"), [
      "Recruiting now: 4 studies",
      "Setting up: 1 study",
      "Closed to recruitment: 2 studies",
      "Completed: 1 study",
    ]);
  });

  it("shows each study as a clickable NHS card with its status as an NHS tag", () => {
    const cards = [...document.querySelectorAll(".nhsuk-card--clickable")];
    assert.equal(cards.length, 8);
    assert.deepEqual(
      cards.map((card) => [card.querySelector(".nhsuk-card__link")?.getAttribute("href"), card.querySelector(".nhsuk-tag")?.className]),
      [
        ["/studies/example-study-2/", "nhsuk-tag nhsuk-tag--green"],
        ["/studies/example-study-10/", "nhsuk-tag nhsuk-tag--green"],
        ["/studies/example-mood-study/", "nhsuk-tag nhsuk-tag--green"],
        ["/studies/example-last-day-study/", "nhsuk-tag nhsuk-tag--green"],
        ["/studies/example-setting-up-study/", "nhsuk-tag nhsuk-tag--blue"],
        ["/studies/example-closed-study/", "nhsuk-tag nhsuk-tag--grey"],
        ["/studies/example-ended-study/", "nhsuk-tag nhsuk-tag--grey"],
        ["/studies/example-completed-study/", "nhsuk-tag nhsuk-tag--white"],
      ],
    );
    for (const card of cards) assert.equal(card.querySelectorAll("a").length, 1, "the card's one link is its heading");
  });

  it("gives a card its conditions, the first eligibility points and the recruitment end date", () => {
    const mood = [...document.querySelectorAll(".nhsuk-card")].find((card) => card.querySelector("a")?.getAttribute("href") === "/studies/example-mood-study/");
    assert.ok(mood);
    assert.equal(mood.querySelector(".nhsuk-card__link")?.textContent, "Example study of mood and sleep (EXMOOD)");
    const rows = [...mood.querySelectorAll(".nhsuk-summary-list__row")].map((row) => [
      row.querySelector("dt")?.textContent,
      row.querySelector("dd")?.textContent?.replace(/\s+/g, " ").trim(),
    ]);
    assert.deepEqual(rows, [
      ["Conditions", "Mental health, Sleep"],
      ["Who can take part", "Aged 18 or overHave had low mood for at least 2 weeksLive in the areaAnd 2 more on the study's page."],
      ["Recruiting until", "31st December 2025"],
    ]);
    assert.equal(mood.querySelector("time")?.getAttribute("datetime"), "2025-12-31");
  });

  it("shows a recruiting study past its end date as closed, with the day recruitment ended and no eligibility", () => {
    const ended = [...document.querySelectorAll(".nhsuk-card")].find(
      (card) => card.querySelector("a")?.getAttribute("href") === "/studies/example-ended-study/",
    );
    assert.equal(ended?.querySelector(".nhsuk-tag")?.textContent, "Closed to recruitment");
    assert.deepEqual(texts(ended as unknown as Document, "dt"), ["Condition", "Recruitment ended"]);
    assert.equal(ended?.querySelector("time")?.getAttribute("datetime"), "2025-06-14");
  });

  it("filters by condition with links to a page per condition, and offers the feed", () => {
    assert.deepEqual(texts(document, "nav[aria-labelledby=filter-by-condition] li"), [
      "All studies (8 studies)",
      "Dementia (3 studies)",
      "Mental health (3 studies)",
      "Sleep (1 study)",
    ]);
    assert.equal(document.querySelector("nav[aria-labelledby=filter-by-condition] [aria-current=page]")?.textContent, "All studies (8 studies)");
    assert.deepEqual(hrefs(document, "nav[aria-labelledby=filter-by-condition] a"), [
      "/studies/conditions/dementia/",
      "/studies/conditions/mental-health/",
      "/studies/conditions/sleep/",
    ]);
    assert.deepEqual(hrefs(document, 'link[type="application/atom+xml"]'), ["/studies/feed.xml", "/news/feed.xml"]);
    assert.equal(document.querySelector(".nhsuk-inset-text"), null, "studies recruit, so there is no empty state");
  });

  it("follows the path prefix", () => {
    const prefixed = registerPage({ pathPrefix: "/ri/" });
    assert.ok(hrefs(prefixed, ".nhsuk-card__link").every((link) => link?.startsWith("/ri/studies/")));
    assert.ok(hrefs(prefixed, "nav[aria-labelledby=filter-by-condition] a").every((link) => link?.startsWith("/ri/studies/conditions/")));
  });
});

describe("the register with nothing recruiting", () => {
  const onlyFinished = { a: STUDIES["example-closed-study"], b: STUDIES["example-completed-study"] } as Record<string, StudyFrontMatter>;

  it("says so, and points to the Taking part in research page and to Be Part of Research", () => {
    const document = registerPage({ studies: onlyFinished });
    const empty = document.querySelector(".nhsuk-inset-text");
    assert.equal(empty?.querySelector("h2")?.textContent, "No studies are recruiting at the moment");
    assert.deepEqual(hrefs(empty as unknown as Document, "a"), [TAKING_PART_URL, BE_PART_OF_RESEARCH_URL]);
    assert.equal(BE_PART_OF_RESEARCH_URL, "https://bepartofresearch.nihr.ac.uk/");
    assert.deepEqual(texts(document, "main section > h2"), ["Closed to recruitment: 1 study", "Completed: 1 study"]);
  });

  it("links to the Taking part in research page only while it exists", () => {
    const document = registerPage({ studies: onlyFinished, services: [] });
    assert.deepEqual(hrefs(document, ".nhsuk-inset-text a"), [BE_PART_OF_RESEARCH_URL]);
  });

  it("with no studies at all, shows only the empty state: no filter, no groups, no feed", () => {
    const document = registerPage({ studies: {} });
    assert.ok(document.querySelector(".nhsuk-inset-text"));
    assert.equal(document.querySelector("nav[aria-labelledby=filter-by-condition]"), null);
    assert.equal(document.querySelectorAll("main section").length, 0);
    assert.deepEqual(hrefs(document, 'link[type="application/atom+xml"]'), ["/news/feed.xml"]);
  });
});

describe("a condition's page, /studies/conditions/<topic>/", () => {
  it("lists that condition's studies, grouped, with the filter marking it as current", () => {
    const document = registerPage({ condition: "mental-health" });
    assert.equal(texts(document, "h1")[0], "Take part in research – Mental health studies");
    assert.equal(document.querySelector("title")?.textContent?.startsWith("Mental health studies – "), true);
    assert.deepEqual(texts(document, "main section > h2"), ["Recruiting now: 1 study", "Closed to recruitment: 1 study", "Completed: 1 study"]);
    assert.equal(document.querySelector("nav[aria-labelledby=filter-by-condition] [aria-current=page]")?.textContent, "Mental health (3 studies)");
    assert.equal(hrefs(document, "nav[aria-labelledby=filter-by-condition] a")[0], "/studies/");
    assert.deepEqual(hrefs(document, ".nhsuk-breadcrumb__link"), ["/", "/studies/"]);
  });

  it("has its own empty state when none of the condition's studies recruits", () => {
    const document = registerPage({ condition: "dementia" });
    assert.equal(document.querySelector(".nhsuk-inset-text h2")?.textContent, "No dementia studies are recruiting at the moment");
  });

  it("refuses a condition no study names", () => {
    assert.throws(() => registerPage({ condition: "sleepy" }), /no study names the condition "sleepy"/);
  });
});

describe("a study's page", () => {
  it("has the summary, who can take part, what taking part involves, how to take part, the registries and the review dates", () => {
    const { document } = studyPage("example-mood-study", "<p>You will fill in a sleep diary.</p>");
    assert.equal(texts(document, "h1")[0], "Example study of mood and sleep (EXMOOD)");
    assert.equal(document.querySelector("article .nhsuk-tag")?.className, "nhsuk-tag nhsuk-tag--green");
    assert.equal(document.querySelector(".nhsuk-lede-text")?.textContent, "An example study that asks how sleep affects mood.");
    assert.deepEqual(texts(document, "article h2"), ["Who can take part", "What taking part involves", "How to take part", "About this study"]);
    assert.equal(document.querySelectorAll("#who-can-take-part + ul li").length, 5);
    assert.equal(document.querySelector(".ri-content")?.textContent, "You will fill in a sleep diary.");
    const how = document.querySelector("section[aria-labelledby=how-to-take-part]");
    assert.deepEqual(hrefs(how as unknown as Document, "a"), ["mailto:example.study@example.nhs.uk", "tel:01632960001"]);
    assert.equal(how?.querySelector("a[href^=tel]")?.textContent, "01632\u00a0960001", "the number does not wrap");
    assert.match(how?.textContent ?? "", /contact the example mood study team/);
    assert.match(how?.textContent ?? "", /ask your care team/);
    const about: Record<string, string | undefined> = Object.fromEntries(
      [...document.querySelectorAll("section[aria-labelledby=about-this-study] .nhsuk-summary-list__row")].map((row): [string, string | undefined] => [
        row.querySelector("dt")?.textContent ?? "",
        row.querySelector("dd")?.textContent?.replace(/\s+/g, " ").trim(),
      ]),
    );
    assert.deepEqual(about, {
      Status: "Recruiting",
      "Type of study": "Clinical trial",
      Conditions: "Mental health studiesSleep studies",
      "Recruiting until": "31st December 2025",
      Sponsor: "Example University",
      "IRAS ID": "1234567",
      ISRCTN: "ISRCTN12345678 on the ISRCTN registry",
      "ClinicalTrials.gov ID": "NCT12345678 on ClinicalTrials.gov",
    });
    assert.deepEqual(hrefs(document, "section[aria-labelledby=about-this-study] a"), [
      "/studies/conditions/mental-health/",
      "/studies/conditions/sleep/",
      "https://www.isrctn.com/ISRCTN12345678",
      "https://clinicaltrials.gov/study/NCT12345678",
    ]);
    assert.deepEqual(texts(document, ".nhsuk-u-margin-top-7 p"), ["Page last reviewed: 1st May 2025", "Next review due: 1st May 2026"]);
    assert.deepEqual(
      [...document.querySelectorAll("time")].map((time) => time.getAttribute("datetime")),
      ["2025-12-31", "2025-05-01", "2026-05-01"],
    );
    assert.deepEqual(hrefs(document, ".nhsuk-breadcrumb__link"), ["/", "/studies/"]);
  });

  it("carries MedicalStudy JSON-LD with the status, and search filters for the type and status", () => {
    const { document } = studyPage("example-mood-study");
    const data = jsonLd(document);
    assert.equal(data["@type"], "MedicalStudy");
    assert.equal(data.status, "https://schema.org/Recruiting");
    assert.equal(data.url, "https://ri.example.nhs.uk/studies/example-mood-study/");
    const filters = [...document.querySelectorAll("[data-pagefind-filter]")].map((element) => element.getAttribute("data-pagefind-filter"));
    assert.deepEqual(filters, ["type:Study", "status:Recruiting", "topic:Mental health", "topic:Sleep"]);
    assert.ok(document.querySelector("article[data-pagefind-body]"));
  });

  it("shows a recruiting study past its end date as closed: no invitation, the day it ended, ActiveNotRecruiting", () => {
    const { document } = studyPage("example-ended-study");
    assert.equal(document.querySelector("article .nhsuk-tag")?.textContent, "Closed to recruitment");
    assert.match(document.querySelector(".nhsuk-inset-text")?.textContent ?? "", /Recruitment to this study ended on 14th June 2025/);
    assert.deepEqual(texts(document, "article h2"), ["Who could take part", "Contact the study team", "About this study"]);
    assert.equal(document.querySelector("#how-to-take-part"), null);
    assert.equal(jsonLd(document).status, "https://schema.org/ActiveNotRecruiting");
    assert.equal(document.querySelector("[data-pagefind-filter^=status]")?.getAttribute("data-pagefind-filter"), "status:Closed to recruitment");
  });

  it("invites no one yet while setting up, and says whom to ask", () => {
    const { document } = studyPage("example-setting-up-study");
    assert.deepEqual(texts(document, "article h2"), ["Who can take part", "Find out more", "About this study"]);
    assert.match(document.querySelector("section[aria-labelledby=find-out-more]")?.textContent ?? "", /not looking for people to take part yet/);
    assert.deepEqual(hrefs(document, "section[aria-labelledby=find-out-more] a"), ["mailto:setup@example.nhs.uk", "tel:+441632960002"]);
    assert.equal(jsonLd(document).status, "https://schema.org/NotYetRecruiting");
  });

  it("for a completed study, has the facts and no invitation", () => {
    const { document } = studyPage("example-completed-study");
    assert.deepEqual(texts(document, "article h2"), ["About this study"]);
    assert.equal(jsonLd(document).status, "https://schema.org/Completed");
    assert.equal(document.querySelector("section[aria-labelledby=about-this-study] dd")?.textContent, "Completed");
  });

  it("escapes every field, and the JSON-LD cannot end its script", () => {
    const hostile = { ...(STUDIES["example-closed-study"] as StudyFrontMatter), title: "</script><script>alert(1)</script>", sponsor: "<b>Sponsor</b>" };
    const html = renderHtml(renderStudy({ ...pageData("/studies/hostile/"), ...hostile }));
    assert.equal(html.includes("<script>alert(1)"), false);
    assert.equal(html.includes("<b>Sponsor</b>"), false);
    const { document } = parseHTML(html);
    assert.equal(jsonLd(document).name, "</script><script>alert(1)</script>");
    assert.equal(document.querySelector("h1")?.textContent, "</script><script>alert(1)</script>");
  });

  it("dials a phone number by its digits", () => {
    assert.equal(telHref("01632 960000"), "tel:01632960000");
    assert.equal(telHref("+44 (0)1632 960000"), "tel:+4401632960000");
  });
});

describe("the recruiting studies component", () => {
  const text = (count: number) => parseHTML(`<div>${String(RecruitingStudies({ count, data: pageData("/") }))}</div>`).document;

  it("says how many studies are recruiting, in words, and links to the register", () => {
    assert.equal(texts(text(3), "p")[0], "3 studies are looking for people to take part.");
    assert.equal(texts(text(1), "p")[0], "1 study is looking for people to take part.");
    assert.equal(texts(text(0), "p")[0], "No studies are looking for people to take part at the moment.");
    assert.deepEqual(hrefs(text(0), "a"), ["/studies/"]);
    assert.deepEqual(texts(text(3), ".nhsuk-action-link__text"), ["Find a study to take part in"]);
  });

  it("takes its heading and level from the page it is on", () => {
    const html = String(
      RecruitingStudies({ count: 2, data: pageData("/services/taking-part-in-research/"), heading: "Studies you can join", headingLevel: 3 }),
    );
    assert.match(html, /^<section aria-labelledby="recruiting-studies"><h3 id="recruiting-studies">Studies you can join<\/h3>/);
  });
});

describe("the rendered pages", () => {
  let dir = "";
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 10 });
  });

  it("are valid HTML by the site's html-validate rules", async () => {
    dir = await tempDir("studies-html");
    for (const [file, html] of rendered) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), html);
    }
    assert.ok(rendered.size >= 10);
    assert.deepEqual(await validateHtml(dir), []);
  });
});
