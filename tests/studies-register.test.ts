import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DOMParser, onWarningStopParsing } from "@xmldom/xmldom";
import { scriptSafeJson } from "../src/publish/structured-data.ts";
import { STUDIES_FEED_URL, studiesFeed } from "../src/content/types/study/feed.ts";
import { renderStudiesFeed } from "../src/publish/feed.ts";
import { clinicalTrialsUrl, isrctnUrl, registryEntries } from "../src/content/types/study/registries.ts";
import { STUDY_STATUSES } from "../src/content/types/study/schema.ts";
import { STATUS_DISPLAY, effectiveStatus, recruitmentHasEnded, studyConditionUrl, studyCount, studyUrl } from "../src/content/types/study/status.ts";
import { SCHEMA_ORG_STUDY_STATUS, medicalStudy } from "../src/content/types/study/structured-data.ts";
import { BUILD_DATE, STUDIES, TOPICS, register } from "./helpers/study-fixtures.ts";

const slugs = (studies: ReadonlyArray<{ url: string }>) => studies.map((study) => study.url.replace(/^\/studies\/|\/$/g, ""));

describe("a study's shown status", () => {
  it("shows a recruiting study past its end date as closed, from the day after the end date", () => {
    const study = { status: "recruiting", recruitmentEnds: "2025-06-14" } as const;
    assert.equal(effectiveStatus(study, "2025-06-14"), "recruiting");
    assert.equal(effectiveStatus(study, "2025-06-15"), "closed");
    assert.equal(recruitmentHasEnded(study, "2025-06-15"), true);
    assert.equal(effectiveStatus({ status: "recruiting" }, "2099-01-01"), "recruiting", "no end date, no change");
  });

  it("changes no other status", () => {
    for (const status of ["setting-up", "closed", "completed"] as const)
      assert.equal(effectiveStatus({ status, recruitmentEnds: "2000-01-01" }, BUILD_DATE), status);
  });

  it("gives every status its words and an nhsuk-frontend tag colour", () => {
    const classes = STUDY_STATUSES.map((status) => STATUS_DISPLAY[status].tagClass);
    assert.deepEqual(classes, ["nhsuk-tag--green", "nhsuk-tag--blue", "nhsuk-tag--grey", "nhsuk-tag--white"]);
    assert.equal(new Set(STUDY_STATUSES.map((status) => STATUS_DISPLAY[status].label)).size, 4);
  });
});

describe("the register", () => {
  const built = register();

  it("groups by shown status, recruiting first, then setting up, closed and completed, by title within each", () => {
    // "Example study 2" comes before "Example study 10": numbers in titles sort as numbers.
    assert.deepEqual(
      built.groups.map((group) => [group.status, slugs(group.studies)]),
      [
        ["recruiting", ["example-study-2", "example-study-10", "example-mood-study", "example-last-day-study"]],
        ["setting-up", ["example-setting-up-study"]],
        ["closed", ["example-closed-study", "example-ended-study"]],
        ["completed", ["example-completed-study"]],
      ],
    );
    assert.deepEqual(
      slugs(built.studies),
      built.groups.flatMap((group) => slugs(group.studies)),
    );
    assert.equal(built.recruitingCount, 4);
    assert.equal(built.today, BUILD_DATE);
  });

  it("marks a study closed by its date, keeping the status its file gives", () => {
    const ended = built.studies.find((study) => study.url === studyUrl("example-ended-study"));
    assert.equal(ended?.status, "recruiting");
    assert.equal(ended?.shownStatus, "closed");
    assert.equal(ended?.endedByDate, true);
    assert.equal(built.studies.filter((study) => study.endedByDate).length, 1);
  });

  it("moves studies as the build day moves", () => {
    assert.equal(register(STUDIES, "2025-06-14").recruitingCount, 5);
    assert.equal(register(STUDIES, "2026-01-01").recruitingCount, 2, "only the studies without an end date still recruit");
  });

  it("leaves out statuses with no studies", () => {
    const onlyClosed = register({ a: { ...(STUDIES["example-closed-study"] as NonNullable<(typeof STUDIES)[string]>) } });
    assert.deepEqual(
      onlyClosed.groups.map((group) => group.status),
      ["closed"],
    );
    assert.equal(onlyClosed.recruitingCount, 0);
    assert.deepEqual(register({}).groups, []);
  });

  it("makes one filter page per condition a study names, by name, each grouped like the register", () => {
    assert.deepEqual(
      built.conditions.map((condition) => [condition.slug, condition.url, condition.total, condition.recruiting]),
      [
        ["dementia", "/studies/conditions/dementia/", 3, 0],
        ["mental-health", "/studies/conditions/mental-health/", 3, 1],
        ["sleep", "/studies/conditions/sleep/", 1, 1],
      ],
    );
    const dementia = built.conditions[0];
    assert.deepEqual(
      dementia?.groups.map((group) => [group.status, slugs(group.studies)]),
      [
        ["setting-up", ["example-setting-up-study"]],
        ["closed", ["example-ended-study"]],
        ["completed", ["example-completed-study"]],
      ],
    );
    assert.equal(studyConditionUrl("sleep"), "/studies/conditions/sleep/");
  });

  it("gives no filter page to a condition that is not a topic", () => {
    const stray = register({ a: { ...(STUDIES["example-closed-study"] as NonNullable<(typeof STUDIES)[string]>), conditions: ["not-a-topic"] } });
    assert.deepEqual(stray.conditions, []);
  });

  it("counts studies in words", () => {
    assert.equal(studyCount(0), "0 studies");
    assert.equal(studyCount(1), "1 study");
    assert.equal(studyCount(2), "2 studies");
  });
});

describe("registry links", () => {
  it("links ISRCTN and ClinicalTrials.gov numbers to their public pages, and shows an IRAS ID as text", () => {
    assert.deepEqual(registryEntries({ iras: "1234567", isrctn: "ISRCTN12345678", nct: "NCT12345678" }), [
      { field: "iras", name: "IRAS ID", id: "1234567" },
      { field: "isrctn", name: "ISRCTN", id: "ISRCTN12345678", url: "https://www.isrctn.com/ISRCTN12345678", registry: "the ISRCTN registry" },
      { field: "nct", name: "ClinicalTrials.gov ID", id: "NCT12345678", url: "https://clinicaltrials.gov/study/NCT12345678", registry: "ClinicalTrials.gov" },
    ]);
    assert.deepEqual(registryEntries({}), []);
    assert.equal(isrctnUrl("ISRCTN87654321"), "https://www.isrctn.com/ISRCTN87654321");
    assert.equal(clinicalTrialsUrl("NCT87654321"), "https://clinicaltrials.gov/study/NCT87654321");
  });

  it("makes no link from an identifier that is not in its registry's form", () => {
    assert.deepEqual(registryEntries({ isrctn: "ISRCTN1/../x", nct: "nct1" }), [
      { field: "isrctn", name: "ISRCTN", id: "ISRCTN1/../x" },
      { field: "nct", name: "ClinicalTrials.gov ID", id: "nct1" },
    ]);
  });
});

describe("MedicalStudy structured data", () => {
  const mood = STUDIES["example-mood-study"] as NonNullable<(typeof STUDIES)[string]>;

  it("maps each status to schema.org's MedicalStudyStatus", () => {
    assert.deepEqual(SCHEMA_ORG_STUDY_STATUS, {
      "setting-up": "https://schema.org/NotYetRecruiting",
      recruiting: "https://schema.org/Recruiting",
      closed: "https://schema.org/ActiveNotRecruiting",
      completed: "https://schema.org/Completed",
    });
  });

  it("carries the study's name, status, conditions, sponsor and identifiers, and parses back from its script", () => {
    const data = medicalStudy({
      url: "https://ri.example.nhs.uk/studies/example-mood-study/",
      study: mood,
      shownStatus: "recruiting",
      conditions: ["Mental health", "Sleep"],
    });
    const parsed = JSON.parse(scriptSafeJson(data)) as Record<string, unknown>;
    assert.deepEqual(parsed, {
      "@context": "https://schema.org",
      "@type": "MedicalStudy",
      url: "https://ri.example.nhs.uk/studies/example-mood-study/",
      mainEntityOfPage: "https://ri.example.nhs.uk/studies/example-mood-study/",
      name: "Example study of mood and sleep",
      description: "An example study that asks how sleep affects mood.",
      status: "https://schema.org/Recruiting",
      alternateName: "EXMOOD",
      healthCondition: [
        { "@type": "MedicalCondition", name: "Mental health" },
        { "@type": "MedicalCondition", name: "Sleep" },
      ],
      studySubject: [
        { "@type": "MedicalCondition", name: "Mental health" },
        { "@type": "MedicalCondition", name: "Sleep" },
      ],
      sponsor: { "@type": "Organization", name: "Example University" },
      identifier: [
        { "@type": "PropertyValue", propertyID: "IRAS", value: "1234567" },
        { "@type": "PropertyValue", propertyID: "ISRCTN", value: "ISRCTN12345678", url: "https://www.isrctn.com/ISRCTN12345678" },
        { "@type": "PropertyValue", propertyID: "ClinicalTrials.gov", value: "NCT12345678", url: "https://clinicaltrials.gov/study/NCT12345678" },
      ],
      sameAs: ["https://www.isrctn.com/ISRCTN12345678", "https://clinicaltrials.gov/study/NCT12345678"],
    });
  });

  it("states the shown status, so a study past its end date is not Recruiting", () => {
    const data = medicalStudy({ url: "https://x/", study: mood, shownStatus: "closed", conditions: [] });
    assert.equal(data.status, "https://schema.org/ActiveNotRecruiting");
    assert.equal("healthCondition" in data, false);
  });

  it("keeps a title that tries to end the script as text", () => {
    const json = scriptSafeJson(
      medicalStudy({ url: "https://x/", study: { ...mood, title: "</script><script>alert(1)</script>" }, shownStatus: "recruiting", conditions: [] }),
    );
    assert.equal(json.includes("</script"), false);
    assert.equal((JSON.parse(json) as { name: string }).name, "</script><script>alert(1)</script>");
  });
});

describe("the feed of studies open to recruitment", () => {
  const context = {
    absolute: (url: string) => `https://ri.example.nhs.uk${url}`,
    author: "Research and Innovation, Example Partnership NHS Foundation Trust",
    siteName: "Research and Innovation",
    language: "en-GB",
    topics: TOPICS,
    dateStyle: "ordinal" as const,
  };
  const parse = (xml: string) => new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "application/xml");

  it("lists every study that shows as recruiting, most recently reviewed first", () => {
    const feed = studiesFeed(register(), "Research and Innovation");
    assert.equal(feed?.url, STUDIES_FEED_URL);
    assert.equal(feed?.pageUrl, "/studies/");
    assert.deepEqual(slugs(feed?.entries ?? []), ["example-mood-study", "example-study-2", "example-study-10", "example-last-day-study"]);
  });

  it("is dated by the studies, or by the day a study left it, never by the clock", () => {
    // The newest review is 1 May; the study that left on 15 June (the day after its end date) is later.
    assert.equal(studiesFeed(register(), "R&I")?.updated, "2025-06-15T00:00:00+01:00");
    assert.equal(studiesFeed(register(STUDIES, "2025-06-14"), "R&I")?.updated, "2025-05-01T00:00:00+01:00");
    const closedOnly = register({ a: STUDIES["example-closed-study"] as NonNullable<(typeof STUDIES)[string]> });
    const empty = studiesFeed(closedOnly, "R&I");
    assert.deepEqual(empty?.entries, []);
    assert.equal(empty?.updated, "2024-11-01T00:00:00+00:00");
    assert.equal(studiesFeed(register({}), "R&I"), undefined, "no studies, no feed");
  });

  it("writes the same bytes on every build of the same content and day, in any time zone", () => {
    const once = renderStudiesFeed(studiesFeed(register(), context.siteName) as NonNullable<ReturnType<typeof studiesFeed>>, context);
    const twice = renderStudiesFeed(studiesFeed(register(), context.siteName) as NonNullable<ReturnType<typeof studiesFeed>>, context);
    assert.equal(once, twice);
    assert.match(once, /<updated>2025-06-15T00:00:00\+01:00<\/updated>/);
  });

  it("is well-formed Atom with each study's title, address, summary, end date and conditions", () => {
    const xml = renderStudiesFeed(studiesFeed(register(), context.siteName) as NonNullable<ReturnType<typeof studiesFeed>>, context);
    const doc = parse(xml);
    const root = doc.documentElement;
    assert.equal(root?.namespaceURI, "http://www.w3.org/2005/Atom");
    assert.equal(root?.getElementsByTagName("title")[0]?.textContent, "Research and Innovation: studies open to recruitment");
    const first = doc.getElementsByTagName("entry")[0];
    assert.equal(first?.getElementsByTagName("title")[0]?.textContent, "Example study of mood and sleep (EXMOOD)");
    assert.equal(first?.getElementsByTagName("id")[0]?.textContent, "https://ri.example.nhs.uk/studies/example-mood-study/");
    assert.equal(first?.getElementsByTagName("updated")[0]?.textContent, "2025-05-01T00:00:00+01:00");
    assert.equal(
      first?.getElementsByTagName("summary")[0]?.textContent,
      "An example study that asks how sleep affects mood. Recruiting until 31st December 2025.",
    );
    assert.deepEqual(
      [...(first?.getElementsByTagName("category") ?? [])].map((category) => category.getAttribute("label")),
      ["Mental health", "Sleep"],
    );
    assert.equal(doc.getElementsByTagName("entry").length, 4);
    assert.equal(xml.includes("example-ended-study"), false, "a study past its end date is not offered");
  });

  it("stays well-formed whatever a title holds", () => {
    const odd = { ...(STUDIES["example-study-2"] as NonNullable<(typeof STUDIES)[string]>), title: "A & B <i>]]></i> \u0007bell", summary: '"q" </summary>' };
    const xml = renderStudiesFeed(studiesFeed(register({ odd }), "R&I") as NonNullable<ReturnType<typeof studiesFeed>>, context);
    const doc = parse(xml);
    assert.equal(doc.getElementsByTagName("entry")[0]?.getElementsByTagName("title")[0]?.textContent, "A & B <i>]]></i> bell");
    assert.equal(doc.getElementsByTagName("summary")[0]?.textContent, '"q" </summary>');
  });
});
