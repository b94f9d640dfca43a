import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { linkProblem, linkProblems } from "./body-checks.ts";
import { inventoryContent } from "./content-files.ts";
import { type FileCheckSettings, type FileReport, examineFile } from "./check-file.ts";
import { CONTENT_TYPES, type ContentLocation, RESERVED_URLS, definitionOf } from "../content/types.ts";
import { formatDate, londonToday } from "../content/dates.ts";
import { locateFrontMatterProblems } from "./front-matter-problems.ts";
import type { ParsedFile } from "../content/definition.ts";
import { forgetFilesExcept } from "./frontmatter.ts";
import { documentFormulaProblems } from "./csv-formulas.ts";
import { jsonSyntaxProblem } from "./json-problem.ts";
import { type Problem, displayPath, sortProblems } from "../content/problems.ts";
import { schemaProblems } from "./schema-problems.ts";
import { controlCharacterProblems } from "./text-fields.ts";
import { type Site, type Topic, siteSchema, topicsSchema } from "../content/schema/site.ts";
import { CONTACT_URL, IMAGES_URL, siteUrls } from "../content/site-urls.ts";
import { EMPTY_CATALOG, type MediaCatalog, readMedia, rememberMedia } from "../media/catalog.ts";

export { schemaProblems, yamlProblem } from "./schema-problems.ts";

export interface CheckOptions {
  /** Builds for editors' preview keep drafts and embargoed stories. */
  preview?: boolean;
  /** The build day; embargoed stories are those dated after it. */
  today?: Date;
  /** Warnings (such as a service page past its review date) count as errors. */
  strict?: boolean;
  /**
   * The build's path prefix: each published body is then parsed once, by the build's own
   * renderer (`siteMarkdown`), for the check and for the page, and its HTML is kept for
   * the build (`renderBody`).
   */
  renderPrefix?: string;
  /**
   * Set only by the preview, whose file watcher names every file saved since its last
   * check: any other file this process has read is taken as it read it, instead of
   * reading five thousand files to find the one that changed. Every file is still listed,
   * and the site-wide checks still see every file. Absolute paths, as the inventory lists.
   */
  changedFiles?: ReadonlySet<string>;
}

export interface CheckedFile {
  file: string;
  location: ContentLocation;
  data: Record<string, unknown>;
  /** Why a valid file is left out of this build, if it is. */
  heldBack?: "draft" | "embargo";
}

export interface CheckResult {
  problems: Problem[];
  files: CheckedFile[];
  /** Editors' images that passed the allow-list (relative to content/images/): the only ones published. */
  images: string[];
  /** Editors' documents that passed the allow-list (relative to content/documents/): the only ones published. */
  documents: string[];
  /** What the check read of each image and document: sizes, types, and so the names of resized copies. */
  media: MediaCatalog;
  /** Things worth telling the editor that are not problems: drafts and embargoes left out. */
  notices: string[];
  site?: Site;
  topics?: Topic[];
}

async function readJson<T>(file: string, schema: z.ZodType<T>, problems: Problem[]): Promise<T | undefined> {
  const shown = displayPath(file);
  let text: string;
  let raw: unknown;
  try {
    text = await readFile(file, "utf8");
  } catch {
    problems.push({ file: shown, message: "is missing", severity: "error" });
    return undefined;
  }
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.push(jsonSyntaxProblem(shown, text, error));
    return undefined;
  }
  const found = schemaProblems(shown, schema, raw);
  if (raw !== null && typeof raw === "object") found.push(...controlCharacterProblems(shown, raw as Record<string, unknown>));
  problems.push(...found);
  return found.length ? undefined : schema.parse(raw);
}

/**
 * Validates every content file and the site data, and reports every problem at once.
 * The build runs this first and stops if any problem is an error.
 */
export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const problems: Problem[] = [];
  const notices: string[] = [];
  if (
    !(await stat(contentDir).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  ) {
    const message = "is not a folder: run the command from the project folder, or give the content folder's path";
    return { problems: [{ file: displayPath(contentDir), message, severity: "error" }], files: [], images: [], documents: [], media: EMPTY_CATALOG, notices };
  }
  // Every entry under content/ first: what the contract does not name is a problem, and
  // only what it names is read below.
  const inventory = inventoryContent(contentDir);
  problems.push(...inventory.problems);
  forgetFilesExcept(contentDir, inventory.markdown);
  // Images and documents are read before any body is rendered: a page shows their sizes.
  const media = await readMedia(contentDir, inventory.images, inventory.documents);
  problems.push(...media.problems);
  problems.push(...documentFormulaProblems(contentDir, inventory.documents, options.strict ?? false));
  rememberMedia(contentDir, media.catalog);
  // An unreadable image is reported once, above; links to it are not reported again.
  const readable = inventory.images.filter((image) => media.catalog.images.has(`${IMAGES_URL}${image}`));
  const site = await readJson(path.join(contentDir, "_data", "site.json"), siteSchema, problems);
  const topics = await readJson(path.join(contentDir, "_data", "topics.json"), topicsSchema, problems);
  const topicSlugs = topics?.map((topic) => topic.slug);
  // Front-matter dates are checked ISO strings, which compare as calendar days.
  const today = londonToday(options.today).toISODate() ?? "";
  const settings: FileCheckSettings = {
    contentDir,
    today,
    preview: options.preview ?? false,
    strict: options.strict ?? false,
    topicSlugs,
    renderPrefix: options.renderPrefix,
  };
  // One file after another, synchronously: ten thousand small files read far faster so
  // than as promises, and a second thread taking half the files saved no time on 2 cores.
  const changed = options.changedFiles;
  const reports = inventory.markdown.map((file) => examineFile(file, settings, changed !== undefined && !changed.has(file)));

  const byUrl = new Map<string, string[]>();
  for (const report of reports) {
    problems.push(...report.problems);
    if (report.location && report.parsed) byUrl.set(report.location.url, [...(byUrl.get(report.location.url) ?? []), report.file]);
    if (report.heldBack === "draft") notices.push(`${report.file}: draft, left out of this build`);
    const dated = report.location ? definitionOf(report.location.type).dated : undefined;
    if (report.heldBack === "embargo" && dated)
      notices.push(`${report.file}: embargoed until ${String(report.parsed?.data[dated.field])}, left out of this build`);
  }
  problems.push(...duplicateUrlProblems(byUrl));
  if (site)
    problems.push(...contactProblems(displayPath(path.join(contentDir, "_data", "site.json")), site, byUrl.get(CONTACT_URL) ?? [], options.strict ?? false));
  problems.push(...siteWideProblems(reports, topicSlugs ?? [], inventory.images, inventory.documents, site));

  const files: CheckedFile[] = reports.flatMap((report): CheckedFile[] => {
    const { file, location, parsed, valid, heldBack } = report;
    if (!location || !parsed || !valid) return [];
    return [heldBack ? { file, location, data: parsed.data, heldBack } : { file, location, data: parsed.data }];
  });
  return {
    problems: sortProblems(locateFrontMatterProblems(problems)),
    files,
    images: readable,
    documents: inventory.documents,
    media: media.catalog,
    notices,
    site,
    topics,
  };
}

/**
 * Two files that would be published at one address: each is named in the other's
 * problem, so the editor sees the pair wherever they look. A page at an address the site
 * makes itself (such as /news/) clashes with that page.
 */
export function duplicateUrlProblems(byUrl: ReadonlyMap<string, string[]>): Problem[] {
  const problems: Problem[] = [];
  for (const [url, files] of byUrl) {
    const reserved = RESERVED_URLS.get(url);
    for (const file of files) {
      const others = files.filter((other) => other !== file);
      if (reserved) {
        problems.push({ file, message: `would have the address ${url}, which is ${reserved}: rename the file`, severity: "error" });
      } else if (others.length) {
        problems.push({ file, message: `would have the same address ${url} as ${others.join(" and ")}: rename one of the files`, severity: "error" });
      }
    }
  }
  return problems;
}

/**
 * Visitors need a way to reach the department: site.json without `contact` is worth a
 * warning on every run (an error with --strict), never a guess. A content/pages/contact.md
 * without details in site.json stays an ordinary page (a site may already keep its contact
 * page in markdown), so the warning then says only what is missing: the footer's details.
 */
export function contactProblems(siteFile: string, site: Site, contactPages: readonly string[], strict: boolean): Problem[] {
  if (site.contact) return [];
  const missing = contactPages.length
    ? `no email or phone in the footer; ${contactPages[0]} is the ${CONTACT_URL} page`
    : `no email or phone in the footer, no ${CONTACT_URL} page`;
  return [
    {
      file: siteFile,
      message: `site.json has no contact details: visitors cannot reach the department (${missing}). Add "contact" with at least "email" to content/_data/site.json, such as "contact": { "email": "research@example.nhs.uk" }`,
      severity: strict ? "error" : "warning",
    },
  ];
}

/** Checks that need every page's address: the links in bodies and the images stories name. */
function siteWideProblems(reports: FileReport[], topicSlugs: string[], images: string[], documents: string[], site: Site | undefined): Problem[] {
  const read = reports.filter((report): report is FileReport & { location: ContentLocation; parsed: ParsedFile } => Boolean(report.location && report.parsed));
  const heldBack = new Map<string, string>();
  for (const entry of read) {
    if (entry.heldBack === "draft") heldBack.set(entry.location.url, "a draft");
    const dated = definitionOf(entry.location.type).dated;
    if (entry.heldBack === "embargo" && dated)
      heldBack.set(entry.location.url, `embargoed until ${formatDate(String(entry.parsed.data[dated.field]), site?.dateStyle)}`);
  }
  const published = read.filter((entry) => !entry.heldBack);
  // Each type's listings, worked out from its valid published items alone (an invalid
  // file's problems are reported on it; its listings would only add noise).
  const listings = CONTENT_TYPES.flatMap((definition) => {
    const own = published.filter((entry) => entry.location.type === definition.name && entry.valid);
    return (
      definition.listings?.urls(
        own.map((entry) => ({ url: entry.location.url, data: entry.parsed.data })),
        { topicSlugs },
      ) ?? []
    );
  });
  const own = site?.contact ? [CONTACT_URL] : [];
  const urls = siteUrls({ pages: published.map((entry) => entry.location.url), listings: [...listings, ...own], images, documents });

  return read.flatMap((entry) => {
    const { data } = entry.parsed;
    const context = {
      file: entry.file,
      url: entry.location.url,
      title: typeof data.title === "string" ? data.title : undefined,
      lineOffset: entry.parsed.bodyLineOffset,
      urls,
      heldBack,
    };
    const found = linkProblems(entry.links, context);
    const image = data.image as { src?: unknown } | undefined;
    const imageProblem = typeof image?.src === "string" ? linkProblem(image.src, context, "image") : undefined;
    if (imageProblem) found.push({ file: entry.file, field: "image.src", message: imageProblem, severity: "error" });
    const definition = definitionOf(entry.location.type);
    if (entry.valid && !entry.heldBack) found.push(...(definition.siteProblems?.(entry.file, data, { urls, heldBack }) ?? []));
    return found;
  });
}
