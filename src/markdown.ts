import MarkdownIt from "markdown-it";

export interface MarkdownOptions {
  /** Prepended to site-relative links, so a story's `/news/` link works under a path prefix. */
  pathPrefix?: string;
}

/**
 * The one markdown renderer for the site. Raw HTML in content is off: editors write
 * markdown, and the only raw HTML a page carries is what this renderer makes.
 */
export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const prefix = (options.pathPrefix ?? "/").replace(/\/$/, "");
  if (prefix) {
    md.core.ruler.push("path_prefix", (state) => {
      for (const token of state.tokens) {
        for (const child of token.children ?? []) {
          const attr = child.type === "link_open" ? "href" : child.type === "image" ? "src" : undefined;
          const value = attr ? child.attrGet(attr) : null;
          if (attr && value?.startsWith("/") && !value.startsWith("//")) child.attrSet(attr, prefix + value);
        }
      }
    });
  }
  return md;
}
