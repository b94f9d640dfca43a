import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { DOMParser, onWarningStopParsing } from "@xmldom/xmldom";
import ICAL from "ical.js";
import { parseHTML } from "linkedom";
import { axeOn } from "./axe.ts";
import { watchPage } from "./browser.ts";
import { launchBrowser } from "../../src/bench/chromium.ts";
import { htmlFiles, validateHtml } from "./html.ts";
import { checkInternalLinks } from "./links.ts";
import { serveSite } from "../../src/bench/static-host.ts";

/**
 * The content gate's checks of a built site: what must hold whatever the content is, so that
 * an editor's correct change passes them on any day and a broken page never reaches the
 * live site. They read only the built folder, never the content, and assume nothing about
 * which stories, events or studies exist. The generator's own suite checks the rest.
 */
export interface SiteProblem {
  /** The built file, relative to the site's folder. */
  file: string;
  message: string;
}

/** The files every build writes, whatever the content. */
const ALWAYS_BUILT = ["index.html", "404.html", "search/index.html", "news/index.html", "news/feed.xml", "sitemap.xml", "robots.txt"];

/** The search index's files: the entry that lists the index and the script the search page loads. */
const SEARCH_INDEX = ["pagefind/pagefind-entry.json", "pagefind/pagefind.js"];

const exists = (file: string) =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

async function filesEndingIn(dir: string, ending: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A strict XML parse: any warning or error is the message, undefined when the file is well formed. */
function xmlProblem(text: string): { root?: Element; error?: string } {
  try {
    const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, "application/xml");
    return doc.documentElement ? { root: doc.documentElement as unknown as Element } : { error: "has no root element" };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
}

/** The home page, feeds, sitemap, robots.txt and search index are there, and the machine-read files parse. */
export async function checkSiteFiles(dir: string): Promise<SiteProblem[]> {
  const problems: SiteProblem[] = [];
  for (const file of [...ALWAYS_BUILT, ...SEARCH_INDEX]) {
    if (!(await exists(path.join(dir, file)))) problems.push({ file, message: "was not built" });
  }
  const entry = await readFile(path.join(dir, SEARCH_INDEX[0] ?? ""), "utf8").catch(() => "");
  if (entry) {
    const pages = Object.values((JSON.parse(entry) as { languages?: Record<string, { page_count?: number }> }).languages ?? {}).reduce(
      (sum, language) => sum + (language.page_count ?? 0),
      0,
    );
    if (pages === 0) problems.push({ file: SEARCH_INDEX[0] ?? "", message: "the search index has no pages" });
  }
  for (const file of await filesEndingIn(dir, ".xml")) {
    const { root, error } = xmlProblem(await readFile(path.join(dir, file), "utf8"));
    if (error) {
      problems.push({ file, message: `is not well-formed XML: ${error}` });
      continue;
    }
    if (file === "sitemap.xml") {
      for (const loc of Array.from(root?.getElementsByTagName("loc") ?? [])) {
        const url = new URL(loc.textContent ?? "", "https://site.invalid/");
        const page = decodeURIComponent(url.pathname).replace(/^\//, "");
        if (!(await exists(path.join(dir, page.endsWith("/") || page === "" ? `${page}index.html` : page)))) {
          problems.push({ file, message: `lists ${url.pathname}, which was not built` });
        }
      }
    } else if (root?.localName !== "feed") problems.push({ file, message: `is not an Atom feed (its root is <${root?.localName}>)` });
  }
  for (const file of await filesEndingIn(dir, ".ics")) {
    try {
      const calendar = ICAL.Component.fromString(await readFile(path.join(dir, file), "utf8"));
      if (calendar.name !== "vcalendar") problems.push({ file, message: "is not a calendar" });
    } catch (error) {
      problems.push({ file, message: `is not a valid calendar file: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return problems;
}

/** Every page has a title and exactly one h1, and html-validate's recommended rules (tests/quality/html.ts) find nothing. */
export async function checkPages(dir: string): Promise<SiteProblem[]> {
  const problems: SiteProblem[] = (await validateHtml(dir)).map(({ file, message }) => ({ file, message: `HTML: ${message}` }));
  for (const file of await htmlFiles(dir)) {
    const relative = path.relative(dir, file);
    const { document } = parseHTML(await readFile(file, "utf8"));
    if (!document.querySelector("title")?.textContent?.trim()) problems.push({ file: relative, message: "has no title" });
    const h1s = document.querySelectorAll("h1").length;
    if (h1s !== 1) problems.push({ file: relative, message: `has ${h1s} h1 elements; a page needs exactly one` });
  }
  return problems;
}

/** Every internal link and asset resolves to a built file (linkinator, from the home and 404 pages). */
export async function checkLinks(dir: string): Promise<SiteProblem[]> {
  return (await checkInternalLinks(dir)).map((link) => ({
    file: link.parent ? new URL(link.parent).pathname : "",
    message: `links to ${new URL(link.url).pathname}, which ${link.status ? `answers ${link.status}` : "does not answer"}`,
  }));
}

/** Which kind of page a built page is, by the design's URL table, to sample one of each. */
export function pageKind(page: string): string {
  const url = `/${page.replace(/index\.html$/, "")}`;
  const rules: Array<[RegExp, string]> = [
    [/^\/$/, "home"],
    [/^\/404\.html$/, "404"],
    [/^\/search\/$/, "search"],
    [/^\/news\/$/, "news listing"],
    [/^\/news\/page\/\d+\/$/, "news listing page"],
    [/^\/news\/\d{4}\/$/, "year archive"],
    [/^\/news\/topics\/[^/]+\/$/, "topic"],
    [/^\/news\/\d{4}\/[^/]+\/$/, "story"],
    [/^\/events\/$/, "events listing"],
    [/^\/events\/\d{4}\/[^/]+\/$/, "event"],
    [/^\/events\//, "events page"],
    [/^\/services\/$/, "services index"],
    [/^\/services\/[^/]+\/$/, "service"],
    [/^\/studies\/$/, "studies register"],
    [/^\/studies\/conditions\/[^/]+\/$/, "studies by condition"],
    [/^\/studies\/[^/]+\/$/, "study"],
    [/^\/publications\/$/, "publications"],
    [/^\/publications\/[^/]+\/$/, "publication"],
    [/^\/[^/]+\/$/, "page"],
  ];
  return rules.find(([pattern]) => pattern.test(url))?.[1] ?? "other";
}

/**
 * axe (WCAG 2.2 A and AA and best practice) on one page of each kind the site has, in
 * Chromium, served with the site's own headers (the strict CSP among them): no violations,
 * console errors, failed requests or CSP violations.
 */
export async function checkAccessibility(dir: string): Promise<SiteProblem[]> {
  const sample = new Map<string, string>();
  for (const file of await htmlFiles(dir)) {
    const page = path.relative(dir, file).split(path.sep).join("/");
    const kind = pageKind(page);
    if (!sample.has(kind)) sample.set(kind, page);
  }
  const problems: SiteProblem[] = [];
  const server = await serveSite(dir);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    for (const page of sample.values()) {
      // axe needs a page in a context of its own.
      const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      const seen = await watchPage(tab);
      const url = page.replace(/index\.html$/, "");
      const response = await tab.goto(server.url + url, { waitUntil: "load" });
      if (response?.status() !== 200) problems.push({ file: page, message: `answers ${response?.status() ?? "nothing"}` });
      const results = await axeOn(tab).analyze();
      for (const violation of results.violations) {
        problems.push({
          file: page,
          message: `accessibility: ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
        });
      }
      for (const [what, list] of Object.entries(seen)) for (const item of list as string[]) problems.push({ file: page, message: `${what}: ${item}` });
      await tab.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return problems;
}
