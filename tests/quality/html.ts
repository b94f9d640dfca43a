import { execFile } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { parseHTML } from "linkedom";

/**
 * html-validate's recommended rules, less three that contradict nhsuk-frontend's own
 * reference markup or the site's required title form.
 */
const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ["html-validate:recommended"],
    rules: {
      // nhsuk-frontend's header, footer and pagination carry role="banner",
      // role="contentinfo" and role="navigation" for older assistive technology.
      "no-redundant-role": "off",
      // The JSX runtime closes void elements as <br/>, as preact-render-to-string did; both forms are valid HTML.
      "void-style": "off",
      // The issue sets the title form "Page – Research and Innovation – <the Trust's
      // full name>", which is longer than 70 characters by itself.
      "long-title": "off",
      // Every heading level is checked, including that a page has exactly one h1.
      "heading-level": ["error", { allowMultipleH1: false, minInitialRank: "h1" }],
    },
  }),
);

export interface HtmlProblem {
  file: string;
  message: string;
}

export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html") && !entry.parentPath.includes(`${path.sep}admin`))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every html-validate error in every built page, one entry each. */
export async function validateHtml(dir: string): Promise<HtmlProblem[]> {
  const problems: HtmlProblem[] = [];
  for (const file of await htmlFiles(dir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({ file: path.relative(dir, file), message: `${message.line}:${message.column} ${message.ruleId}: ${message.message}` });
      }
    }
  }
  return problems;
}

/** The W3C Nu HTML Checker's jar, from the vnu-jar package (its own Java download is not used). */
const VNU_JAR = path.join(path.dirname(createRequire(import.meta.url).resolve("vnu-jar")), "build", "dist", "vnu.jar");

/**
 * Warnings of the Nu checker that are expected, each with the reason; any other warning,
 * like any error, is a problem.
 */
const NU_WARNINGS_ALLOWED: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^The “(banner|contentinfo|navigation)” role is unnecessary for element/,
    why: "nhsuk-frontend's reference header, footer and pagination carry these roles for older assistive technology (html-validate's no-redundant-role is off for the same reason)",
  },
  {
    pattern: /violates Content Security Policy \(meta tag\)/,
    why: "the checker reads the files from disk, where 'self' is not the site's origin, and counts JSON-LD data blocks as scripts; the browser suites check the policy for real, as a header, on every page",
  },
];

interface NuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/** Every error and unexpected warning of the W3C Nu HTML Checker in every built page (one Java run for all). */
export async function nuCheck(dir: string): Promise<HtmlProblem[]> {
  const files = await htmlFiles(dir);
  const report = await new Promise<string>((resolve, reject) => {
    // The checker exits with 1 when it finds errors; its JSON report on stderr says which.
    execFile("java", ["-jar", VNU_JAR, "--format", "json", ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error && "code" in error && error.code === "ENOENT") {
        reject(new Error('Java was not found: the Nu HTML Checker needs it ("sudo apt-get install -y default-jre-headless").'));
      } else if (stderr.trimStart().startsWith("{")) resolve(stderr);
      else reject(new Error(`the Nu HTML Checker did not run: ${error?.message ?? ""}\n${stderr}`));
    });
  });
  const { messages } = JSON.parse(report) as { messages: NuMessage[] };
  return messages
    .filter(
      (message) => message.type !== "info" || (message.subType === "warning" && !NU_WARNINGS_ALLOWED.some(({ pattern }) => pattern.test(message.message))),
    )
    .map((message) => ({
      file: message.url?.startsWith("file:") ? path.relative(dir, fileURLToPath(message.url)) : (message.url ?? ""),
      message: `${message.lastLine ?? 0}:${message.firstColumn ?? 0} ${message.subType ?? message.type}: ${message.message}`,
    }));
}

export const TITLE_SUFFIX = "Research and Innovation – Midlands Partnership University NHS Foundation Trust";

/**
 * What html-validate does not check: each page's `<title>` is unique and reads
 * "Page – Research and Innovation – Midlands Partnership University NHS Foundation Trust",
 * and there is exactly one h1.
 */
export async function checkTitlesAndHeadings(dir: string): Promise<HtmlProblem[]> {
  const problems: HtmlProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of await htmlFiles(dir)) {
    const relative = path.relative(dir, file);
    const { document } = parseHTML(await readFile(file, "utf8"));
    const title = document.querySelector("title")?.textContent ?? "";
    const isHome = relative === "index.html";
    const pattern = isHome ? new RegExp(`^${TITLE_SUFFIX}$`) : new RegExp(`^\\S.* – ${TITLE_SUFFIX}$`);
    if (!pattern.test(title)) problems.push({ file: relative, message: `title "${title}" is not "Page – ${TITLE_SUFFIX}"` });
    const twin = seen.get(title);
    if (twin) problems.push({ file: relative, message: `title "${title}" is also the title of ${twin}` });
    seen.set(title, relative);
    const h1s = document.querySelectorAll("h1").length;
    if (h1s !== 1) problems.push({ file: relative, message: `has ${h1s} h1 elements; a page needs exactly one` });
  }
  return problems;
}
