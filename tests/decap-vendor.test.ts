import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { appendFile, cp, readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { cmsConfig } from "../src/cms/config.ts";
import { DECAP_FILES, DECAP_VENDOR_DIR, FILES_FOLDER, readDecapManifest, verifiedDecapFiles } from "../src/eleventy/decap-bundle.ts";
import { ROOT, exists, makeContent, tempDir } from "./helpers/fixture-site.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { FIXTURE_DAY } from "./helpers/test-day.ts";

/** Runs a script of the project at `cwd` with Node and tsx, as npm would. */
function run(cwd: string, script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", script, ...args], { cwd, env: { ...process.env, RI_BUILD_DATE: FIXTURE_DAY } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A tampered copy of the vendored Decap: the bundle one byte longer, and its licences gone. */
async function tamper(dir: string): Promise<{ changed: string; removed: string }> {
  const changed = path.join(dir, FILES_FOLDER, "decap-cms.js");
  const removed = path.join(dir, FILES_FOLDER, "decap-cms.js.LICENSE.txt");
  await appendFile(changed, ";");
  await rm(removed);
  return { changed, removed };
}

/** Every object in a value (a config), however deep. */
function objects(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (typeof value !== "object" || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
}

describe("the vendored Decap CMS (vendor/decap-cms/)", { timeout: 180_000 }, () => {
  let root: string;
  before(async () => {
    root = await tempDir("decap-vendor");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("holds exactly the files its manifest records, each as the registry's tarball had it, with Decap's licence", async () => {
    const manifest = await readDecapManifest();
    const names = Object.keys(manifest.files).sort();
    assert.deepEqual((await readdir(path.join(DECAP_VENDOR_DIR, FILES_FOLDER))).sort(), names);
    assert.deepEqual(names, [...DECAP_FILES].sort());
    assert.equal(manifest.tarball, `https://registry.npmjs.org/decap-cms/-/decap-cms-${manifest.version}.tgz`);
    assert.deepEqual((await verifiedDecapFiles()).map(({ name }) => name).sort(), names);
    const licence = await readFile(path.join(DECAP_VENDOR_DIR, "LICENSE"), "utf8");
    assert.match(licence, /^Copyright \(c\) 2016 Netlify.*\n\nMIT License\n/);
  });

  it("is all the editor loads: the config offers no code block, no code widget and no media processing, whose chunks are left out", () => {
    for (const backend of [{ repo: "example/ri-site" }, { local: true }]) {
      const config = cmsConfig({ url: "https://example.org" }, [], backend);
      const all = objects(config);
      assert.ok(!all.some((object) => "media_processing" in object), "media_processing would fetch the WebP encoder");
      assert.ok(!all.some((object) => object.widget === "code"), "the code widget would fetch CodeMirror's languages");
      const markdown = all.filter((object) => object.widget === "markdown");
      assert.ok(markdown.length > 0);
      for (const field of markdown) {
        // Without a list, Decap offers every component, the code block among them.
        assert.ok(Array.isArray(field.editor_components) && !field.editor_components.includes("code-block"), JSON.stringify(field));
      }
    }
  });

  it("refuses a changed or missing file, naming each and how to restore them", async () => {
    const copy = path.join(root, "vendored");
    await cp(DECAP_VENDOR_DIR, copy, { recursive: true });
    const { changed, removed } = await tamper(copy);
    await assert.rejects(verifiedDecapFiles(copy), (error: Error) => {
      assert.match(error.message, /^The vendored Decap CMS does not match its manifest, so the content editor is not published:\n/);
      assert.ok(error.message.includes(`${changed} is not the file decap-cms@`), error.message);
      assert.ok(error.message.includes(`${removed} is missing`), error.message);
      assert.match(error.message, /npm run vendor:decap -- <version>/);
      return true;
    });
  });

  it("stops a build whose vendored Decap was changed: nothing is published", async () => {
    const project = await copyProject(root);
    // The copy's own vendored files (not the link to the project's), tampered.
    const vendor = path.join(project, "vendor");
    await rm(vendor);
    await cp(path.join(ROOT, "vendor"), vendor, { recursive: true });
    await tamper(path.join(vendor, "decap-cms"));
    const content = await makeContent(root);
    const output = path.join(root, "_site");
    const result = await run(project, "src/cli/build.ts", ["--input", content, "--output", output]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /The vendored Decap CMS does not match its manifest/);
    assert.match(result.stderr, /decap-cms\.js is not the file decap-cms@\d+\.\d+\.\d+ published/);
    assert.equal(await exists(output), false);
  });

  it("is refreshed only to an exact release: `npm run vendor:decap` changes nothing for a range", async () => {
    const before = await readFile(path.join(DECAP_VENDOR_DIR, "manifest.json"), "utf8");
    for (const args of [[], ["^3.16.0"], ["latest"]]) {
      const result = await run(ROOT, "src/cli/vendor-decap.ts", args);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^Usage: npm run vendor:decap -- <version>, an exact release/);
    }
    assert.equal(await readFile(path.join(DECAP_VENDOR_DIR, "manifest.json"), "utf8"), before);
  });
});
