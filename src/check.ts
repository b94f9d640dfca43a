import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { type ContentLocation, RESERVED_URLS, locate, schemas } from "./content-types.ts";
import { londonToday, parseCalendarDate } from "./dates.ts";
import { parseFrontMatter } from "./frontmatter.ts";
import { type Problem, displayPath, sortProblems } from "./problems.ts";
import { type Site, type Topic, siteSchema, topicsSchema } from "./schema/site.ts";

export interface CheckOptions {
  /** Builds for editors' preview keep drafts and embargoed stories. */
  preview?: boolean;
  /** The build day; embargoed stories are those dated after it. */
  today?: Date;
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
function yamlProblem(file: string, error: unknown): Problem {
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
  const files: CheckedFile[] = [];
  const site = await readJson(path.join(contentDir, "_data", "site.json"), siteSchema, problems);
  const topics = await readJson(path.join(contentDir, "_data", "topics.json"), topicsSchema, problems);
  const topicSlugs = new Set(topics?.map((topic) => topic.slug));
  const today = londonToday(options.today);
  const urls = new Map<string, string>();

  for (const absolute of await markdownFiles(contentDir)) {
    const file = displayPath(absolute);
    const relative = path.relative(contentDir, absolute).split(path.sep).join("/");
    const located = locate(relative);
    if (!located.ok) {
      problems.push({ file, message: located.problem, severity: "error" });
      continue;
    }
    const { location } = located;

    let data: Record<string, unknown>;
    try {
      data = parseFrontMatter(await readFile(absolute, "utf8")).data;
    } catch (error) {
      problems.push(yamlProblem(file, error));
      continue;
    }

    const found = schemaProblems(file, schemas[location.type], data);
    problems.push(...found);

    const clash = urls.get(location.url) ?? RESERVED_URLS.get(location.url);
    if (clash) {
      problems.push({
        file,
        message: `would have the same address ${location.url} as ${clash}: rename one of the files`,
        severity: "error",
      });
    } else {
      urls.set(location.url, file);
    }

    if (location.type === "news") {
      const date = typeof data.date === "string" ? parseCalendarDate(data.date) : null;
      if (date && location.year && String(date.year) !== location.year) {
        problems.push({
          file,
          field: "date",
          message: `"${String(data.date)}" is in ${date.year} but the story is in the ${location.year} folder: move it to content/news/${date.year}/ or correct the date`,
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
      if (!found.length && !options.preview) {
        if (data.draft === true) {
          files.push({ file, location, data, heldBack: "draft" });
          notices.push(`${file}: draft, left out of this build`);
          continue;
        }
        if (date && date > today) {
          files.push({ file, location, data, heldBack: "embargo" });
          notices.push(`${file}: embargoed until ${String(data.date)}, left out of this build`);
          continue;
        }
      }
    }
    if (!found.length) files.push({ file, location, data });
  }

  return { problems: sortProblems(problems), files, notices, site, topics };
}
