import assert from "node:assert/strict";
import { readFile, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { formatFileSize } from "../src/media/documents.ts";
import { headersFor } from "../src/publish/http-headers.ts";
import { LAYOUT_IDS } from "../src/markdown/layout-ids.ts";
import { COMPONENT_NAMES } from "../src/markdown/markdown-components.ts";
import { bodyEnv, createMarkdown } from "../src/markdown/markdown.ts";
import { definitionOf } from "../src/content/types.ts";
import { ROOT, TINY_PNG, buildFixture, makeContent, markdownFile, readPage, runCli, snapshot, tempDir } from "./helpers/fixture-site.ts";
import { mediaFixture } from "./helpers/media-fixture.ts";

/**
 * Issue 16: editors' images become responsive pictures, documents are published with
 * their type and size, and the NHS content components render as nhsuk-frontend's
 * reference markup; the check refuses what would break any of them.
 */

describe("content components render as nhsuk-frontend's reference markup", () => {
  const md = createMarkdown();
  it("inset text, warning callout, details, expander and figure", () => {
    const html = md.render(
      "::: inset\nInset.\n:::\n\n::: warning Take care\nWarned.\n:::\n\n::: details More\nHidden.\n:::\n\n::: expander Times\nOpen.\n:::\n\n::: figure A *caption*\n![Alt](/images/x.png)\n:::\n",
    );
    assert.match(html, /<div class="nhsuk-inset-text">\n<span class="nhsuk-u-visually-hidden">Information: <\/span>\n<p>Inset.<\/p>\n<\/div>/);
    assert.match(
      html,
      /<div class="nhsuk-card nhsuk-card--warning">\n<div class="nhsuk-card__content">\n<h2 class="nhsuk-card__heading"><span class="nhsuk-u-visually-hidden">Important: <\/span>Take care<\/h2>\n<p class="nhsuk-card__description">Warned.<\/p>/,
    );
    assert.match(
      html,
      /<details class="nhsuk-details">\n<summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">More<\/span><\/summary>\n<div class="nhsuk-details__text">/,
    );
    assert.match(html, /<details class="nhsuk-details nhsuk-expander">/);
    assert.match(
      html,
      /<figure class="nhsuk-image">\n<img src="\/images\/x.png" alt="Alt"><figcaption class="nhsuk-image__caption">A <em>caption<\/em><\/figcaption>\n<\/figure>/,
    );
  });

  it("a warning's heading level follows the headings before it, and titles are escaped text", () => {
    const html = md.render("## Section\n\n::: warning <script>alert(1)</script>\nText.\n:::\n");
    assert.match(html, /<h3 class="nhsuk-card__heading">/);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;/);
  });

  it("headings get ids, and a service page with three sections gets a contents list", () => {
    const body = "## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.\n";
    const service = md.render(body, bodyEnv(definitionOf("service")));
    assert.match(service, /^<nav class="nhsuk-contents-list" aria-label="Contents">/);
    assert.match(service, /<a class="nhsuk-contents-list__link" href="#two">Two<\/a>/);
    assert.match(service, /<h2 id="two">Two<\/h2>/);
    assert.doesNotMatch(md.render(body, {}), /nhsuk-contents-list/, "only service pages");
    assert.doesNotMatch(md.render("## One\n\n## Two\n", bodyEnv(definitionOf("service"))), /nhsuk-contents-list/, "only long ones");
    assert.match(md.render("## Main content\n\n## maincontent\n"), /id="maincontent-section"/, "never the skip link's target");
    assert.match(md.render("## Toggle menu\n"), /<h2 id="toggle-menu-section">/, "never the header's menu button");
    assert.match(md.render("### Search\n"), /<h3 id="search-section">/, "never the header's search form");
  });

  it("every fixed id a layout writes is one a body heading never takes", async () => {
    const layouts = path.join(ROOT, "layouts");
    const files = (await readdir(layouts, { recursive: true })).filter((name) => name.endsWith(".tsx"));
    const ids = new Set<string>();
    for (const name of files) for (const match of (await readFile(path.join(layouts, name), "utf8")).matchAll(/\bid="([^"]+)"/g)) ids.add(match[1] ?? "");
    assert.ok(ids.has("maincontent") && ids.has("toggle-menu"), [...ids].join(", "));
    assert.deepEqual(
      [...ids].filter((id) => !LAYOUT_IDS.has(id)),
      [],
      "add these to src/markdown/layout-ids.ts",
    );
  });

  it("file sizes are written the NHS way", () => {
    assert.equal(formatFileSize(250_880), "245 KB");
    assert.equal(formatFileSize(12), "1 KB");
    assert.equal(formatFileSize(1_258_291), "1.2 MB");
    assert.equal(formatFileSize(15 * 1024 * 1024), "15 MB");
  });

  it("documents are served as downloads that can never act as a page", () => {
    const headers = headersFor("/documents/annual-report.pdf");
    assert.equal(headers["Content-Disposition"], "attachment");
    assert.equal(headers["X-Content-Type-Options"], "nosniff");
    assert.match(headers["Content-Security-Policy"] ?? "", /sandbox/);
    assert.equal(headersFor("/images/_sized/a-0123456789-320.avif")["Cache-Control"], "public, max-age=31536000, immutable");
  });
});

describe("the check", () => {
  let root: string;
  before(async () => {
    root = await tempDir("media-check");
  });
  after(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it("names unknown components with the known ones, broken document links, and unreadable or huge images", async () => {
    const body = [
      "::: callout",
      "Text.",
      ":::",
      "",
      "::: details",
      "No summary.",
      ":::",
      "",
      "::: figure Caption",
      "Words, not an image.",
      ":::",
      "",
      "[Report](/documents/anual-report.pdf) and [gone](/documents/missing.docx).",
      "",
      "![Broken](/images/broken.png)",
      "",
      ":::",
    ].join("\n");
    const huge = await sharp({ create: { width: 6400, height: 40, channels: 3, background: "#005eb8" } })
      .png()
      .toBuffer();
    const content = await makeContent(root, {
      stories: [{ slug: "bad", title: "Bad", date: "2024-05-01", summary: "A story with broken parts.", body }],
      files: {
        // A PNG's signature and nothing else: the allow-list passes it, sharp cannot read it.
        "images/broken.png": TINY_PNG.subarray(0, 16),
        "images/huge.png": huge,
        "documents/annual-report.pdf": "%PDF-1.4\n%%EOF\n",
      },
    });
    const result = await runCli("check", [content]);
    assert.equal(result.code, 1, result.stdout);
    const lines = result.stderr.split("\n");
    const find = (pattern: RegExp) => lines.find((line) => pattern.test(line)) ?? assert.fail(`no line matches ${pattern}:\n${result.stderr}`);
    assert.match(find(/"::: callout" is not a component/), new RegExp(COMPONENT_NAMES.map((name) => `"${name}"`).join(", ")));
    assert.match(find(/bad\.md:\d+: component: ":::" closes no component/), /start one with/);
    find(/"::: details" needs its summary/);
    find(/"::: figure" must hold one image and nothing else/);
    assert.match(find(/anual-report\.pdf/), /is not a document on this site \(did you mean "\/documents\/annual-report\.pdf"\?\)/);
    find(/missing\.docx" is not a document on this site/);
    assert.match(find(/images\/broken\.png: could not be read as an image/), /export it again/);
    assert.match(find(/images\/huge\.png: is very large \(\d+ KB, 6400 × 40 pixels\)/), /^warning: .*resize it/);
    assert.ok(!lines.some((line) => /image: "\/images\/broken\.png"/.test(line)), "an unreadable image is reported once");
  });
});

describe("a story with a lead image, body images, documents and every component", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  let cache: string;
  let first: number;
  before(async () => {
    cache = await tempDir("image-cache");
    const started = performance.now();
    site = await buildFixture(await mediaFixture(), { RI_IMAGE_CACHE: cache });
    first = performance.now() - started;
  });
  after(async () => {
    await site.cleanup();
    await rm(cache, { recursive: true, force: true, maxRetries: 10 });
  });

  it("shows the lead image as the NHS image component with its caption, at sizes with width and height", async () => {
    const page = await readPage(site.output, "/news/2024/everything/");
    const figure = page.querySelector("article figure.nhsuk-image");
    assert.ok(figure);
    const img = figure.querySelector("picture img.nhsuk-image__img");
    assert.equal(img?.getAttribute("alt"), "A blue picture with a yellow circle and a green box");
    assert.equal(img?.getAttribute("width"), "1280");
    assert.equal(img?.getAttribute("height"), "800");
    assert.equal(img?.getAttribute("loading"), null, "the lead image is not lazy");
    assert.deepEqual(
      [...figure.querySelectorAll("source")].map((source) => source.getAttribute("type")),
      ["image/avif", "image/webp"],
    );
    assert.match(figure.querySelector("source")?.getAttribute("srcset") ?? "", /-320\.avif 320w, .*-1280\.avif 1280w$/);
    assert.equal(figure.querySelector("figcaption.nhsuk-image__caption")?.textContent, "The lead picture's caption");
    for (const source of [img?.getAttribute("src"), ...[...figure.querySelectorAll("source")].flatMap((s) => (s.getAttribute("srcset") ?? "").split(", "))]) {
      const file = (source ?? "").split(" ")[0] ?? "";
      assert.ok((await stat(path.join(site.output, file))).isFile(), `${file} is published`);
    }
  });

  it("body images are lazy pictures; the figure's image carries the NHS class; a transparent image falls back to PNG", async () => {
    const page = await readPage(site.output, "/news/2024/everything/");
    const body = [...page.querySelectorAll(".ri-content img")];
    assert.equal(body.length, 2);
    assert.ok(body.every((img) => img.getAttribute("loading") === "lazy" && img.getAttribute("width") && img.getAttribute("height")));
    const chart = page.querySelector(".ri-content figure.nhsuk-image img.nhsuk-image__img");
    assert.match(chart?.getAttribute("src") ?? "", /\/images\/_sized\/chart-[0-9a-f]{10}-800\.png$/);
    assert.equal(page.querySelector(".ri-content figure figcaption")?.textContent, "Results of the 2024 survey, by site");
  });

  it("the sharing image is a 1200 × 630 crop", async () => {
    const page = await readPage(site.output, "/news/2024/everything/");
    const url = page.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    assert.match(url, /\/images\/_sized\/photo-[0-9a-f]{10}-1200x630\.jpg$/);
    assert.equal(page.querySelector('meta[property="og:image:width"]')?.getAttribute("content"), "1200");
    const metadata = await sharp(path.join(site.output, new URL(url).pathname)).metadata();
    assert.deepEqual([metadata.width, metadata.height, metadata.format], [1200, 630, "jpeg"]);
  });

  it("news cards show the lead image", async () => {
    const page = await readPage(site.output, "/news/");
    const cards = [...page.querySelectorAll(".nhsuk-card")];
    assert.equal(cards.length, 2);
    assert.ok(cards.every((card) => card.querySelector("img.nhsuk-card__img")));
    assert.equal(cards[0]?.querySelector("img")?.getAttribute("loading"), null, "the first card's image is not lazy");
    assert.equal(cards[1]?.querySelector("img")?.getAttribute("loading"), "lazy");
  });

  it("document links say the type and size inside the link, and the documents are published as they are", async () => {
    const page = await readPage(site.output, "/news/2024/everything/");
    const links = [...page.querySelectorAll('.ri-content a[href^="/documents/"]')].map((link) => link.textContent);
    assert.deepEqual(links, ["annual report (PDF, 244 KB)", "survey data (CSV, 1 KB)"]);
    assert.equal((await readFile(path.join(site.output, "documents", "results.csv"), "utf8")).split("\n")[0], "site,count");
  });

  it("renders every component, and the long service page's contents list", async () => {
    const page = await readPage(site.output, "/news/2024/everything/");
    for (const selector of [
      ".nhsuk-inset-text",
      ".nhsuk-card--warning",
      "details.nhsuk-details:not(.nhsuk-expander)",
      "details.nhsuk-expander",
      "figure.nhsuk-image",
    ]) {
      assert.ok(page.querySelector(`.ri-content ${selector}`), selector);
    }
    const service = await readPage(site.output, "/services/long-service/");
    const links = [...service.querySelectorAll("nav.nhsuk-contents-list a")].map((link) => link.getAttribute("href"));
    assert.deepEqual(links, ["#who-can-use-it", "#what-happens", "#how-to-contact-us"]);
  });

  it("a second build reuses the image cache and is byte-identical", async () => {
    const before = await snapshot(site.output);
    const cached = await readdir(cache, { recursive: true });
    const times = new Map(await Promise.all(cached.map(async (file) => [file, (await stat(path.join(cache, file))).mtimeMs] as const)));
    const started = performance.now();
    const again = await runCli("build", ["--input", site.content, "--output", site.output], { RI_IMAGE_CACHE: cache });
    const second = performance.now() - started;
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(await snapshot(site.output), before);
    for (const [file, time] of times) assert.equal((await stat(path.join(cache, file))).mtimeMs, time, `${file} was made again`);
    console.log(`# first build with images ${Math.round(first)} ms, second (cache reused) ${Math.round(second)} ms`);
  });
});

describe("a document link in a page that is not a story", () => {
  it("also shows the type and size", async () => {
    const site = await buildFixture({
      files: {
        "documents/leaflet.pdf": Buffer.from(`%PDF-1.4\n${" ".repeat(2048)}`),
        "pages/leaflets.md": markdownFile({ title: "Leaflets", summary: "Our leaflets." }, "Read [the leaflet](/documents/leaflet.pdf)."),
      },
    });
    try {
      const page = await readPage(site.output, "/leaflets/");
      assert.equal(page.querySelector('.ri-content a[href="/documents/leaflet.pdf"]')?.textContent, "the leaflet (PDF, 2 KB)");
    } finally {
      await site.cleanup();
    }
  });
});
