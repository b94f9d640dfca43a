import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, describe, it } from "node:test";
import type { z } from "zod";
import { checkContent } from "../src/check/check.ts";
import { formatProblem } from "../src/content/problems.ts";
import { PLACEHOLDER_EMAIL, PLACEHOLDER_POINT } from "../src/content/placeholders.ts";
import { RESERVED_URLS } from "../src/content/types.ts";
import { schemaProblems } from "../src/check/schema-problems.ts";
import { studyProblems } from "../src/content/types/study/checks.ts";
import { STUDY_STATUSES, STUDY_TYPES, studySchema } from "../src/content/types/study/schema.ts";
import { FIXTURE_CONTACT, makeContent, markdownFile, tempDir } from "./helpers/fixture-site.ts";
import { STUDIES } from "./helpers/study-fixtures.ts";

const FILE = "content/studies/example.md";
const lines = (data: unknown, schema: z.ZodType = studySchema) => schemaProblems(FILE, schema, data).map(formatProblem);
const closed = { title: "Example study", summary: "What the study looks at.", status: "closed", studyType: "observational", reviewed: "2025-01-01" };
const recruiting = { ...closed, status: "recruiting", whoCanTakePart: ["Aged 18 or over"], contact: { email: "study@example.nhs.uk" } };

describe("study schema", () => {
  it("accepts every fixture study, a minimal closed study and a minimal recruiting one", () => {
    for (const [slug, study] of Object.entries(STUDIES)) assert.deepEqual(lines(study), [], slug);
    assert.deepEqual(lines(closed), []);
    assert.deepEqual(lines(recruiting), []);
  });

  it("requires title, summary, status, studyType and reviewed, naming the allowed values", () => {
    assert.deepEqual(lines({}), [
      `${FILE}: title: is required (add a line "title: ..." to the front matter)`,
      `${FILE}: summary: is required (add a line "summary: ..." to the front matter)`,
      `${FILE}: status: is required (add a line "status: ..." to the front matter, one of recruiting, setting-up, closed, completed)`,
      `${FILE}: studyType: is required (add a line "studyType: ..." to the front matter, one of clinical-trial, observational, questionnaire, interview, samples, other)`,
      `${FILE}: reviewed: is required (add a line "reviewed: ..." to the front matter)`,
    ]);
  });

  it("keeps the design's lengths for title, acronym and summary", () => {
    assert.deepEqual(lines({ ...closed, title: "x".repeat(150), acronym: "A".repeat(30), summary: "y".repeat(300) }), []);
    assert.deepEqual(lines({ ...closed, title: "x".repeat(151), acronym: "A".repeat(31), summary: "y".repeat(301) }), [
      `${FILE}: title: is 151 characters long; keep it to 150 or fewer`,
      `${FILE}: acronym: is 31 characters long; keep it to 30 or fewer`,
      `${FILE}: summary: is 301 characters long; keep it to 300 or fewer`,
    ]);
  });

  it("suggests the status or study type meant", () => {
    assert.deepEqual(lines({ ...closed, status: "Setting up", studyType: "trial" }), [
      `${FILE}: status: "Setting up" is not one of recruiting, setting-up, closed, completed (did you mean "setting-up"?)`,
      `${FILE}: studyType: "trial" is not one of clinical-trial, observational, questionnaire, interview, samples, other`,
    ]);
    assert.deepEqual(lines({ ...closed, status: "complete", studyType: "questionaire" }), [
      `${FILE}: status: "complete" is not one of recruiting, setting-up, closed, completed (did you mean "completed"?)`,
      `${FILE}: studyType: "questionaire" is not one of clinical-trial, observational, questionnaire, interview, samples, other (did you mean "questionnaire"?)`,
    ]);
    assert.equal(STUDY_STATUSES.length, 4);
    assert.equal(STUDY_TYPES.length, 6);
  });

  it("requires who can take part and a contact while setting up or recruiting, and not after", () => {
    for (const status of ["recruiting", "setting-up"]) {
      assert.deepEqual(lines({ ...closed, status }), [
        `${FILE}: whoCanTakePart: is required while the status is ${status}: list who can take part, one plain point a line, each starting "  - "`,
        `${FILE}: contact: is required while the status is ${status}: add "contact:" with an email line under it, such as email: "research@example.nhs.uk"`,
      ]);
      assert.deepEqual(lines({ ...recruiting, status, whoCanTakePart: [] }), [
        `${FILE}: whoCanTakePart: is required while the status is ${status}: list who can take part, one plain point a line, each starting "  - "`,
      ]);
    }
    assert.deepEqual(lines({ ...closed, status: "completed" }), []);
  });

  it("reports the status rule beside other problems, so every problem shows at once", () => {
    assert.deepEqual(lines({ ...recruiting, title: 7, contact: undefined }), [
      `${FILE}: title: must be text, not a number`,
      `${FILE}: contact: is required while the status is recruiting: add "contact:" with an email line under it, such as email: "research@example.nhs.uk"`,
    ]);
  });

  it("refuses an empty eligibility point", () => {
    assert.deepEqual(lines({ ...recruiting, whoCanTakePart: ["Aged 18 or over", " "] }), [
      `${FILE}: whoCanTakePart: has an empty point: write each point, or remove the empty line`,
    ]);
  });

  it("checks each identifier's form, with an example and the corrected form when it is close", () => {
    assert.deepEqual(lines({ ...closed, iras: "123456", isrctn: "ISRCTN12345678", nct: "NCT12345678" }), []);
    assert.deepEqual(lines({ ...closed, iras: "12345", isrctn: "ISRCTN1234567", nct: "NCT 0123 4567" }), [
      `${FILE}: iras: "12345" is not an IRAS ID: write 6 or 7 digits, such as "1234567"`,
      `${FILE}: isrctn: "ISRCTN1234567" is not an ISRCTN number: write ISRCTN and 8 digits, with no space, such as "ISRCTN12345678"`,
      `${FILE}: nct: "NCT 0123 4567" is not a ClinicalTrials.gov number: write NCT and 8 digits, with no space, such as "NCT12345678" (did you mean "NCT01234567"?)`,
    ]);
    assert.deepEqual(lines({ ...closed, isrctn: "isrctn55554444", nct: "01234567" }), [
      `${FILE}: isrctn: "isrctn55554444" is not an ISRCTN number: write ISRCTN and 8 digits, with no space, such as "ISRCTN12345678" (did you mean "ISRCTN55554444"?)`,
      `${FILE}: nct: "01234567" is not a ClinicalTrials.gov number: write NCT and 8 digits, with no space, such as "NCT12345678" (did you mean "NCT01234567"?)`,
    ]);
  });

  it("asks for quotes around an identifier YAML read as a number", () => {
    assert.deepEqual(lines({ ...closed, iras: 314159, isrctn: 55554444 }), [
      `${FILE}: iras: must be written in double quotes, such as iras: "314159"`,
      `${FILE}: isrctn: must be written in double quotes, such as isrctn: "ISRCTN55554444"`,
    ]);
    assert.deepEqual(lines({ ...closed, nct: true }), [`${FILE}: nct: must be NCT and 8 digits, with no space, such as nct: "NCT12345678"`]);
  });

  it("checks the contact's fields, and that its email has an address's shape", () => {
    const contact = (value: unknown) => lines({ ...recruiting, contact: value });
    assert.deepEqual(contact({ email: "a.person@example.nhs.uk", phone: "01632 960000", team: "The study team" }), []);
    assert.deepEqual(contact({ email: "a.person@example.nhs.uk", phone: "+44 (0)1632 960000" }), []);
    for (const email of [
      "research",
      "research@example",
      "two words@example.nhs.uk",
      "a@b@example.nhs.uk",
      " study@example.nhs.uk",
      "mailto:study@example.nhs.uk",
    ]) {
      assert.deepEqual(
        contact({ email }),
        [`${FILE}: contact.email: "${email}" is not an email address: write it as name@organisation.nhs.uk, with no spaces`],
        email,
      );
    }
    assert.deepEqual(contact({ phone: "01632 960000" }), [
      `${FILE}: contact.email: is required: the address people write to about the study, such as email: "research@example.nhs.uk"`,
    ]);
    assert.deepEqual(contact({ email: "study@example.nhs.uk", phone: "ring the office" }), [
      `${FILE}: contact.phone: "ring the office" is not a phone number: write the digits, with spaces if you like, such as "01632 960000"`,
    ]);
    assert.deepEqual(contact({ email: "study@example.nhs.uk", phone: 1632960000 }), [
      `${FILE}: contact.phone: must be text: put the number in double quotes, such as phone: "01632 960000"`,
    ]);
    assert.deepEqual(contact({ email: "study@example.nhs.uk", tema: "x" }), [`${FILE}: contact.tema: unknown field (did you mean "team"?)`]);
    assert.deepEqual(contact("study@example.nhs.uk"), [
      `${FILE}: contact: must be a group of fields: email, and optionally phone and team (indent each under "contact:" with two spaces)`,
    ]);
  });

  it("refuses unknown fields, with a suggestion for a near miss", () => {
    assert.deepEqual(lines({ ...closed, sponser: "X" }), [`${FILE}: sponser: unknown field (did you mean "sponsor"?)`]);
    assert.match(
      lines({ ...closed, colour: "red" })[0] ?? "",
      /colour: unknown field: remove it, or use one of title, acronym, summary, status, recruitmentEnds/,
    );
  });

  it("checks dates, and that reviewDue is after reviewed even beside other problems", () => {
    assert.deepEqual(lines({ ...closed, recruitmentEnds: "2025-02-30", reviewed: "2025-13-01" }), [
      `${FILE}: recruitmentEnds: "2025-02-30" is not a real date (use YYYY-MM-DD)`,
      `${FILE}: reviewed: "2025-13-01" is not a real date (use YYYY-MM-DD)`,
    ]);
    assert.deepEqual(lines({ ...closed, title: "", reviewDue: "2025-01-01" }), [
      `${FILE}: title: must not be empty`,
      `${FILE}: reviewDue: "2025-01-01" must be after the reviewed date "2025-01-01"`,
    ]);
  });

  it("checks conditions as a list of text", () => {
    assert.deepEqual(lines({ ...closed, conditions: "dementia" }), [`${FILE}: conditions: must be a list, not text`]);
  });
});

describe("study checks against the build day", () => {
  const settings = { today: "2025-06-15", strict: false };
  const shown = (data: Record<string, unknown>, extra: Partial<typeof settings> = {}) =>
    studyProblems(FILE, data, { ...settings, ...extra }).map(formatProblem);

  it("warns about a recruiting study past its end date, and not on the end day itself", () => {
    assert.deepEqual(shown({ ...recruiting, recruitmentEnds: "2025-06-15" }), []);
    assert.deepEqual(shown({ ...recruiting, recruitmentEnds: "2025-06-14" }), [
      `warning: ${FILE}: recruitmentEnds: "2025-06-14" has passed, so the site shows this study as closed to recruitment: if it has closed, set status: closed; if recruitment was extended, set recruitmentEnds to the new end date`,
    ]);
    assert.deepEqual(shown({ ...recruiting, recruitmentEnds: "2025-06-14" }, { strict: true }), [
      `${FILE}: recruitmentEnds: "2025-06-14" has passed, so the site shows this study as closed to recruitment: if it has closed, set status: closed; if recruitment was extended, set recruitmentEnds to the new end date`,
    ]);
  });

  it("warns about a study still setting up after its end date, and not about closed or completed ones", () => {
    assert.deepEqual(shown({ ...recruiting, status: "setting-up", recruitmentEnds: "2025-01-01" }), [
      `warning: ${FILE}: recruitmentEnds: "2025-01-01" has passed but the status is still setting-up: set the status the study has now, or the new end date`,
    ]);
    assert.deepEqual(shown({ ...closed, recruitmentEnds: "2025-01-01" }), []);
    assert.deepEqual(shown({ ...closed, status: "completed", recruitmentEnds: "2025-01-01" }), []);
  });

  it("leaves fields the schema refuses to the schema's messages", () => {
    assert.deepEqual(shown({ ...recruiting, recruitmentEnds: "2025-02-30", reviewDue: 5 }), []);
  });

  it("lets only a draft keep the placeholders npm run new starts a study with", () => {
    const started = { ...recruiting, status: "setting-up", whoCanTakePart: ["Aged 18 or over", PLACEHOLDER_POINT], contact: { email: PLACEHOLDER_EMAIL } };
    assert.deepEqual(shown({ ...started, draft: true }), []);
    assert.deepEqual(shown(started), [
      `${FILE}: whoCanTakePart[1]: still has the text the new file started with: write who can take part, or keep the study a draft (draft: true) until it is ready`,
      `${FILE}: contact.email: still has the address the new file started with: write the study team's email address, or keep the study a draft (draft: true) until it is ready`,
    ]);
  });
});

describe("the check of a studies folder", () => {
  const roots: string[] = [];
  after(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true, maxRetries: 10 }))));

  /** Checks a content folder with these study files (by slug), as `npm run check` would on 15 June 2025. */
  async function check(studies: Record<string, Record<string, unknown>>, files: Record<string, string> = {}) {
    const root = await tempDir("studies-check");
    roots.push(root);
    const content = await makeContent(root, {
      site: { contact: FIXTURE_CONTACT },
      files: {
        ...Object.fromEntries(Object.entries(studies).map(([slug, data]) => [`studies/${slug}.md`, markdownFile(data, "What taking part involves.")])),
        ...files,
      },
    });
    const result = await checkContent(content, { today: new Date("2025-06-15T12:00:00Z") });
    return result.problems.map((problem) => formatProblem({ ...problem, file: path.relative(root, problem.file).split(path.sep).join("/") }));
  }

  it("warns once when the review is due and when recruitment has ended, as the shared rules and the study's own say", async () => {
    const problems = await check({ ended: { ...recruiting, reviewDue: "2025-06-14", recruitmentEnds: "2025-06-14" } });
    assert.deepEqual(problems, [
      `warning: content/studies/ended.md:11: reviewDue: "2025-06-14" has passed: check the page is still right, then set reviewed to the day you checked it and reviewDue to the next review date`,
      `warning: content/studies/ended.md:12: recruitmentEnds: "2025-06-14" has passed, so the site shows this study as closed to recruitment: if it has closed, set status: closed; if recruitment was extended, set recruitmentEnds to the new end date`,
    ]);
  });

  it("requires each condition to be a topic, once, suggesting the one meant", async () => {
    assert.deepEqual(await check({ tagged: { ...closed, conditions: ["mental-health", "mental-helth", "cardiology"] } }), [
      `content/studies/tagged.md:9: conditions[1]: "mental-helth" is not a topic in content/_data/topics.json (did you mean "mental-health"?); add it there first or pick an existing topic`,
      `content/studies/tagged.md:10: conditions[2]: "cardiology" is not a topic in content/_data/topics.json; add it there first or pick an existing topic`,
    ]);
  });

  it("refuses a file in content/studies/ that is not a study, and a study in a subfolder", async () => {
    const problems = await check({}, { "studies/notes.txt": "notes", "studies/2025/trial.md": markdownFile(closed, "Text.") });
    assert.equal(problems.length, 2, problems.join("\n"));
    assert.ok(
      problems.some((line) => line.startsWith("content/studies/notes.txt: ")),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((line) => line.startsWith("content/studies/2025: ") && line.includes("research studies go in content/studies/<slug>.md")),
      problems.join("\n"),
    );
  });

  it("reserves /studies/ for the register", () => {
    assert.equal(RESERVED_URLS.get("/studies/"), "the list of research studies");
  });
});
