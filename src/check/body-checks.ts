import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { type BodyEnv, createMarkdown, rememberBodyHtml } from "../markdown/markdown.ts";
import type { Problem } from "../content/problems.ts";
import { componentProblems } from "../markdown/markdown-components.ts";
import { DOCUMENTS_FOLDER, DOCUMENTS_URL, IMAGES_FOLDER, IMAGES_URL, type SiteUrls } from "../content/site-urls.ts";

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

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
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
export function linkProblem(href: string, context: Pick<BodyContext, "url" | "urls" | "heldBack">, kind: "link" | "image" = "link"): string | undefined {
  const ownImage = `must be an image in content/${IMAGES_FOLDER}/, written ${IMAGES_URL}<name> (such as ${IMAGES_URL}team-photo.jpg): the site shows no images from elsewhere`;
  if (kind === "image" && (!href || EXTERNAL.test(href))) return `"${href}" ${ownImage}`;
  if (!href || href.startsWith("#") || href.startsWith("?") || EXTERNAL.test(href)) return undefined;
  let target: string;
  try {
    target = decodeURI(new URL(href, `https://site.invalid${context.url}`).pathname);
  } catch {
    return `"${href}" is not a valid address: check it for spaces or stray characters`;
  }
  if (kind === "image" && !target.startsWith(IMAGES_URL)) return `"${href}" ${ownImage}`;
  const held = context.heldBack.get(target);
  if (held) return `"${href}" goes to a page that is ${held}, so the link would be broken on the live site: remove the link until that page is published`;
  if (context.urls.has(target)) return undefined;
  const nearest = context.urls.nearest(target);
  const shown = href === target ? `"${href}"` : `"${href}" (${target})`;
  const guess = nearest ? ` (did you mean "${nearest}"?)` : "";
  if (kind === "image") return `${shown} is not an image on this site${guess}: put the image in the content/${IMAGES_FOLDER}/ folder, or correct the address`;
  if (target.startsWith(DOCUMENTS_URL))
    return `${shown} is not a document on this site${guess}: put the document in the content/${DOCUMENTS_FOLDER}/ folder, or correct the address`;
  return `${shown} goes to no page on this site${guess}: correct the address or remove the link`;
}

/** What a heading would look like written at another level, for the fix in a message. */
const asHeading = (level: number, text: string) => `${"#".repeat(level)} ${text}`;

/** A link or image address in a body, kept until every page's address is known. */
export interface BodyLink {
  href: string;
  /** The file's line. */
  line: number;
  kind: "link" | "image";
}

/** What one body's tokens tell the check: problems of the body alone, and its links. */
export interface BodyFacts {
  problems: Problem[];
  links: BodyLink[];
}

export type BodyFile = Pick<BodyContext, "file" | "title" | "lineOffset">;

/**
 * The checks a schema cannot make, in one pass over the body's markdown tokens: images
 * without alt text, and headings that skip a level or repeat the page's title (the layout
 * already shows the title as the one level-1 heading). Links are collected, to be checked
 * once every page's address is known (`linkProblems`).
 */
export function bodyFacts(body: string, file: BodyFile): BodyFacts {
  parser ??= createParser();
  return factsOfTokens(parser.parse(body, {}), file);
}

/**
 * The same facts from a full parse by the build's own renderer, whose HTML is kept for
 * the build to use (`renderBody`): one markdown parse per story serves both the check
 * and the page.
 */
export function renderedBodyFacts(source: { body: string }, file: BodyFile, markdown: MarkdownIt, env: BodyEnv = {}): BodyFacts {
  const tokens = markdown.parse(source.body, { ...env });
  rememberBodyHtml(source, markdown, markdown.renderer.render(tokens, markdown.options, { ...env }));
  return factsOfTokens(tokens, file);
}

/** Links to pages that do not exist, or that this build leaves out. */
export function linkProblems(links: readonly BodyLink[], context: BodyContext): Problem[] {
  return links.flatMap((link): Problem[] => {
    const message = linkProblem(link.href, context, link.kind);
    return message ? [{ file: context.file, line: link.line, field: link.kind, message, severity: "error" }] : [];
  });
}

/** Every body check at once, for a body whose site is already known. */
export function checkBody(body: string, context: BodyContext): Problem[] {
  const facts = bodyFacts(body, context);
  return [...facts.problems, ...linkProblems(facts.links, context)];
}

function factsOfTokens(tokens: Token[], file: BodyFile): BodyFacts {
  const problems: Problem[] = [];
  const links: BodyLink[] = [];
  const problem = (line: number, field: string, message: string) =>
    problems.push({ file: file.file, line: file.lineOffset + line + 1, field, message, severity: "error" });

  for (const found of componentProblems(tokens)) problem(found.line, "component", found.message);
  const title = file.title ? comparable(file.title) : "";
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
    if (token.type === "inline" && token.children) inlineFacts(token.children, line, file.lineOffset, problem, links);
  }
  return { problems, links };
}

function inlineFacts(
  children: Token[],
  firstLine: number,
  lineOffset: number,
  problem: (line: number, field: string, message: string) => void,
  links: BodyLink[],
): void {
  let line = firstLine;
  for (const child of children) {
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    if (child.type === "link_open") links.push({ href: child.attrGet("href") ?? "", line: lineOffset + line + 1, kind: "link" });
    if (child.type === "image") {
      const src = child.attrGet("src") ?? "";
      if (!child.content.trim()) {
        problem(
          line,
          "image",
          `"${src}" has no alt text: describe what the image shows between the square brackets, such as ![A nurse talking to a patient](${src})`,
        );
      }
      links.push({ href: src, line: lineOffset + line + 1, kind: "image" });
    }
  }
}
