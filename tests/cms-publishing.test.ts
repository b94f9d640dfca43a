import assert from "node:assert/strict";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import matter from "gray-matter";
import type { Browser, Page } from "playwright-core";
import type { CmsCollection, CmsField } from "../src/cms/config.ts";
import { CONTENT_FOLDERS, locate } from "../src/content/types.ts";
import { IMAGES_FOLDER, IMAGES_URL } from "../src/content/site-urls.ts";
import type { PageProblems } from "./quality/browser.ts";
import {
  type BuiltCmsConfig,
  type FormValues,
  SAMPLE_PNG,
  SHAPED_TEXT,
  emptyOptionalFields,
  fillForm,
  openEditor,
  readBuiltConfig,
  repositoryFiles,
  saveAndPublish,
} from "./helpers/cms-editor.ts";
import { ROOT, exists, readPage, runCli, tempDir } from "./helpers/fixture-site.ts";
import { TODAY, nextYear } from "./helpers/test-day.ts";
import { browserSkip } from "./quality/browser.ts";
import { launchBrowser } from "../src/bench/chromium.ts";
import { type StaticServer, serveSite } from "../src/bench/static-host.ts";

/**
 * The editors' whole path, in Chromium: the built /admin/ (with Decap's offline test
 * backend in place of GitHub), a new entry of every content type filled in and saved
 * through the form, taken through review and published; then the files Decap would
 * commit are written into a copy of the project's content, and `npm run check` and
 * `npm run build` must pass and publish every page. The entries are made from the
 * config.yml the build wrote, field by field, so a content type added later is covered
 * as it is, and any change to the config that stops Decap making valid content fails here.
 */
/**
 * The first date typed into a form; later date fields get later days. Before the day the
 * builds take as today (the real London day), and in an earlier year, so a story's
 * folder must come from its date, not from the day it was made.
 */
const FIRST_DATE = "2025-11-01";

/**
 * Text for the fields whose form asks for a shape (the CMS's pattern checks it as the
 * editor types). An event starts in the year after the one the editor makes it in, as one
 * made in December for January does: Decap must file it under its start's year, which the
 * check asks of the folder.
 */
const NEXT_YEAR = nextYear(TODAY);
const SHAPED: Record<string, string> = {
  ...SHAPED_TEXT,
  start: `${NEXT_YEAR}-01-15T18:00`,
  end: `${NEXT_YEAR}-01-15T20:00`,
};

/** A published story in the real content, for an event's `news` list (the check asks that it exists). */
const A_STORY = "/news/2024/windows-of-opportunity-innovations-in-care/";

/** What an editor would write in every field (or only the required ones), in the order the form asks. */
function sampleValues(fields: CmsField[], name: string, mode: "every field" | "required only", upload: string, withLists = true): FormValues {
  let day = Number(FIRST_DATE.slice(-2));
  const values: FormValues = {};
  const fill = (list: CmsField[], into: FormValues) => {
    for (const field of list) {
      if (mode === "required only" && field.required === false) continue;
      switch (field.widget) {
        case "string":
        case "text": {
          const text =
            SHAPED[field.name] ??
            (field.name === "title" ? `${name} made in the content editor` : `The ${field.label.toLowerCase()} of a page written through the form.`);
          // A short field (an acronym) gets a short text that its length pattern accepts.
          into[field.name] = field.pattern && !new RegExp(field.pattern[0]).test(text) ? `A ${field.name}` : text;
          break;
        }
        case "datetime":
          // Later fields are later days: "updated" and "reviewDue" must not come before the first.
          into[field.name] = `${FIRST_DATE.slice(0, -2)}${String(day++).padStart(2, "0")}`;
          break;
        case "select":
          // A single choice takes the last option: for a study's status that is "completed",
          // which needs no eligibility points or contact, so even "required only" is a study
          // the check accepts. A multiple choice (topics) takes the first.
          into[field.name] = [(field.multiple ? field.options?.[0] : field.options?.at(-1))?.label ?? ""];
          break;
        case "list":
          // Removing a list's entries again is not driven here, so the emptying run leaves out the lists
          // it would empty again (the optional ones); a required list (a publication's authors) is filled.
          if (withLists || field.required !== false)
            into[field.name] = field.name === "news" ? [A_STORY] : [`A ${field.label.toLowerCase()} point written in the form`];
          break;
        case "number":
          // The smallest the form allows (a year), or a small whole number (an order).
          into[field.name] = String(field.min ?? 2);
          break;
        case "image":
          into[field.name] = { upload, bytes: SAMPLE_PNG };
          break;
        case "object":
          into[field.name] = {};
          fill(field.fields ?? [], into[field.name] as FormValues);
          break;
        case "markdown":
          into[field.name] = `This ${name.toLowerCase()} was written in the content editor.`;
          break;
        case "boolean":
          // Left as the form starts it: unticked, so the page is published.
          break;
        default:
          throw new Error(`${field.name}: no sample for a ${field.widget} widget`);
      }
    }
  };
  fill(fields, values);
  return values;
}

const withoutBody = (fields: CmsField[]) => fields.filter((field) => field.widget !== "markdown");

describe("publishing through the content editor, in Chromium", { skip: browserSkip, timeout: 900_000 }, () => {
  let root: string;
  let content: string;
  let output: string;
  let config: BuiltCmsConfig;
  let seed: Record<string, string>;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  /** The titles the form was given, by the repository path Decap saved them to. */
  const made = new Map<string, string>();
  let committed = new Map<string, Buffer>();

  before(async () => {
    root = await tempDir("cms");
    content = path.join(root, "content");
    await cp(path.join(ROOT, "content"), content, { recursive: true });
    output = path.join(root, "_site");
    const built = await runCli("build", ["--input", content, "--output", output], { RI_CMS_REPO: "example/ri-site" });
    assert.equal(built.code, 0, built.stderr);
    config = await readBuiltConfig(output);
    // The repository as Decap sees it: the content's text files, at their paths in the project.
    seed = {};
    for (const file of await readdir(content, { recursive: true })) {
      if (/\.(md|json)$/.test(file)) seed[path.posix.join("content", file.split(path.sep).join("/"))] = await readFile(path.join(content, file), "utf8");
    }
    server = await serveSite(output);
    browser = await launchBrowser();
    ({ page, problems } = await openEditor(browser, `${server.url}admin/`, output, seed));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  /** Opens a new entry of a folder collection the way an editor does: the collection, then its "+" button. */
  async function newEntry(collection: CmsCollection): Promise<void> {
    await page.goto(`${server.url}admin/#/`);
    await page.getByRole("link", { name: collection.label, exact: true }).click();
    await page.getByRole("link", { name: `Create entry of type ${collection.label_singular}` }).click();
    await page.getByRole("button", { name: "Save", exact: true }).waitFor();
  }

  /** The repository files that are new or changed since the last look. */
  async function changedFiles(): Promise<string[]> {
    const now = await repositoryFiles(page);
    const changed = [...now.keys()].filter(
      (file) => !committed.get(file)?.equals(now.get(file) ?? Buffer.alloc(0)) && seed[file] !== now.get(file)?.toString(),
    );
    committed = now;
    return changed;
  }

  it("offers every content type: the folders the site publishes and the home page", () => {
    const folders = config.collections.filter((collection) => collection.folder).map((collection) => collection.folder);
    // Every folder content type, in the definitions' order (src/content/types.ts).
    assert.deepEqual(
      folders,
      CONTENT_FOLDERS.map(({ folder }) => `content/${folder}`),
    );
    assert.ok(config.collections.some((collection) => collection.files?.some((file) => file.file === "content/index.md")));
  });

  for (const mode of ["every field", "required only", "optional fields emptied again"] as const) {
    it(`saves and publishes a new entry of each folder type with ${mode}, at the path the build reads`, async () => {
      for (const collection of config.collections.filter((c) => c.folder)) {
        const name = `${collection.label_singular} with ${mode}`;
        const fields = collection.fields ?? [];
        const values = sampleValues(
          fields,
          name,
          mode === "required only" ? mode : "every field",
          `${collection.name} photo.png`,
          mode !== "optional fields emptied again",
        );
        await newEntry(collection);
        await fillForm(page, fields, values);
        if (mode === "optional fields emptied again") await emptyOptionalFields(page, fields);
        await saveAndPublish(page);
        const changed = await changedFiles();
        const entry = changed.find((file) => file.endsWith(".md"));
        assert.ok(entry, `${name}: no entry was saved (changed: ${changed.join(", ")})`);
        made.set(entry, typeof values.title === "string" ? values.title : "");
        const located = locate(path.posix.relative("content", entry));
        assert.ok(located.ok, `${entry}: ${located.ok ? "" : located.problem}`);
        assert.ok(entry.startsWith(`${collection.folder}/`), `${entry} is outside ${collection.folder}`);
        // Uploads go to content/images/ and are referred to as /images/<name>, nowhere else.
        const uploads = changed.filter((file) => file !== entry);
        const data = matter(committed.get(entry)?.toString() ?? "").data as Record<string, unknown>;
        const image = fields.find((field) => field.widget === "object" && field.fields?.some((inner) => inner.widget === "image"));
        if (image && mode === "every field") {
          assert.deepEqual(uploads, [`content/${IMAGES_FOLDER}/${collection.name}-photo.png`]);
          assert.equal((data[image.name] as { src?: string }).src, `${IMAGES_URL}${collection.name}-photo.png`);
        } else {
          assert.ok(
            uploads.every((file) => file.startsWith(`content/${IMAGES_FOLDER}/`)),
            `uploads: ${uploads.join(", ")}`,
          );
          if (image) assert.equal(data[image.name], undefined);
        }
        // A field left or made empty is not written at all.
        for (const [key, value] of Object.entries(data)) {
          assert.ok(value !== "" && value !== null && !(Array.isArray(value) && value.length === 0), `${entry}: ${key} is saved empty`);
        }
      }
    });
  }

  it("saves a change to the home page", async () => {
    const home = config.collections.find((collection) => collection.files);
    const file = home?.files?.[0];
    assert.ok(home && file);
    await page.goto(`${server.url}admin/#/`);
    await page.getByRole("link", { name: home.label, exact: true }).click();
    await page.getByRole("main").getByRole("link", { name: file.label }).click();
    await page.getByRole("button", { name: "Save", exact: true }).waitFor();
    const values = sampleValues(withoutBody(file.fields), "Home page", "every field", "");
    await fillForm(page, withoutBody(file.fields), values);
    await saveAndPublish(page);
    assert.deepEqual(await changedFiles(), [file.file]);
    made.set(file.file, typeof values.title === "string" ? values.title : "");
  });

  it("breaks no rule of the editor's Content Security Policy (the one the hosting files send)", () => {
    assert.deepEqual(problems.cspViolations, []);
  });

  it("commits only content the check accepts, and the build publishes every page", async () => {
    assert.ok(made.size >= 7, `entries made: ${[...made.keys()].join(", ")}`);
    for (const [file, bytes] of committed) {
      if (seed[file] === bytes.toString()) continue;
      assert.match(file, /^content\//, `Decap wrote outside the content folder: ${file}`);
      const target = path.join(root, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
    const check = await runCli("check", [content]);
    assert.equal(check.code, 0, `npm run check failed on what the CMS saved:\n${check.stdout}${check.stderr}`);
    const site = path.join(root, "_site2");
    const build = await runCli("build", ["--input", content, "--output", site]);
    assert.equal(build.code, 0, build.stderr);
    for (const [file, title] of made) {
      const located = locate(path.posix.relative("content", file));
      assert.ok(located.ok);
      const doc = await readPage(site, located.location.url);
      assert.match(doc.title, new RegExp(located.location.type === "home" ? "" : title), `${located.location.url} is built with its title`);
      if (located.location.type === "home") assert.equal(doc.querySelector("h1")?.textContent?.trim(), title);
    }
    for (const upload of [...committed.keys()].filter((file) => file.startsWith(`content/${IMAGES_FOLDER}/`))) {
      assert.ok(await exists(path.join(site, path.posix.relative("content", upload))), `${upload} is published`);
    }
    const story = [...made.keys()].find((file) => file.startsWith("content/news/") && file.includes("every-field"));
    assert.ok(story);
    const storyLocation = locate(path.posix.relative("content", story));
    assert.ok(storyLocation.ok);
    const storyPage = await readPage(site, storyLocation.location.url);
    // The story's image is its picture for sharing (og:image): its 1200 × 630 crop, published.
    const shared = storyPage.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    assert.match(shared, /\/images\/_sized\/news-photo-[0-9a-f]{10}-1200x630\.(jpg|png)$/, `og:image is ${shared}`);
    assert.ok(await exists(path.join(site, new URL(shared, "https://example.org").pathname.replace(/^\//, ""))), `${shared} is published`);
  });
});
