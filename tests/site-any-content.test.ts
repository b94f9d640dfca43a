import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { appendFile, cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, markdownFile, tempDir } from "./helpers/fixture-site.ts";
import { TODAY, nextYear } from "./helpers/test-day.ts";
import { SHARED_QUALITY_SITE } from "./quality/quality-site.ts";

/** The suites that build the real content and assert only what holds for any content on any day. */
const REAL_CONTENT_SUITES = ["site.test.ts", "site-quality.test.ts"];

/**
 * An editor's correct new content must not turn CI red, on the day it is written: the
 * real-content suites run again on a copy of the real content with a story dated today,
 * linked from a service page and from an event next year that lists it, and one more page.
 * They build as of the real London day, as the deploy does, so the story is published and
 * the links to it resolve.
 */
describe("the real-content suites on a copy with an editor's story dated today", { timeout: 600_000 }, () => {
  let root: string;
  let content: string;
  const year = TODAY.slice(0, 4);
  const story = `/news/${year}/an-editors-story-today/`;
  const event = `/events/${nextYear()}/an-editors-event-next-year/`;
  before(async () => {
    root = await tempDir("any-content");
    content = path.join(root, "content");
    await cp(path.join(ROOT, "content"), content, { recursive: true });
    await mkdir(path.join(content, "news", year), { recursive: true });
    await writeFile(
      path.join(content, "news", year, "an-editors-story-today.md"),
      markdownFile(
        { title: "An editor's story, published today", date: TODAY, summary: "A plain sentence about what happened, for the listing.", tags: ["events"] },
        "The story.\n\n## More\n\nSee [our services](/services/) and [the event it is about](" + event + ").",
      ),
    );
    // Linked from a service page, as an editor would point readers at news.
    const services = (await readdir(path.join(content, "services"))).filter((file) => file.endsWith(".md")).sort();
    const service = services.includes("taking-part-in-research.md") ? "taking-part-in-research.md" : services[0];
    assert.ok(service, "the real content has a service page");
    await appendFile(path.join(content, "services", service), `\n\nRead [our latest story](${story}).\n`);
    await mkdir(path.join(content, "events", nextYear()), { recursive: true });
    await writeFile(
      path.join(content, "events", nextYear(), "an-editors-event-next-year.md"),
      markdownFile(
        {
          title: "An editor's event next year",
          summary: "An evening talk about research, with time for questions.",
          start: `${nextYear()}-02-10T18:00`,
          end: `${nextYear()}-02-10T19:30`,
          online: true,
          cost: "Free",
          tags: ["events"],
          news: [story],
        },
        `Read [the story about it](${story}).`,
      ),
    );
    await writeFile(
      path.join(content, "pages", "contact-us.md"),
      markdownFile({ title: "Contact the team", summary: "How to reach the Research and Innovation team." }, "Write to us."),
    );
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("pass", async () => {
    // A test file's child sees NODE_TEST_CONTEXT and would skip running its own tests; the
    // run's shared quality site is of the real content, not of this copy.
    const { NODE_TEST_CONTEXT: _, [SHARED_QUALITY_SITE["/"]]: __, [SHARED_QUALITY_SITE["/ri/"]]: ___, ...env } = process.env;
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "--test", "--test-reporter=spec", ...REAL_CONTENT_SUITES.map((file) => path.join(ROOT, "tests", file))],
        { cwd: ROOT, env: { ...env, RI_TEST_CONTENT: content, RI_TEST_DAY: TODAY }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    assert.equal(result.code, 0, result.output);
    // The suites really ran on the copy: every test passed, none was skipped.
    assert.ok(result.output.includes(`the R&I site built from ${content}`), result.output);
    assert.match(result.output, /\bpass [1-9]\d*\b/);
    assert.match(result.output, /\bfail 0\b/);
    assert.match(result.output, /\bskipped 0\b/);
  });
});
