import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { normalisePrefix } from "./url.ts";

export interface MarkdownOptions {
  /** Prepended to site-relative links, so a story's `/news/` link works under a path prefix. */
  pathPrefix?: string;
}

type Rule = NonNullable<MarkdownIt["renderer"]["rules"]["image"]>;

/**
 * Renders a token with one attribute prefixed, leaving the token as parsed: the content
 * check reads the same tokens and must see the address the editor wrote.
 */
function prefixed(attr: string, prefix: string, render: Rule): Rule {
  return (tokens, index, options, env, self) => {
    const token = tokens[index] as Token;
    const value = token.attrGet(attr);
    if (!value?.startsWith("/") || value.startsWith("//")) return render(tokens, index, options, env, self);
    token.attrSet(attr, prefix + value);
    try {
      return render(tokens, index, options, env, self);
    } finally {
      token.attrSet(attr, value);
    }
  };
}

/**
 * The one markdown renderer for the site. Raw HTML in content is off: editors write
 * markdown, and the only raw HTML a page carries is what this renderer makes.
 */
export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // markdown-it rewrites every body to turn \r\n and \r into \n and NUL into U+FFFD; most
  // bodies have none of them, and copying ten thousand of them for nothing is measurable.
  md.core.ruler.at("normalize", (state) => {
    if (state.src.includes("\r") || state.src.includes("\0")) state.src = state.src.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD");
  });
  const prefix = (options.pathPrefix ?? "/").replace(/\/$/, "");
  if (prefix) {
    const { rules } = md.renderer;
    const asToken: Rule = (tokens, index, opts, _env, self) => self.renderToken(tokens, index, opts);
    rules.link_open = prefixed("href", prefix, rules.link_open ?? asToken);
    rules.image = prefixed("src", prefix, rules.image ?? asToken);
  }
  return md;
}

const sites = new Map<string, MarkdownIt>();

/**
 * The site's renderer for a path prefix, one per process: the content check parses each
 * story body with it and keeps the HTML, so the build that follows renders what the
 * check has already parsed.
 */
export function siteMarkdown(pathPrefix?: string): MarkdownIt {
  const key = normalisePrefix(pathPrefix);
  let md = sites.get(key);
  if (!md) sites.set(key, (md = createMarkdown({ pathPrefix: key })));
  return md;
}

const rendered = new WeakMap<object, { markdown: MarkdownIt; html: string }>();

/** Keeps a body's HTML, made by `markdown`, for `renderBody` to hand back. */
export function rememberBodyHtml(file: object, markdown: MarkdownIt, html: string): void {
  rendered.set(file, { markdown, html });
}

/** A content file's body as HTML: what the check already rendered with this renderer, or a fresh render. */
export function renderBody(markdown: MarkdownIt, file: { body: string }): string {
  const known = rendered.get(file);
  return known?.markdown === markdown ? known.html : markdown.render(file.body);
}
