import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import yaml from "js-yaml";
import { z } from "zod";
import { BODY_FIELD, CMS_COLLECTIONS, CMS_OMITTED, type CmsField, cmsConfig, schemaFields } from "../src/cms/config.ts";
import { schemaProblems } from "../src/check.ts";
import { locate } from "../src/content-types.ts";
import { ADMIN_CONTENT_SECURITY_POLICY, ADMIN_PATH, CONTENT_SECURITY_POLICY } from "../src/csp.ts";
import { decapDist, isDecapFile } from "../src/eleventy/cms.ts";
import { NOT_INDEXED_PATHS, isIndexed } from "../src/indexing.ts";
import { homeSchema } from "../src/schema/page.ts";
import { type Topic, siteSchema, topicsSchema } from "../src/schema/site.ts";
import { launchChromium } from "./helpers/browser.ts";
import { browserSkip } from "./quality/browser.ts";
import { ROOT, buildFixture, readPage } from "./helpers/fixture-site.ts";
import { serveSite } from "./quality/server.ts";

const topics = topicsSchema.parse(JSON.parse(await readFile(path.join(ROOT, "content", "_data", "topics.json"), "utf8")));
const site = siteSchema.parse(JSON.parse(await readFile(path.join(ROOT, "content", "_data", "site.json"), "utf8")));
const config = cmsConfig(site, topics, { repo: "example/ri-site" }) as {
  publish_mode: string;
  media_folder: string;
  collections: Array<{ name: string; folder?: string; path?: string; fields?: CmsField[]; files?: Array<{ file: string; fields: CmsField[] }> }>;
};

/** What the schema says a CMS field must be, by the kind of value it holds. */
const WIDGETS: Record<string, string> = { text: "string", "long-text": "text", date: "datetime", flag: "boolean", number: "number", topics: "select", "image-file": "image" };

/** The fields a schema takes, as the CMS should offer them, worked out from the schema alone. */
function expectedFields(schema: z.ZodType, prefix = ""): Array<{ name: string; required: boolean; widget: string; fields?: unknown }> {
  return schemaFields(schema)
    .filter((field) => !(prefix + field.name in CMS_OMITTED))
    .map((field) =>
      field.object
        ? { name: field.name, required: field.required, widget: "object", fields: expectedFields(field.object, `${prefix}${field.name}.`) }
        : { name: field.name, required: field.required, widget: WIDGETS[field.meta?.kind ?? ""] ?? `no widget for ${field.meta?.kind}` },
    );
}

const offered = (fields: CmsField[]): Array<{ name: string; required: boolean; widget: string; fields?: unknown }> =>
  fields
    .filter((field) => field.name !== "body")
    .map((field) => ({ name: field.name, required: field.required ?? true, widget: field.widget, ...(field.fields ? { fields: offered(field.fields) } : {}) }));

/** A value such as an editor would enter in each widget. */
function sample(fields: CmsField[], topicList: Topic[]): Record<string, unknown> {
  const value = (field: CmsField): unknown => {
    switch (field.widget) {
      case "string":
      case "text":
        return `Some ${field.name}`;
      case "datetime":
        // Decap cannot compare two fields; the check does (reviewDue after reviewed).
        return field.name === "reviewDue" ? "2027-11-24" : "2026-11-24";
      case "boolean":
        return false;
      case "number":
        return 3;
      case "select":
        return [field.options?.[0]?.value ?? topicList[0]?.slug];
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
  const collections = [
    ...CMS_COLLECTIONS.map((collection) => ({ name: collection.name, schema: collection.schema as z.ZodType, fields: config.collections.find((c) => c.name === collection.name)?.fields ?? [] })),
    { name: "home", schema: homeSchema as z.ZodType, fields: config.collections.find((c) => c.name === "home")?.files?.[0]?.fields ?? [] },
  ];

  for (const { name, schema, fields } of collections) {
    it(`offers exactly the ${name} schema's fields, required as the schema requires them, then the body`, () => {
      assert.deepEqual(offered(fields), expectedFields(schema));
      assert.deepEqual(fields.at(-1), BODY_FIELD);
    });

    it(`makes ${name} entries the check accepts, with every field filled or only the required ones`, () => {
      const full = sample(fields, topics);
      assert.deepEqual(schemaProblems("cms", schema, full), []);
      const required = sample(fields.filter((field) => field.required !== false), topics);
      assert.deepEqual(schemaProblems("cms", schema, required), []);
    });
  }

  it("leaves out only the fields it says why it leaves out", () => {
    assert.deepEqual(Object.keys(CMS_OMITTED), ["image.decorative"]);
  });

  it("offers only the topics in topics.json", () => {
    const tags = config.collections.find((c) => c.name === "news")?.fields?.find((field) => field.name === "tags");
    assert.deepEqual(tags?.options?.map((option) => option.value), topics.map((topic) => topic.slug));
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
    const saved = `${news?.folder}/${news?.path}.md`.replace("{{year}}", "2026").replace("{{slug}}", "new-trial-opens").replace(/^content\//, "");
    assert.deepEqual(locate(saved), { ok: true, location: { type: "news", slug: "new-trial-opens", year: "2026", url: "/news/2026/new-trial-opens/" } });
    assert.equal(config.publish_mode, "editorial_workflow");
    assert.equal(config.media_folder, "content/images");
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
    assert.deepEqual(scripts, ["decap-cms.js"]);
    const shipped = (await readdir(decapDist)).filter(isDecapFile).sort();
    assert.deepEqual((await readdir(path.join(built.output, "admin"))).filter((name) => name !== "index.html" && name !== "config.yml").sort(), shipped);
    assert.ok(shipped.includes("decap-cms.js") && shipped.length > 10);
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
