import path from "node:path";
import { type BodyLink, bodyFacts, renderedBodyFacts, sameText } from "./body-checks.ts";
import type { ContentTypeDefinition } from "../content/definition.ts";
import { type ContentLocation, definitionOf, locate } from "../content/types.ts";
import { isCalendarDate } from "../content/dates.ts";
import { ContentLimitError } from "./content-limits.ts";
import { curlyQuoteWarnings, frontMatterShapeProblem } from "./front-matter-problems.ts";
import type { ParsedFile } from "../content/definition.ts";
import { FrontMatterLanguageError, readContentFile, readSource } from "./frontmatter.ts";
import { bodyEnv, siteMarkdown } from "../markdown/markdown.ts";
import { PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY } from "../content/placeholders.ts";
import { type Problem, displayPath } from "../content/problems.ts";
import { schemaProblems, yamlProblem } from "./schema-problems.ts";
import { nearMatch } from "../content/suggest.ts";
import { controlCharacterProblems } from "./text-fields.ts";

/** What checking one file needs to know about the rest of the site and the build. */
export interface FileCheckSettings {
  contentDir: string;
  /** The build day, `YYYY-MM-DD`. */
  today: string;
  preview: boolean;
  strict: boolean;
  /** The topics in topics.json, or undefined when that file could not be read. */
  topicSlugs?: string[];
  /** The build's path prefix, when each published body is to be rendered as it is checked. */
  renderPrefix?: string;
}

/** Everything one file contributes to the check. */
export interface FileReport {
  file: string;
  location?: ContentLocation;
  /** The file's parse: front matter, body, and the body's first line. */
  parsed?: ParsedFile;
  /** Whether the front matter passed its schema. */
  valid: boolean;
  heldBack?: "draft" | "embargo";
  /** Problems of this file alone; links wait for every page's address. */
  problems: Problem[];
  links: BodyLink[];
}

/**
 * Reports of files already examined, by their parse (readContentFile keeps one parse per
 * unchanged text) and the settings they were examined with: the preview checks the whole
 * site on every save, and only the saved file needs examining again.
 */
/** The folder a type's files go in, as an editor sees it: `content/news`. */
const folderOf = (definition: ContentTypeDefinition) => ("folder" in definition.source ? `content/${definition.source.folder}` : "content");

const examined = new WeakMap<ParsedFile, { settings: string; report: FileReport }>();
const settingsKeys = new WeakMap<FileCheckSettings, string>();

/** What a file's report depends on besides its own text (not the path prefix a build renders with). */
function keyOf(settings: FileCheckSettings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    key = JSON.stringify([path.resolve(settings.contentDir), settings.today, settings.preview, settings.strict, settings.topicSlugs ?? null]);
    settingsKeys.set(settings, key);
  }
  return key;
}

/**
 * Reads one content file and makes every check that needs only that file: its place,
 * front matter, schema, summary, dates, topics, placeholder text, headings and image
 * alt text. Its links are collected for the checks that need the whole site. An
 * `unchanged` file (the preview's watcher says so) is taken as this process last read it.
 */
export function examineFile(absolute: string, settings: FileCheckSettings, unchanged = false): FileReport {
  const file = displayPath(absolute);
  const report: FileReport = { file, valid: false, problems: [], links: [] };
  const { problems } = report;
  const located = locate(path.relative(settings.contentDir, absolute).split(path.sep).join("/"));
  if (!located.ok) {
    problems.push({ file, message: located.problem, severity: "error" });
    return report;
  }
  const { location } = located;
  report.location = location;
  const definition = definitionOf(location.type);

  let parsed: ParsedFile;
  try {
    parsed = readContentFile(absolute, { asChecked: unchanged });
  } catch (error) {
    // Front matter in another language, or a file past a limit, is refused as such (and a
    // file too large is never read whole); a shape problem explains any other failure best.
    const source = error instanceof FrontMatterLanguageError || error instanceof ContentLimitError ? undefined : readSource(absolute);
    const shape = source === undefined ? undefined : frontMatterShapeProblem(file, source);
    problems.push(shape ?? yamlProblem(file, error));
    return report;
  }
  // An empty file, or one whose front matter is missing or never closed, is one problem,
  // not a list of missing fields. A page with front matter and text is never read twice.
  if (parsed.bodyLineOffset === 0 || parsed.body.trim() === "") {
    const source = readSource(absolute);
    const shape = source === undefined ? undefined : frontMatterShapeProblem(file, source);
    if (shape) {
      problems.push(shape);
      return report;
    }
  }
  report.parsed = parsed;
  const { data } = parsed;
  // A rendering check keeps each body's HTML for the build as it goes, so it is never
  // skipped; its report is the same as a plain check's, so a plain one can reuse it (the
  // preview's first save after its build).
  const settingsKey = keyOf(settings);
  const cached = examined.get(parsed);
  if (settings.renderPrefix === undefined && cached?.settings === settingsKey) return cached.report;

  const found = schemaProblems(file, definition.schema, data);
  problems.push(...found);
  report.valid = !found.length;
  problems.push(...controlCharacterProblems(file, data));
  problems.push(...curlyQuoteWarnings(file, data));

  if (typeof data.title === "string" && typeof data.summary === "string" && sameText(data.title, data.summary)) {
    problems.push({
      file,
      field: "summary",
      message: "repeats the title: say in one or two plain sentences what the page is about, which listings and search results show under the title",
      severity: "error",
    });
  }

  if (report.valid && typeof data.reviewDue === "string" && data.reviewDue < settings.today) {
    problems.push({
      file,
      field: "reviewDue",
      message: `"${data.reviewDue}" has passed: check the page is still right, then set reviewed to the day you checked it and reviewDue to the next review date`,
      severity: settings.strict ? "error" : "warning",
    });
  }

  const dated = definition.dated;
  // The field may carry a time after its day (an event's `2025-07-01T18:00`); the day names the year.
  const written = dated && typeof data[dated.field] === "string" ? String(data[dated.field]) : undefined;
  const date = written && isCalendarDate(written.slice(0, 10)) && /^.{10}(?:T|$)/.test(written) ? written : undefined;
  if (dated && date && location.year && date.slice(0, 4) !== location.year) {
    problems.push({
      file,
      field: dated.field,
      message: `"${date}" is in ${date.slice(0, 4)} but the file is in the ${location.year} folder: move it to ${folderOf(definition)}/${date.slice(0, 4)}/ or correct the ${dated.field === "date" ? "date" : dated.field}`,
      severity: "error",
    });
  }
  const topics = settings.topicSlugs;
  for (const field of definition.topicFields ?? []) {
    const values = data[field];
    if (!Array.isArray(values) || !topics) continue;
    values.forEach((tag, index) => {
      if (typeof tag === "string" && !topics.includes(tag)) {
        const guess = nearMatch(tag, topics);
        problems.push({
          file,
          field: `${field}[${index}]`,
          message: `"${tag}" is not a topic in content/_data/topics.json${guess ? ` (did you mean "${guess}"?)` : ""}; add it there first or pick an existing topic`,
          severity: "error",
        });
      }
    });
  }

  if (report.valid && definition.fileProblems) {
    problems.push(...definition.fileProblems(file, data, { today: settings.today, strict: settings.strict, topicSlugs: settings.topicSlugs }));
  }

  if (data.draft !== true) {
    if (data.summary === PLACEHOLDER_SUMMARY) {
      problems.push({
        file,
        field: "summary",
        message: "still has the text the new file started with: write the summary, or keep the page a draft (draft: true) until it is ready",
        severity: "error",
      });
    }
    const at = parsed.body.indexOf(PLACEHOLDER_BODY);
    if (at >= 0) {
      const line = parsed.bodyLineOffset + parsed.body.slice(0, at).split("\n").length;
      problems.push({
        file,
        line,
        field: "body",
        message: `still has "${PLACEHOLDER_BODY}": write the text, or keep the page a draft (draft: true) until it is ready`,
        severity: "error",
      });
    }
  }

  if (report.valid && !settings.preview) {
    if (data.draft === true) report.heldBack = "draft";
    else if (dated?.embargo && String(data[dated.field]) > settings.today) report.heldBack = "embargo";
  }

  const bodyFile = { file, title: typeof data.title === "string" ? data.title : undefined, lineOffset: parsed.bodyLineOffset };
  // A build's check renders each published body once, for the check and for the page.
  const rendered = settings.renderPrefix !== undefined && report.valid && !report.heldBack;
  const facts = rendered
    ? renderedBodyFacts(parsed, bodyFile, siteMarkdown(settings.renderPrefix, settings.contentDir), bodyEnv(definition))
    : bodyFacts(parsed.body, bodyFile);
  problems.push(...facts.problems);
  report.links = facts.links;
  examined.set(parsed, { settings: settingsKey, report });
  return report;
}
