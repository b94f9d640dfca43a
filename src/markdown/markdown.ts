import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { documentLinkText } from "../media/documents.ts";
import { pictureHtml } from "../media/responsive.ts";
import { useComponents } from "./markdown-components.ts";
import { type MediaCatalog, mediaFor } from "../media/catalog.ts";
import type { ContentTypeDefinition } from "../content/definition.ts";
import { normalisePrefix } from "../content/url.ts";

export interface MarkdownOptions {
  /** Prepended to site-relative links, so a story's `/news/` link works under a path prefix. */
  pathPrefix?: string;
  /**
   * The images and documents the check read: body images become responsive pictures and
   * document links say their type and size. Read at each parse, so a re-check is seen.
   */
  media?: () => MediaCatalog;
}

/** A site address as the catalogs key it: the path, decoded, without query or fragment. */
function sitePath(href: string): string | undefined {
  if (!href.startsWith("/") || href.startsWith("//")) return undefined;
  try {
    return decodeURI(new URL(href, "https://site.invalid/").pathname);
  } catch {
    return undefined;
  }
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
  useComponents(md);
  const prefix = (options.pathPrefix ?? "/").replace(/\/$/, "");
  const { media } = options;
  if (media) useMedia(md, media);
  if (prefix) {
    const { rules } = md.renderer;
    const asToken: Rule = (tokens, index, opts, _env, self) => self.renderToken(tokens, index, opts);
    rules.link_open = prefixed("href", prefix, rules.link_open ?? asToken);
    rules.image = prefixed("src", prefix, rules.image ?? asToken);
  }
  if (media) {
    // Images the check read become pictures; any other address keeps the rule above.
    const plain = md.renderer.rules.image ?? ((tokens, index, opts, _env, self) => self.renderToken(tokens, index, opts));
    md.renderer.rules.image = (tokens, index, opts, env, self) => {
      const token = tokens[index] as Token;
      const path = sitePath(token.attrGet("src") ?? "");
      const info = path ? media().images.get(path) : undefined;
      if (!info || !path) return plain(tokens, index, opts, env, self);
      const meta = (token.meta ?? {}) as { eager?: boolean; figure?: boolean };
      return pictureHtml(info, path, {
        alt: self.renderInlineAsText(token.children ?? [], opts, env),
        prefix: `${prefix}/`,
        lazy: !meta.eager,
        className: meta.figure ? "nhsuk-image__img" : undefined,
      });
    };
  }
  return md;
}

/**
 * At parse time: a link to a document gets its type and size inside the link text, and
 * an image at the very start of the body is not lazy-loaded (it is likely in view at once).
 */
function useMedia(md: MarkdownIt, media: () => MediaCatalog): void {
  md.core.ruler.push("ri_media", (state) => {
    const catalog = media();
    state.tokens.forEach((token, index) => {
      if (token.type !== "inline" || !token.children) return;
      const children = token.children;
      if (index <= 1) {
        const image = children.find((child) => child.type === "image");
        if (image) image.meta = { ...(image.meta as object), eager: true };
      }
      for (let at = 0; at < children.length; at++) {
        const child = children[at] as Token;
        if (child.type !== "link_open") continue;
        const path = sitePath(child.attrGet("href") ?? "");
        const document = path ? catalog.documents.get(path) : undefined;
        if (!document) continue;
        const close = children.findIndex((other, position) => position > at && other.type === "link_close");
        if (close < 0) continue;
        const text = new state.Token("text", "", 0);
        text.content = ` (${documentLinkText(document)})`;
        children.splice(close, 0, text);
      }
    });
  });
}

const sites = new Map<string, MarkdownIt>();

/**
 * The site's renderer for a path prefix and content folder (whose images and documents
 * it shows), one per process: the content check parses each
 * story body with it and keeps the HTML, so the build that follows renders what the
 * check has already parsed.
 */
export function siteMarkdown(pathPrefix?: string, contentDir?: string): MarkdownIt {
  const prefix = normalisePrefix(pathPrefix);
  const key = `${prefix}\0${contentDir ?? ""}`;
  let md = sites.get(key);
  if (!md) sites.set(key, (md = createMarkdown({ pathPrefix: prefix, media: contentDir ? () => mediaFor(contentDir) : undefined })));
  return md;
}

const rendered = new WeakMap<object, { markdown: MarkdownIt; html: string }>();

/** Keeps a body's HTML, made by `markdown`, for `renderBody` to hand back. */
export function rememberBodyHtml(file: object, markdown: MarkdownIt, html: string): void {
  rendered.set(file, { markdown, html });
}

/** What a body's renderer knows of its page: whether its type starts a long page with a contents list. */
export interface BodyEnv {
  contentsList?: boolean;
}

/** The renderer's env for a body of a type (the check and the page use the same, so the check's HTML is the page's). */
export function bodyEnv(definition: Pick<ContentTypeDefinition, "contentsList">): BodyEnv {
  return definition.contentsList ? { contentsList: true } : {};
}

/** A content file's body as HTML: what the check already rendered with this renderer, or a fresh render. */
export function renderBody(markdown: MarkdownIt, file: { body: string }, env: BodyEnv = {}): string {
  const known = rendered.get(file);
  return known?.markdown === markdown ? known.html : markdown.render(file.body, { ...env });
}
