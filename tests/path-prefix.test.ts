import assert from "node:assert/strict";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { buildFixture, markdownFile, readPage, storiesByDay } from "./helpers/fixture-site.ts";
import { parseHeadersFile } from "./helpers/hosts.ts";

const PREFIX = "/ri/";
const ORIGIN = "https://nhs-example.github.io";

/**
 * A site built for a folder (a GitHub Pages project site) must work when served there:
 * every root-relative and same-site absolute URL in every file starts with the prefix
 * and names a file that exists once the prefix is taken off.
 */
describe("a build under a path prefix", () => {
  let site: Awaited<ReturnType<typeof buildFixture>>;
  before(async () => {
    const stories = storiesByDay(12).map((story, index) => (index % 2 ? { ...story, tags: ["events"] } : story));
    stories.push({
      slug: "with-links",
      title: "With links",
      summary: "Links in markdown.",
      date: "2024-12-31",
      body: "Read the [news](/news/), our [services](/services/#top) and [a topic](/news/topics/events/).",
    });
    site = await buildFixture(
      {
        stories,
        files: {
          "pages/about-us.md": markdownFile({ title: "About us", summary: "About." }, "See [the home page](/)."),
          // The footer links to it on every page.
          "pages/accessibility-statement.md": markdownFile({ title: "Accessibility statement", summary: "Accessibility." }, "Text."),
        },
      },
      { RI_PATH_PREFIX: PREFIX, RI_SITE_URL: ORIGIN },
    );
  });
  after(() => site.cleanup());

  /** The output file a URL path under the prefix is served from, or a reason it cannot be. */
  async function served(url: string, from: string): Promise<string | undefined> {
    const pathname = decodeURI(new URL(url, `${ORIGIN}${from}`).pathname);
    if (!pathname.startsWith(PREFIX)) return `${url} (in ${from}) is outside ${PREFIX}`;
    const file = path.join(site.output, pathname.slice(PREFIX.length));
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return undefined;
    if (info?.isDirectory() && pathname.endsWith("/") && (await stat(path.join(file, "index.html")).catch(() => null))) return undefined;
    return `${url} (in ${from}) names no file`;
  }

  /** Collects a problem for every site URL that is not under the prefix or not built. */
  async function checkAll(urls: Array<string | null | undefined>, from: string, problems: string[]) {
    for (const url of urls) {
      if (!url || url.startsWith("#") || url.startsWith("data:")) continue;
      const sameSite = url.startsWith("/") ? !url.startsWith("//") : url.startsWith(`${ORIGIN}/`);
      if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith(PREFIX)) {
        problems.push(`${url} (in ${from}) does not start with ${PREFIX}`);
        continue;
      }
      if (!sameSite) continue;
      const problem = await served(url, from);
      if (problem) problems.push(problem);
    }
  }

  async function outputFiles(extension: string): Promise<string[]> {
    const files = await readdir(site.output, { recursive: true });
    return files.filter((file) => file.endsWith(extension)).map((file) => file.split(path.sep).join("/"));
  }

  it("links every page's links, assets, icons, forms and metadata under the prefix", async () => {
    const problems: string[] = [];
    const pages = await outputFiles(".html");
    assert.ok(pages.length > 10);
    for (const file of pages) {
      const from = `${PREFIX}${file.replace(/index\.html$/, "")}`;
      const html = await readFile(path.join(site.output, file), "utf8");
      const { document } = parseHTML(html);
      const urls = [
        ...[...document.querySelectorAll("[href]")].map((el) => el.getAttribute("href")),
        ...[...document.querySelectorAll("[src]")].map((el) => el.getAttribute("src")),
        ...[...document.querySelectorAll("form[action]")].map((el) => el.getAttribute("action")),
        ...[...document.querySelectorAll("[srcset]")].flatMap((el) => (el.getAttribute("srcset") ?? "").split(",").map((s) => s.trim().split(/\s+/)[0])),
        ...[...document.querySelectorAll("meta[property^='og:']")].map((el) => el.getAttribute("content")).filter((c) => c?.startsWith("http")),
      ];
      for (const script of document.querySelectorAll("script[type='application/ld+json']")) {
        const data = JSON.parse(script.textContent ?? "") as { url: string; image?: string[] };
        urls.push(data.url, ...(data.image ?? []));
      }
      await checkAll(urls, from, problems);
    }
    assert.deepEqual(problems, []);
  });

  it("prefixes links written in markdown", async () => {
    const doc = await readPage(site.output, "/news/2024/with-links/");
    const links = [...doc.querySelectorAll("main .ri-content a, main a")].map((a) => a.getAttribute("href"));
    assert.ok(links.includes("/ri/news/"));
    assert.ok(links.includes("/ri/services/#top"));
    assert.ok(links.includes("/ri/news/topics/events/"));
    assert.equal(doc.querySelector("link[rel=canonical]")?.getAttribute("href"), `${ORIGIN}/ri/news/2024/with-links/`);
  });

  it("points the stylesheet's nhsuk-frontend icons at the prefixed images", async () => {
    const problems: string[] = [];
    const sheets = await outputFiles(".css");
    assert.equal(sheets.length, 1);
    for (const file of sheets) {
      const css = await readFile(path.join(site.output, file), "utf8");
      const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2]);
      assert.ok(
        urls.some((url) => url?.startsWith(`${PREFIX}assets/images/`)),
        "the icons are referenced",
      );
      await checkAll(urls, `${PREFIX}${file}`, problems);
      assert.doesNotMatch(css, /sourceMappingURL/, "no reference to an unpublished source map");
    }
    assert.deepEqual(problems, []);
  });

  it("writes feeds and the sitemap with absolute URLs under the prefix", async () => {
    const problems: string[] = [];
    for (const file of await outputFiles(".xml")) {
      const xml = await readFile(path.join(site.output, file), "utf8");
      const urls = [...xml.matchAll(/(?:href="|<loc>|<id>|<icon>)([^"<]+)/g)].map((match) => match[1]?.replaceAll("&amp;", "&"));
      assert.ok(urls.length > 0, file);
      await checkAll(urls, `${PREFIX}${file}`, problems);
      for (const url of urls) if (!url?.startsWith(`${ORIGIN}${PREFIX}`)) problems.push(`${url} in ${file} is not absolute under the prefix`);
    }
    assert.deepEqual(problems, []);
  });

  it("keeps the web manifest's icons beside it", async () => {
    const manifest = JSON.parse(await readFile(path.join(site.output, "assets", "manifest.json"), "utf8")) as { icons: Array<{ src: string }> };
    const problems: string[] = [];
    await checkAll(
      manifest.icons.map((icon) => new URL(icon.src, `${ORIGIN}${PREFIX}assets/manifest.json`).href),
      `${PREFIX}assets/manifest.json`,
      problems,
    );
    assert.deepEqual(problems, []);
  });

  it("tells crawlers and hosts the prefixed paths", async () => {
    const robots = await readFile(path.join(site.output, "robots.txt"), "utf8");
    assert.match(robots, /^Disallow: \/ri\/admin\/$/m);
    assert.match(robots, /^Sitemap: https:\/\/nhs-example\.github\.io\/ri\/sitemap\.xml$/m);
    for (const block of parseHeadersFile(await readFile(path.join(site.output, "_headers"), "utf8"))) assert.ok(block.path.startsWith(PREFIX), block.path);
    const azure = JSON.parse(await readFile(path.join(site.output, "staticwebapp.config.json"), "utf8")) as {
      routes: Array<{ route: string }>;
      responseOverrides: { "404": { rewrite: string } };
    };
    for (const route of azure.routes) assert.ok(route.route.startsWith(PREFIX), route.route);
    assert.equal(await served(azure.responseOverrides["404"].rewrite, PREFIX), undefined);
  });
});
