import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { FIXTURE_CONTACT, ROOT, markdownFile, runCli, tempDir } from "../helpers/fixture-site.ts";
import { mediaFixture } from "../helpers/media-fixture.ts";
import { TOPICS as STUDY_TOPICS, studiesAsOf } from "../helpers/study-fixtures.ts";
import { TODAY, nextYear } from "../helpers/test-day.ts";

/** The real content, or the copy RI_TEST_CONTENT names (tests/site-any-content.test.ts runs the suites on one). */
const REAL_CONTENT = path.resolve(process.env.RI_TEST_CONTENT ?? path.join(ROOT, "content"));

/**
 * The quality site holds the real content, so it builds as of the real London day, as CI's
 * deploy does; what it adds is dated relative to that day.
 */
const QUALITY_BUILD_DAY = TODAY;
/** The example event's year: next year, so it is upcoming on any build day. */
const EVENT_YEAR = nextYear(QUALITY_BUILD_DAY);

/**
 * The real content plus ten stories from 2023 written like real ones (headings, lists,
 * links), so that the listing has a second page; an example event next year (upcoming on
 * the build day), so that every page type and both halves of the events listing exist;
 * the fixture studies in every status (tests/helpers/study-fixtures.ts, their conditions
 * added to the topics); and one more 2023 story with a lead image, body images, document
 * links and every content component, with its images, documents and a long service page
 * (tests/helpers/media-fixture.ts); and made-up contact details in site.json (the real
 * content has none until the Trust gives them), so that every page has the footer's contact
 * block and /contact/ exists.
 */
export async function buildQualitySite(env: Record<string, string> = {}, outputFolder = "_site"): Promise<{ root: string; output: string }> {
  const root = await tempDir("quality");
  const content = path.join(root, "content");
  await cp(REAL_CONTENT, content, { recursive: true });
  const siteFile = path.join(content, "_data", "site.json");
  await writeFile(siteFile, JSON.stringify({ ...(JSON.parse(await readFile(siteFile, "utf8")) as object), contact: FIXTURE_CONTACT }));
  await mkdir(path.join(content, "news", "2023"), { recursive: true });
  const topics = ["clinical-trials", "events", "mental-health", "partnerships"];
  for (let n = 1; n <= 10; n++) {
    const date = `2023-${String(n).padStart(2, "0")}-15`;
    const body = [
      `This is example story ${n}, used to test the listing and the archive.`,
      "## What happened",
      "- A first point\n- A second point with a [link to our services](/services/)",
      "## Find out more",
      `Read about [taking part in research](/services/taking-part-in-research/) or go back to the [news](/news/).`,
    ].join("\n\n");
    await writeFile(
      path.join(content, "news", "2023", `example-story-${n}.md`),
      markdownFile({ title: `Example story ${n}`, date, summary: `A summary of example story ${n}.`, tags: [topics[n % topics.length]] }, body),
    );
  }
  await mkdir(path.join(content, "events", EVENT_YEAR), { recursive: true });
  await writeFile(
    path.join(content, "events", EVENT_YEAR, "example-event.md"),
    markdownFile(
      {
        title: "Example event",
        summary: "An example evening event, used to test the events listing and an upcoming event's page.",
        start: `${EVENT_YEAR}-03-04T18:00`,
        end: `${EVENT_YEAR}-03-04T20:00`,
        location: "Example Hall, 1 Example Street, Example Town",
        online: true,
        booking: "https://booking.example/example-event",
        cost: "Free",
        tags: ["events"],
      },
      "## What to expect\n\nA talk, then questions. Read about [taking part in research](/services/taking-part-in-research/).",
    ),
  );
  const media = await mediaFixture();
  const [everything] = media.stories ?? [];
  if (everything) {
    const { slug, body, ...data } = everything;
    await writeFile(path.join(content, "news", "2023", `${slug}.md`), markdownFile({ ...data, date: "2023-11-20" }, body ?? ""));
  }
  for (const [relative, contents] of Object.entries(media.files ?? {})) {
    await mkdir(path.dirname(path.join(content, relative)), { recursive: true });
    await writeFile(path.join(content, relative), contents);
  }
  const topicsFile = path.join(content, "_data", "topics.json");
  const topicList = JSON.parse(await readFile(topicsFile, "utf8")) as Array<{ slug: string }>;
  await writeFile(topicsFile, JSON.stringify([...topicList, ...STUDY_TOPICS.filter((topic) => !topicList.some((known) => known.slug === topic.slug))]));
  await mkdir(path.join(content, "studies"), { recursive: true });
  for (const [slug, study] of Object.entries(studiesAsOf(QUALITY_BUILD_DAY))) {
    const body = "You will meet the study team at a clinic you already go to.\n\n## Visits\n\n- A first visit of about an hour\n- A phone call 4 weeks later";
    await writeFile(path.join(content, "studies", `${slug}.md`), markdownFile(study, body));
  }
  const output = path.join(root, outputFolder);
  const result = await runCli("build", ["--input", content, "--output", output], { RI_BUILD_DATE: QUALITY_BUILD_DAY, ...env });
  if (result.code !== 0) throw new Error(`quality site build failed:\n${result.stderr}`);
  return { root, output };
}

/** One page of every type the site has. */
export const PAGE_TYPES: Record<string, string> = {
  home: "",
  "news listing": "news/",
  "news listing page 2": "news/page/2/",
  story: "news/2024/lancet-commission-on-self-harm/",
  "year archive": "news/2024/",
  topic: "news/topics/events/",
  "events listing": "events/",
  "upcoming event": `events/${EVENT_YEAR}/example-event/`,
  "past event": "events/2024/windows-of-opportunity-innovations-in-care/",
  "services index": "services/",
  service: "services/taking-part-in-research/",
  "studies register": "studies/",
  study: "studies/example-mood-study/",
  "accessibility statement": "accessibility-statement/",
  contact: "contact/",
  "story with images, documents and components": "news/2023/everything/",
  "long service page": "services/long-service/",
  search: "search/",
  "404": "404.html",
};

/** The path prefixes the quality site is built under: the root, and a GitHub Pages project site's. */
export type QualityPrefix = "/" | "/ri/";

/**
 * The environment variable in which tests/run.ts names the folder of the quality site it
 * built once for every suite of the run, by prefix. Suites only read the shared site.
 */
export const SHARED_QUALITY_SITE: Record<QualityPrefix, string> = { "/": "RI_SHARED_QUALITY_SITE", "/ri/": "RI_SHARED_QUALITY_SITE_RI" };

export interface QualitySite {
  /** The folder the site was built in; under a prefix, served from here (the site is in `<root>/ri/`). */
  root: string;
  output: string;
  /** Deletes the site if this suite built it; a shared one is left to tests/run.ts. */
  cleanup(): Promise<void>;
}

/** Where the quality site under `prefix` is built inside its root folder. */
const outputFolder = (prefix: QualityPrefix) => (prefix === "/" ? "_site" : prefix.replaceAll("/", ""));

/** Builds the quality site under `prefix` into a new folder; the caller deletes its root. */
export function buildQualitySiteUnder(prefix: QualityPrefix): Promise<{ root: string; output: string }> {
  return buildQualitySite(prefix === "/" ? {} : { RI_PATH_PREFIX: prefix }, outputFolder(prefix));
}

/**
 * The quality site for a suite: the one tests/run.ts built for the whole run when it names
 * one, so that the suites reading it do not each spend a build on it; otherwise (a suite
 * run by itself) built for this suite alone.
 */
export async function qualitySite(prefix: QualityPrefix = "/"): Promise<QualitySite> {
  const shared = process.env[SHARED_QUALITY_SITE[prefix]];
  if (shared) return { root: shared, output: path.join(shared, outputFolder(prefix)), cleanup: async () => {} };
  const { root, output } = await buildQualitySiteUnder(prefix);
  return { root, output, cleanup: () => rm(root, { recursive: true, force: true, maxRetries: 10 }) };
}
