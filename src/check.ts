import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { type ContentLocation, RESERVED_URLS, locate, schemas } from "./content-types.ts";
import type MarkdownIt from "markdown-it";
import { checkAndRenderBody, checkBody, linkProblem, sameText } from "./body-checks.ts";
import { formatDate, isCalendarDate, londonToday } from "./dates.ts";
import { type ParsedFile, readContentFile } from "./frontmatter.ts";
import { PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY } from "./placeholders.ts";
import { type Problem, displayPath, sortProblems } from "./problems.ts";
import { type Site, type Topic, siteSchema, topicsSchema } from "./schema/site.ts";
import { IMAGES_FOLDER, siteUrls } from "./site-urls.ts";

export interface CheckOptions {
  /** Builds for editors' preview keep drafts and embargoed stories. */
  preview?: boolean;
  /** The build day; embargoed stories are those dated after it. */
  today?: Date;
  /** Warnings (such as a service page past its review date) count as errors. */
  strict?: boolean;
  /**
   * The build's markdown renderer: each story body is then parsed once, by it, for the
   * check and for the page, and its HTML is kept for the build (`renderBody`).
   */
  markdown?: MarkdownIt;
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
  /** Things worth telling the editor that are not problems: drafts and embargoes left out. */
  notices: string[];
  site?: Site;
  topics?: Topic[];
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith("_")))
    .sort();
}

function fieldName(issuePath: PropertyKey[]): string {
  return issuePath.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    "",
  );
}

function allowedFields(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unknownFieldMessage(key: string, allowed: string[]): string {
  const guess = allowed.length ? closest(key, allowed) : undefined;
  if (guess && distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(guess.length / 3))) {
    return `unknown field (did you mean "${guess}"?)`;
  }
  return `unknown field: remove it, or use one of ${allowed.join(", ")}`;
}

/** Turns zod's issues into problems in the design's `file: field: message` form. */
export function schemaProblems(file: string, schema: z.ZodType, data: unknown): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      const prefix = fieldName(issue.path);
      const nested = prefix ? schemaAt(schema, issue.path) : schema;
      return issue.keys.map((key) => ({
        file,
        field: prefix ? `${prefix}.${key}` : key,
        message: unknownFieldMessage(key, allowedFields(nested)),
        severity: "error",
      }));
    }
    return [{ file, field: fieldName(issue.path) || undefined, message: issue.message, severity: "error" }];
  });
}

function schemaAt(schema: z.ZodType, issuePath: PropertyKey[]): z.ZodType {
  let current: z.ZodType = schema;
  for (const key of issuePath) {
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject && typeof key === "string") current = current.shape[key] as z.ZodType;
  }
  while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

/** js-yaml's messages are for programmers; this one says what the editor can do. */
export function yamlProblem(file: string, error: unknown): Problem {
  const mark = (error as { mark?: { line?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String(error);
  // gray-matter hands js-yaml the text from the end of the opening --- line, so its
  // zero-based line 1 is the file's line 2.
  const line = typeof mark?.line === "number" ? mark.line + 1 : undefined;
  return {
    file,
    line,
    field: "front matter",
    message:
      `could not be read (${reason}). ` +
      'If a value contains a colon or starts with a quote or #, put the whole value in double quotes, such as title: "Research: the next step"',
    severity: "error",
  };
}

async function readJson<T>(file: string, schema: z.ZodType<T>, problems: Problem[]): Promise<T | undefined> {
  const shown = displayPath(file);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    problems.push({
      file: shown,
      message: missing ? "is missing" : `is not valid JSON (${(error as Error).message})`,
      severity: "error",
    });
    return undefined;
  }
  const found = schemaProblems(shown, schema, raw);
  problems.push(...found);
  return found.length ? undefined : schema.parse(raw);
}

async function imageFiles(contentDir: string): Promise<string[]> {
  const dir = path.join(contentDir, IMAGES_FOLDER);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** A file that was read and located, kept for the checks that need the whole site. */
interface ReadFile {
  file: string;
  location: ContentLocation;
  data: Record<string, unknown>;
  parsed: ParsedFile;
  bodyLineOffset: number;
  valid: boolean;
  heldBack?: "draft" | "embargo";
}


/**
 * Validates every content file and the site data, and reports every problem at once.
 * The build runs this first and stops if any problem is an error.
 */
export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const problems: Problem[] = [];
  const notices: string[] = [];
  if (!(await stat(contentDir).then((info) => info.isDirectory(), () => false))) {
    const message = "is not a folder: run the command from the project folder, or give the content folder's path";
    return { problems: [{ file: displayPath(contentDir), message, severity: "error" }], files: [], notices };
  }
  const site = await readJson(path.join(contentDir, "_data", "site.json"), siteSchema, problems);
  const topics = await readJson(path.join(contentDir, "_data", "topics.json"), topicsSchema, problems);
  const topicSlugs = new Set(topics?.map((topic) => topic.slug));
  // Front-matter dates are checked ISO strings, which compare as calendar days.
  const today = londonToday(options.today).toISODate() ?? "";
  const byUrl = new Map<string, string[]>();
  const read: ReadFile[] = [];

  for (const absolute of await markdownFiles(contentDir)) {
    const file = displayPath(absolute);
    const relative = path.relative(contentDir, absolute).split(path.sep).join("/");
    const located = locate(relative);
    if (!located.ok) {
      problems.push({ file, message: located.problem, severity: "error" });
      continue;
    }
    const { location } = located;

    let parsed: ParsedFile;
    try {
      // Ten thousand small files read far faster one after another than as promises.
      parsed = readContentFile(absolute);
    } catch (error) {
      problems.push(yamlProblem(file, error));
      continue;
    }
    const { data } = parsed;

    const found = schemaProblems(file, schemas[location.type], data);
    problems.push(...found);
    byUrl.set(location.url, [...(byUrl.get(location.url) ?? []), file]);
    const entry: ReadFile = { file, location, data, parsed, bodyLineOffset: parsed.bodyLineOffset, valid: !found.length };
    read.push(entry);

    if (typeof data.title === "string" && typeof data.summary === "string" && sameText(data.title, data.summary)) {
      problems.push({
        file,
        field: "summary",
        message: "repeats the title: say in one or two plain sentences what the page is about, which listings and search results show under the title",
        severity: "error",
      });
    }

    if (location.type === "service" && entry.valid && typeof data.reviewDue === "string" && data.reviewDue < today) {
      problems.push({
        file,
        field: "reviewDue",
        message: `"${data.reviewDue}" has passed: check the page is still right, then set reviewed to the day you checked it and reviewDue to the next review date`,
        severity: options.strict ? "error" : "warning",
      });
    }

    if (location.type === "news") {
      const date = typeof data.date === "string" && isCalendarDate(data.date) ? data.date : undefined;
      if (date && location.year && date.slice(0, 4) !== location.year) {
        problems.push({
          file,
          field: "date",
          message: `"${date}" is in ${date.slice(0, 4)} but the story is in the ${location.year} folder: move it to content/news/${date.slice(0, 4)}/ or correct the date`,
          severity: "error",
        });
      }
      if (Array.isArray(data.tags) && topics) {
        data.tags.forEach((tag, index) => {
          if (typeof tag === "string" && !topicSlugs.has(tag)) {
            const guess = topicSlugs.size ? closest(tag, [...topicSlugs]) : undefined;
            problems.push({
              file,
              field: `tags[${index}]`,
              message: `"${tag}" is not a topic in content/_data/topics.json${guess ? ` (did you mean "${guess}"?)` : ""}; add it there first or pick an existing topic`,
              severity: "error",
            });
          }
        });
      }
    }

    if (data.draft !== true) {
      if (data.summary === PLACEHOLDER_SUMMARY) {
        problems.push({ file, field: "summary", message: "still has the text the new file started with: write the summary, or keep the page a draft (draft: true) until it is ready", severity: "error" });
      }
      const at = parsed.body.indexOf(PLACEHOLDER_BODY);
      if (at >= 0) {
        const line = parsed.bodyLineOffset + parsed.body.slice(0, at).split("\n").length;
        problems.push({ file, line, field: "body", message: `still has "${PLACEHOLDER_BODY}": write the text, or keep the page a draft (draft: true) until it is ready`, severity: "error" });
      }
    }

    if (entry.valid && !options.preview) {
      const date = location.type === "news" ? String(data.date) : undefined;
      if (data.draft === true) {
        entry.heldBack = "draft";
        notices.push(`${file}: draft, left out of this build`);
      } else if (date && date > today) {
        entry.heldBack = "embargo";
        notices.push(`${file}: embargoed until ${date}, left out of this build`);
      }
    }
  }

  problems.push(...duplicateUrlProblems(byUrl));

  problems.push(...siteWideProblems(read, [...topicSlugs], await imageFiles(contentDir), site, options.markdown));

  const files: CheckedFile[] = read
    .filter((entry) => entry.valid)
    .map(({ file, location, data, heldBack }) => (heldBack ? { file, location, data, heldBack } : { file, location, data }));
  return { problems: sortProblems(problems), files, notices, site, topics };
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

/** Checks that need every page's address: links, images, and the body's headings. */
function siteWideProblems(read: ReadFile[], topicSlugs: string[], images: string[], site: Site | undefined, markdown?: MarkdownIt): Problem[] {
  const heldBack = new Map<string, string>();
  for (const entry of read) {
    if (entry.heldBack === "draft") heldBack.set(entry.location.url, "a draft");
    if (entry.heldBack === "embargo") heldBack.set(entry.location.url, `embargoed until ${formatDate(String(entry.data.date), site?.dateStyle)}`);
  }
  const published = read.filter((entry) => !entry.heldBack);
  const urls = siteUrls({
    pages: published.map((entry) => entry.location.url),
    stories: published
      .filter((entry) => entry.location.type === "news" && typeof entry.data.date === "string" && isCalendarDate(entry.data.date))
      .map((entry) => ({
        url: entry.location.url,
        date: String(entry.data.date),
        tags: Array.isArray(entry.data.tags) ? entry.data.tags.filter((tag): tag is string => typeof tag === "string") : [],
      })),
    topicSlugs,
    images,
  });

  return read.flatMap((entry) => {
    const context = {
      file: entry.file,
      url: entry.location.url,
      title: typeof entry.data.title === "string" ? entry.data.title : undefined,
      lineOffset: entry.bodyLineOffset,
      urls,
      heldBack,
    };
    const found =
      markdown && entry.location.type === "news" && entry.valid && !entry.heldBack
        ? checkAndRenderBody(entry.parsed, context, markdown)
        : checkBody(entry.parsed.body, context);
    const image = entry.data.image as { src?: unknown } | undefined;
    const imageProblem = typeof image?.src === "string" ? linkProblem(image.src, context, "image") : undefined;
    if (imageProblem) found.push({ file: entry.file, field: "image.src", message: imageProblem, severity: "error" });
    return found;
  });
}
