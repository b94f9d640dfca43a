import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { createMarkdown, rememberBodyHtml } from "./markdown.ts";
import type { Problem } from "./problems.ts";
import { IMAGES_FOLDER, type SiteUrls } from "./site-urls.ts";

export interface BodyContext {
  file: string;
  /** The page's own address, against which relative links resolve. */
  url: string;
  title?: string;
  /** Lines of the file before the body starts, so problems name file lines. */
  lineOffset: number;
  urls: SiteUrls;
  /** Pages that exist in the content but are left out of this build, and why. */
  heldBack: ReadonlyMap<string, string>;
}

/**
 * The site's own markdown parser, but inline markup is only parsed where a line has a
 * `[` (every link and image has one): the check runs over every story on every run, and
 * headings need only the block pass.
 */
function createParser(): MarkdownIt {
  const md = createMarkdown();
  md.core.ruler.at("inline", (state) => {
    for (const token of state.tokens) {
      if (token.type === "inline" && token.content.includes("[")) {
        state.md.inline.parse(token.content, state.md, state.env, (token.children ??= []));
      }
    }
  });
  return md;
}

let parser: MarkdownIt | undefined;

/** Lowercase words only, so "New trial opens." and "New Trial Opens" compare as the same text. */
function comparable(text: string): string {
  const lower = text.toLowerCase();
  // The same as the Unicode classes for ASCII text, which most headings are, and far quicker.
  return (ASCII.test(lower) ? lower.replace(/[^a-z0-9]+/g, " ") : lower.replace(/[^\p{L}\p{N}]+/gu, " ")).trim();
}

const ASCII = /^[\x00-\x7f]*$/;

export function sameText(a: string, b: string): boolean {
  const words = comparable(a);
  return words !== "" && words === comparable(b);
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Whether a link or image address inside the site goes somewhere; returns the message
 * for the editor if not. External addresses, `mailto:` and `#anchors` are not checked.
 */
export function linkProblem(
  href: string,
  context: Pick<BodyContext, "url" | "urls" | "heldBack">,
  kind: "link" | "image" = "link",
): string | undefined {
  if (!href || href.startsWith("#") || href.startsWith("?") || EXTERNAL.test(href)) return undefined;
  let target: string;
  try {
    target = decodeURI(new URL(href, `https://site.invalid${context.url}`).pathname);
  } catch {
    return `"${href}" is not a valid address: check it for spaces or stray characters`;
  }
  const held = context.heldBack.get(target);
  if (held) return `"${href}" goes to a page that is ${held}, so the link would be broken on the live site: remove the link until that page is published`;
  if (context.urls.has(target)) return undefined;
  const nearest = context.urls.nearest(target);
  const shown = href === target ? `"${href}"` : `"${href}" (${target})`;
  const guess = nearest ? ` (did you mean "${nearest}"?)` : "";
  return kind === "image"
    ? `${shown} is not an image on this site${guess}: put the image in the content/${IMAGES_FOLDER}/ folder, or correct the address`
    : `${shown} goes to no page on this site${guess}: correct the address or remove the link`;
}

/** What a heading would look like written at another level, for the fix in a message. */
const asHeading = (level: number, text: string) => `${"#".repeat(level)} ${text}`;

/**
 * The checks a schema cannot make, in one pass over the body's markdown tokens: links to
 * pages that do not exist, images without alt text, and headings that skip a level or
 * repeat the page's title (the layout already shows the title as the one level-1 heading).
 */
export function checkBody(body: string, context: BodyContext): Problem[] {
  parser ??= createParser();
  return problemsInTokens(parser.parse(body, {}), context);
}

/**
 * The same checks over a full parse by the build's own renderer, whose HTML is kept for
 * the build to use: one markdown parse per story serves both the check and the page.
 */
export function checkAndRenderBody(file: { body: string }, context: BodyContext, markdown: MarkdownIt): Problem[] {
  const env = {};
  const tokens = markdown.parse(file.body, env);
  const problems = problemsInTokens(tokens, context);
  rememberBodyHtml(file, markdown, markdown.renderer.render(tokens, markdown.options, env));
  return problems;
}

function problemsInTokens(tokens: Token[], context: BodyContext): Problem[] {
  const problems: Problem[] = [];
  const problem = (line: number, field: string, message: string) =>
    problems.push({ file: context.file, line: context.lineOffset + line + 1, field, message, severity: "error" });

  const title = context.title ? comparable(context.title) : "";
  let level = 1;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const line = token.map?.[0] ?? 0;
    if (token.type === "heading_open") {
      const next = Number(token.tag.slice(1));
      const text = tokens[index + 1]?.content ?? "";
      if (next === 1) {
        problem(line, "heading", `"${asHeading(1, text)}" is a level-1 heading, but the page title is the page's only one: make it "${asHeading(2, text)}"`);
      } else if (title && comparable(text) === title) {
        problem(line, "heading", `"${asHeading(next, text)}" repeats the page title, which the page already shows at the top: remove it`);
      } else if (next > level + 1) {
        problem(
          line,
          "heading",
          `"${asHeading(next, text)}" jumps from level ${level} to level ${next}: make it "${asHeading(level + 1, text)}", so no level is skipped`,
        );
      }
      level = Math.max(next, 2);
    }
    if (token.type === "inline" && token.children) checkInline(token.children, line, context, problem);
  }
  return problems;
}

function checkInline(
  children: Token[],
  firstLine: number,
  context: BodyContext,
  problem: (line: number, field: string, message: string) => void,
): void {
  let line = firstLine;
  for (const child of children) {
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    if (child.type === "link_open") {
      const message = linkProblem(child.attrGet("href") ?? "", context);
      if (message) problem(line, "link", message);
    }
    if (child.type === "image") {
      const src = child.attrGet("src") ?? "";
      if (!child.content.trim()) {
        problem(
          line,
          "image",
          `"${src}" has no alt text: describe what the image shows between the square brackets, such as ![A nurse talking to a patient](${src})`,
        );
      }
      const message = linkProblem(src, context, "image");
      if (message) problem(line, "image", message);
    }
  }
}
