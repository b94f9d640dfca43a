import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { after, before, describe, it } from "node:test";
import { checkTitlesAndHeadings, htmlFiles, nuCheck, validateHtml } from "./quality/html.ts";
import { checkInternalLinks } from "./quality/links.ts";
import { type QualitySite, qualitySite } from "./quality/quality-site.ts";

describe("every built page", () => {
  let site: QualitySite | undefined;
  let output: string;
  before(async () => {
    site = await qualitySite();
    ({ output } = site);
  });
  after(() => site?.cleanup());

  it("is valid HTML with no skipped heading levels", async () => {
    assert.ok((await htmlFiles(output)).length >= 25);
    assert.deepEqual(await validateHtml(output), []);
  });

  it("has no errors or unexpected warnings from the W3C Nu HTML Checker", async () => {
    assert.deepEqual(await nuCheck(output), []);
  });

  it("has one h1 and a unique title in the site's form", async () => {
    assert.deepEqual(await checkTitlesAndHeadings(output), []);
  });

  it("has no render-blocking script: every script is a module, deferred, async or data", async () => {
    for (const file of await htmlFiles(output)) {
      const { document } = parseHTML(await readFile(file, "utf8"));
      for (const script of document.querySelectorAll("script")) {
        const type = script.getAttribute("type");
        const ok = type === "module" || type === "application/ld+json" || script.hasAttribute("defer") || script.hasAttribute("async");
        assert.ok(ok, `${path.relative(output, file)}: ${script.outerHTML.slice(0, 100)}`);
      }
    }
  });

  it("links only to files that were built", async () => {
    assert.deepEqual(await checkInternalLinks(output), []);
  });
});
