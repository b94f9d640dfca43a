import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
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
