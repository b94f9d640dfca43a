import assert from "node:assert/strict";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, exists, readPage, runCli, tempDir } from "./helpers/fixture-site.ts";

/** The real content, built as CI builds it. */
describe("the R&I site", () => {
  let root: string;
  let output: string;
  before(async () => {
    root = await tempDir("site");
    output = path.join(root, "_site");
    const result = await runCli("build", ["--output", output]);
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it("has every page of the design's URL table", async () => {
    const urls = [
      "/index.html",
      "/news/index.html",
      "/news/2024/index.html",
      "/news/2024/nihr-commercial-research-delivery-centre/index.html",
      "/news/2024/windows-of-opportunity-innovations-in-care/index.html",
      "/news/2024/lancet-commission-on-self-harm/index.html",
      "/news/topics/clinical-trials/index.html",
      "/services/index.html",
      "/services/taking-part-in-research/index.html",
      "/services/research-governance-and-approvals/index.html",
      "/services/support-for-researchers/index.html",
      "/services/research-training/index.html",
      "/accessibility-statement/index.html",
      "/search/index.html",
      "/404.html",
      "/news/feed.xml",
      "/news/topics/clinical-trials/feed.xml",
      "/sitemap.xml",
      "/robots.txt",
      "/assets/images/favicon.svg",
    ];
    for (const url of urls) assert.ok(await exists(path.join(output, url)), url);
    // The stylesheet and scripts carry a content hash in their names.
    const home = await readPage(output, "/");
    const assets = [
      home.querySelector("link[rel=stylesheet]")?.getAttribute("href"),
      ...[...home.querySelectorAll("script[src]")].map((script) => script.getAttribute("src")),
    ];
    assert.equal(assets.length, 2, "one stylesheet and one script");
    for (const asset of assets) {
      assert.match(asset ?? "", /^\/assets\/(css\/nhsuk-frontend|js\/main)\.[0-9a-f]{10}\.(css|js)$/);
      assert.ok(await exists(path.join(output, asset ?? "-")), asset ?? "");
    }
  });

  it("is searchable: the build indexes stories, services and pages, and nothing else", async () => {
    const entry = JSON.parse(await readFile(path.join(output, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    // The home page, the accessibility statement, three stories and four service pages.
    assert.equal(entry.languages.en?.page_count, 9);
    assert.ok(await exists(path.join(output, "pagefind", "pagefind.js")));
    for (const url of ["/news/", "/news/2024/", "/news/topics/events/", "/services/", "/search/", "/404.html"]) {
      const doc = await readPage(output, url);
      assert.equal(doc.querySelector("[data-pagefind-body]"), null, url);
    }
  });

  it("lists the three seed stories newest first with the Trust's date style", async () => {
    const doc = await readPage(output, "/news/");
    const dates = [...doc.querySelectorAll("main .nhsuk-card time")].map((t) => [t.getAttribute("datetime"), t.textContent]);
    assert.deepEqual(dates, [
      ["2024-12-12", "12th December 2024"],
      ["2024-11-18", "18th November 2024"],
      ["2024-10-10", "10th October 2024"],
    ]);
  });

  it("shows the seed introduction verbatim on the home page, with the latest news", async () => {
    const seed = await readFile(path.join(ROOT, "..", "shared", "seed", "ri-home-page.txt"), "utf8").catch(() => null);
    const doc = await readPage(output, "/");
    const paragraphs = [...doc.querySelectorAll("main .ri-content p")].map((p) => p.textContent);
    assert.equal(paragraphs.length, 4);
    assert.match(paragraphs[2] ?? "", /led by Ruth Lambley-Burke/);
    if (seed) for (const paragraph of paragraphs) assert.ok(seed.includes(paragraph ?? "-"), paragraph ?? "");
    assert.equal(doc.querySelectorAll("main .nhsuk-card time").length, 3);
  });

  it("uses the organisational header, skip link and footer accessibility link on every page type", async () => {
    for (const url of ["/", "/news/", "/news/2024/lancet-commission-on-self-harm/", "/services/", "/accessibility-statement/", "/404.html"]) {
      const doc = await readPage(output, url);
      assert.equal(doc.querySelector("a.nhsuk-skip-link")?.getAttribute("href"), "#maincontent", url);
      assert.ok(doc.querySelector("main#maincontent"), url);
      assert.match(doc.querySelector(".nhsuk-header--organisation")?.textContent ?? "", /Midlands Partnership University.*NHS Foundation Trust.*Research and Innovation/s);
      assert.equal(doc.querySelector("footer a[href='/accessibility-statement/']")?.textContent?.trim(), "Accessibility statement");
      assert.equal(doc.querySelectorAll("h1").length, 1, url);
    }
  });
});

describe("the R&I site in the NHS date style", () => {
  let root: string;
  before(async () => {
    root = await tempDir("site-nhs");
    await cp(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
    const siteFile = path.join(root, "content", "_data", "site.json");
    const site = JSON.parse(await readFile(siteFile, "utf8")) as Record<string, unknown>;
    await writeFile(siteFile, JSON.stringify({ ...site, dateStyle: "nhs" }));
    const result = await runCli("build", ["--input", path.join(root, "content"), "--output", path.join(root, "_site")]);
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it("writes 12 December 2024", async () => {
    const doc = await readPage(path.join(root, "_site"), "/news/");
    const dates = [...doc.querySelectorAll("main .nhsuk-card time")].map((t) => t.textContent);
    assert.deepEqual(dates, ["12 December 2024", "18 November 2024", "10 October 2024"]);
  });
});
