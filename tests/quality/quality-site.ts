import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, markdownFile, runCli, tempDir } from "../helpers/fixture-site.ts";
import { mediaFixture } from "../helpers/media-fixture.ts";
import { TOPICS as STUDY_TOPICS, studiesAsOf } from "../helpers/study-fixtures.ts";

/** The day runCli builds as of (its RI_BUILD_DATE). */
const QUALITY_BUILD_DAY = "2026-11-24";

/**
 * The real content plus ten stories from 2023 written like real ones (headings, lists,
 * links), so that the listing has a second page; an example event in 2027 (upcoming on the
 * tests' build day), so that every page type and both halves of the events listing exist;
 * the fixture studies in every status (tests/helpers/study-fixtures.ts, their conditions
 * added to the topics); and one more 2023 story with a lead image, body images, document
 * links and every content component, with its images, documents and a long service page
 * (tests/helpers/media-fixture.ts).
 */
export async function buildQualitySite(env: Record<string, string> = {}, outputFolder = "_site"): Promise<{ root: string; output: string }> {
  const root = await tempDir("quality");
  const content = path.join(root, "content");
  await cp(path.join(ROOT, "content"), content, { recursive: true });
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
  await mkdir(path.join(content, "events", "2027"), { recursive: true });
  await writeFile(
    path.join(content, "events", "2027", "example-event.md"),
    markdownFile(
      {
        title: "Example event",
        summary: "An example evening event, used to test the events listing and an upcoming event's page.",
        start: "2027-03-04T18:00",
        end: "2027-03-04T20:00",
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
  const result = await runCli("build", ["--input", content, "--output", output], env);
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
  "upcoming event": "events/2027/example-event/",
  "past event": "events/2024/windows-of-opportunity-innovations-in-care/",
  "services index": "services/",
  service: "services/taking-part-in-research/",
  "studies register": "studies/",
  study: "studies/example-mood-study/",
  "accessibility statement": "accessibility-statement/",
  "story with images, documents and components": "news/2023/everything/",
  "long service page": "services/long-service/",
  search: "search/",
  "404": "404.html",
};
