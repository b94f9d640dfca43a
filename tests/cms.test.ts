import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import yaml from "js-yaml";
import { z } from "zod";
import { BODY_FIELD, CMS_OMITTED, type CmsField, cmsConfig, cmsFields, schemaFields } from "../src/cms/config.ts";
import { text, withMeta } from "../src/content/schema/fields.ts";
import { schemaProblems } from "../src/check/check.ts";
import { CONTENT_TYPES, locate } from "../src/content/types.ts";
import { LOCAL_BACKEND_ORIGIN, LOCAL_BACKEND_URL } from "../src/cms/local-backend.ts";
import { ADMIN_CONTENT_SECURITY_POLICY, ADMIN_CSP_DIRECTIVES, ADMIN_PATH, CONTENT_SECURITY_POLICY, PREVIEW_ADMIN_CSP_DIRECTIVES } from "../src/publish/csp.ts";
import { ADMIN_SCRIPT } from "../src/cms/admin-page.ts";
import { readDecapManifest } from "../src/eleventy/decap-bundle.ts";
import { HEADER_RULES } from "../src/publish/http-headers.ts";
import { NOT_INDEXED_PATHS, isIndexed } from "../src/publish/indexing.ts";
import { type Topic, siteSchema, topicsSchema } from "../src/content/schema/site.ts";
import { launchChromium } from "./helpers/browser.ts";
import { browserSkip } from "./quality/browser.ts";
import { SHAPED_TEXT } from "./helpers/cms-editor.ts";
import { ROOT, buildFixture, readPage } from "./helpers/fixture-site.ts";
import { serveSite } from "../src/bench/static-host.ts";

const topics = topicsSchema.parse(JSON.parse(await readFile(path.join(ROOT, "content", "_data", "topics.json"), "utf8")));
const site = siteSchema.parse(JSON.parse(await readFile(path.join(ROOT, "content", "_data", "site.json"), "utf8")));
const config = cmsConfig(site, topics, { repo: "example/ri-site" }) as {
  publish_mode: string;
  media_folder: string;
  public_folder: string;
  local_backend?: unknown;
  logo: { src: string };
  collections: Array<{
    name: string;
    folder?: string;
    path?: string;
    media_folder?: string;
    public_folder?: string;
    fields?: CmsField[];
    files?: Array<{ file: string; fields: CmsField[] }>;
  }>;
};

/** What the schema says a CMS field must be, by the kind of value it holds. */
const WIDGETS: Record<string, string> = {
  text: "string",
  "long-text": "text",
  date: "datetime",
  "london-time": "string",
  "web-address": "string",
  list: "list",
  flag: "boolean",
  number: "number",
  topics: "select",
  choice: "select",
  "image-file": "image",
};

/**
 * The fields a schema takes, as the CMS should offer them, worked out from the schema alone.
 * Inside an optional group every field is optional in the form (decap-cms issue 2103).
 */
function expectedFields(schema: z.ZodType, prefix = "", inOptionalGroup = false): Array<{ name: string; required: boolean; widget: string; fields?: unknown }> {
  return schemaFields(schema)
    .filter((field) => !(prefix + field.name in CMS_OMITTED))
    .map((field) => {
      const required = field.required && !inOptionalGroup;
      return field.object
        ? { name: field.name, required, widget: "object", fields: expectedFields(field.object, `${prefix}${field.name}.`, !required) }
        : { name: field.name, required, widget: WIDGETS[field.meta?.kind ?? ""] ?? `no widget for ${field.meta?.kind}` };
    });
}

const offered = (fields: CmsField[]): Array<{ name: string; required: boolean; widget: string; fields?: unknown }> =>
  fields
    .filter((field) => field.name !== "body")
    .map((field) => ({ name: field.name, required: field.required ?? true, widget: field.widget, ...(field.fields ? { fields: offered(field.fields) } : {}) }));

/** What an editor would type in a text field whose form asks for a shape (its pattern checks the shape): each field's example. */
const SHAPED: Readonly<Record<string, string>> = SHAPED_TEXT;

/** A value such as an editor would enter in each widget. */
function sample(fields: CmsField[], topicList: Topic[]): Record<string, unknown> {
  const value = (field: CmsField): unknown => {
    switch (field.widget) {
      case "string":
      case "text": {
        const text = SHAPED[field.name] ?? `Some ${field.name}`;
        if (field.pattern) assert.match(text, new RegExp(field.pattern[0]), `the CMS would refuse ${field.name}: ${text}`);
        return text;
      }
      case "datetime":
        // Decap cannot compare two fields; the check does (reviewDue after reviewed).
        return field.name === "reviewDue" ? "2027-11-24" : "2026-11-24";
      case "boolean":
        return false;
      case "number":
        // The smallest the form allows (a year), or a small whole number (an order).
        return field.min ?? 3;
      case "select":
        // A single choice (a study's status) holds one value, a multiple one (topics) a list.
        return field.multiple ? [field.options?.[0]?.value ?? topicList[0]?.slug] : field.options?.[0]?.value;
      case "list":
        // An entry in the shape the field's example shows (a story's address; the site-wide check then asks that the story exists), or else text.
        return [SHAPED[field.name] ?? `A ${field.name} point`];
      case "image":
        return "/images/photo.jpg";
      case "object":
        return sample(field.fields ?? [], topicList);
      default:
        throw new Error(`no sample for ${field.widget}`);
    }
  };
  return Object.fromEntries(fields.filter((field) => field.name !== "body").map((field) => [field.name, value(field)]));
}

describe("the CMS configuration", () => {
  // Every type's collection, a folder of entries or one file (the home page).
  const collections = CONTENT_TYPES.map((definition) => {
    const collection = config.collections.find((c) => c.name === definition.cms.name);
    return { name: definition.cms.name, schema: definition.schema as z.ZodType, fields: collection?.fields ?? collection?.files?.[0]?.fields ?? [] };
  });

  for (const { name, schema, fields } of collections) {
    it(`offers exactly the ${name} schema's fields, required as the schema requires them, then the body`, () => {
      assert.deepEqual(offered(fields), expectedFields(schema));
      assert.deepEqual(fields.at(-1), BODY_FIELD);
    });

    it(`makes ${name} entries the check accepts, with every field filled or only the required ones`, () => {
      const full = sample(fields, topics);
      assert.deepEqual(schemaProblems("cms", schema, full), []);
      const required = sample(
        fields.filter((field) => field.required !== false),
        topics,
      );
      // Decap cannot make one field required by another's value, so a field the schema
      // needs only in some cases (a study's contact while it recruits) is optional in the
      // form, and its hint says when it is needed; the check then names the missing field.
      const conditional = fields.filter((field) => field.hint?.includes("Needed while")).map((field) => field.name);
      assert.deepEqual(
        schemaProblems("cms", schema, required).filter((problem) => !conditional.includes(problem.field ?? "")),
        [],
      );
      assert.deepEqual(
        schemaProblems("cms", schema, {
          ...required,
          ...sample(
            fields.filter((field) => conditional.includes(field.name)),
            topics,
          ),
        }),
        [],
      );
    });
  }

  it("offers a study's status and type as choices, its eligibility as one box a point, and its contact as a group", () => {
    const studies = config.collections.find((c) => c.name === "studies")?.fields ?? [];
    const field = (name: string) => studies.find((entry) => entry.name === name);
    assert.deepEqual(field("status")?.options, [
      { value: "recruiting", label: "Recruiting" },
      { value: "setting-up", label: "Setting up" },
      { value: "closed", label: "Closed to recruitment" },
      { value: "completed", label: "Completed" },
    ]);
    assert.equal(field("status")?.multiple, undefined);
    assert.deepEqual(
      field("studyType")?.options?.map((option) => option.value),
      ["clinical-trial", "observational", "questionnaire", "interview", "samples", "other"],
    );
    assert.deepEqual(field("whoCanTakePart")?.field, { label: "Point", name: "point", widget: "string" });
    assert.deepEqual(
      field("contact")?.fields?.map((inner) => [inner.name, inner.required]),
      [
        ["email", false],
        ["phone", false],
        ["team", false],
      ],
    );
    assert.ok(new RegExp(field("isrctn")?.pattern?.[0] ?? "").test("ISRCTN12345678"));
    assert.ok(!new RegExp(field("isrctn")?.pattern?.[0] ?? "").test("ISRCTN 12345678"));
  });

  it("has one collection for each content type, in the type list's order", () => {
    assert.deepEqual(
      config.collections.map((collection) => collection.name),
      CONTENT_TYPES.map((definition) => definition.cms.name),
    );
  });

  it("states in each hint the limit the schema sets, for every field of every collection", () => {
    const all = (fields: CmsField[]): CmsField[] => fields.flatMap((field) => [field, ...all(field.fields ?? [])]);
    const stated = config.collections.flatMap((c) => all([...(c.fields ?? []), ...(c.files ?? []).flatMap((file) => file.fields)]));
    const limited = stated.filter((field) => /At most \d+ characters/.test(field.hint ?? ""));
    assert.ok(limited.length > 0);
    for (const field of limited) {
      const limit = Number(/At most (\d+) characters/.exec(field.hint ?? "")?.[1]);
      const pattern = new RegExp(field.pattern?.[0] ?? "");
      assert.ok(pattern.test("x".repeat(limit)) && !pattern.test("x".repeat(limit + 1)), `${field.name}: ${field.hint}`);
    }
    // A longer title than any type has today says its own limit; a web address that is not a booking page says nothing of booking.
    const [title, link] = cmsFields(z.strictObject({ title: text("title", 300), link: withMeta(z.string(), { kind: "web-address", maxLength: 200 }) }), topics);
    assert.match(title?.hint ?? "", /At most 300 characters\.$/);
    assert.equal(title?.widget, "text");
    assert.deepEqual(link?.pattern, ["^https://\\S{1,192}$", "Write a web address, starting https://"]);
  });

  it("leaves out only the fields it says why it leaves out", () => {
    assert.deepEqual(Object.keys(CMS_OMITTED), ["image.decorative"]);
  });

  it("offers only the topics in topics.json", () => {
    const tags = config.collections.find((c) => c.name === "news")?.fields?.find((field) => field.name === "tags");
    assert.deepEqual(
      tags?.options?.map((option) => option.value),
      topics.map((topic) => topic.slug),
    );
    assert.equal(tags?.multiple, true);
  });

  it("keeps text within the schema's limits and dates as YYYY-MM-DD", () => {
    const news = config.collections.find((c) => c.name === "news")?.fields ?? [];
    const pattern = (name: string) => new RegExp(news.find((field) => field.name === name)?.pattern?.[0] ?? "");
    assert.ok(pattern("title").test("x".repeat(150)) && !pattern("title").test("x".repeat(151)) && !pattern("title").test("   "));
    assert.ok(pattern("summary").test("y".repeat(300)) && !pattern("summary").test("y".repeat(301)));
    assert.equal(news.find((field) => field.name === "date")?.format, "YYYY-MM-DD");
  });

  it("saves news as content/news/<year>/<slug>.md, where the build looks for it, with the editorial workflow", () => {
    const news = config.collections.find((c) => c.name === "news");
    assert.equal(`${news?.folder}/${news?.path}`, "content/news/{{year}}/{{slug}}");
    const saved = `${news?.folder}/${news?.path}.md`
      .replace("{{year}}", "2026")
      .replace("{{slug}}", "new-trial-opens")
      .replace(/^content\//, "");
    assert.deepEqual(locate(saved), { ok: true, location: { type: "news", slug: "new-trial-opens", year: "2026", url: "/news/2026/new-trial-opens/" } });
    assert.equal(config.publish_mode, "editorial_workflow");
  });

  it("puts every upload in content/images/ as /images/<name>, for every collection (never beside the entry)", () => {
    assert.equal(config.media_folder, "content/images");
    assert.equal(config.public_folder, "/images");
    for (const collection of config.collections.filter((c) => c.folder)) {
      assert.equal(collection.media_folder, "/content/images", collection.name);
      assert.equal(collection.public_folder, "/images", collection.name);
    }
  });

  it("keeps every field of an optional group optional in the form, so an entry without the group can be saved", () => {
    const image = config.collections.find((c) => c.name === "news")?.fields?.find((field) => field.name === "image");
    assert.equal(image?.required, false);
    assert.deepEqual(
      image?.fields?.map((field) => field.required),
      [false, false, false],
    );
  });

  it("offers the local backend only when asked (preview builds), and shows the site's icon under the path prefix", () => {
    assert.equal(config.local_backend, undefined);
    const local = cmsConfig(site, topics, { local: true }, "/ri/") as typeof config;
    assert.deepEqual(local.local_backend, { url: LOCAL_BACKEND_URL });
    assert.equal(local.logo.src, "/ri/assets/images/nhsuk-icon-180.png");
  });
});

describe("the content editor at /admin/", { timeout: 120_000 }, () => {
  let built: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    built = await buildFixture({ stories: [{ slug: "one", title: "One", date: "2024-01-01", summary: "S." }] }, { RI_CMS_REPO: "example/ri-site" });
  });
  after(() => built.cleanup());

  it("loads Decap from the site itself, not a CDN, and is kept out of search and indexing", async () => {
    const doc = await readPage(built.output, "/admin/");
    const scripts = [...doc.querySelectorAll("script")].map((script) => script.getAttribute("src") ?? "inline");
    assert.deepEqual(scripts, ["decap-cms.js", ADMIN_SCRIPT]);
    const shipped = Object.keys((await readDecapManifest()).files).sort();
    const own = ["index.html", "config.yml", ADMIN_SCRIPT];
    assert.deepEqual((await readdir(path.join(built.output, "admin"))).filter((name) => !own.includes(name)).sort(), shipped);
    assert.match(doc.title, /^Content editor – /);
    assert.ok(doc.querySelector('link[rel="icon"][href="/assets/images/favicon.svg"]'), "the site's icon");
    assert.deepEqual(shipped, ["decap-cms.js", "decap-cms.js.LICENSE.txt"]);
    assert.equal(doc.querySelector("[data-pagefind-body]"), null);
    assert.equal(doc.querySelector("meta[name=robots]")?.getAttribute("content"), "noindex, nofollow");
    assert.deepEqual(NOT_INDEXED_PATHS, ["/admin/"]);
    assert.equal(isIndexed("/admin/"), false);
    assert.equal(isIndexed("/news/"), true);
  });

  it("writes the config the schemas make, with the repository given at build time", async () => {
    const written = yaml.load(await readFile(path.join(built.output, "admin", "config.yml"), "utf8"));
    assert.deepEqual(written, config);
  });

  it("gets its own policy; the rest of the site keeps the strict one", () => {
    assert.equal(ADMIN_PATH, "/admin/*");
    assert.match(ADMIN_CONTENT_SECURITY_POLICY, /script-src 'self' 'unsafe-eval'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /'unsafe-eval'|'unsafe-inline'/);
    // Decap reads an upload back from its blob: URL before sending it to GitHub.
    assert.deepEqual(ADMIN_CSP_DIRECTIVES["connect-src"], ["'self'", "blob:", "https://api.github.com", "https://raw.githubusercontent.com"]);
  });

  it("lets only the preview's editor reach the local backend, on this machine, and publishes that nowhere", () => {
    assert.deepEqual(PREVIEW_ADMIN_CSP_DIRECTIVES, {
      ...ADMIN_CSP_DIRECTIVES,
      "connect-src": [...(ADMIN_CSP_DIRECTIVES["connect-src"] ?? []), LOCAL_BACKEND_ORIGIN],
    });
    assert.match(LOCAL_BACKEND_ORIGIN, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.doesNotMatch(ADMIN_CONTENT_SECURITY_POLICY, /127\.0\.0\.1|localhost/);
    assert.ok(HEADER_RULES.every((rule) => !/127\.0\.0\.1|localhost/.test(Object.values(rule.headers).join(" "))));
  });

  it("starts in Chromium under its policy, with no request off the site and no policy violation", { skip: browserSkip }, async () => {
    const server = await serveSite(built.output);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const offSite: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("request", (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) offSite.push(request.url());
      });
      await page.goto(`${server.url}admin/`);
      await page.getByText("Login with GitHub").waitFor({ timeout: 30_000 });
      assert.deepEqual(problems, []);
      assert.deepEqual(offSite, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
