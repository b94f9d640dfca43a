import type MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import container from "markdown-it-container";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { COMPONENTS, type ComponentInfo } from "../content/components.ts";
import { slugifyWith } from "../content/slug.ts";
import { LAYOUT_IDS } from "./layout-ids.ts";

export { COMPONENTS } from "../content/components.ts";

/**
 * The NHS content components editors write in markdown, as fenced blocks
 * (markdown-it-container), since raw HTML stays off:
 *
 *     ::: inset
 *     Text set apart from the rest.
 *     :::
 *
 * Each renders nhsuk-frontend's reference markup (its components' fixtures.json). The
 * words after the name are the component's heading (warning), summary (details, expander)
 * or caption (figure), rendered as inline markdown, so they are escaped like any text.
 */
export const COMPONENT_NAMES: readonly string[] = COMPONENTS.map((component) => component.name);

/** A service page gets a contents list once it has this many level-2 headings. */
export const CONTENTS_MIN_HEADINGS = 3;

/** The words after `::: name`, trimmed. */
export function componentTitle(info: string, name: string): string {
  return info.trim().slice(name.length).trim();
}

/** Inline markdown for a heading, summary or caption: html is off, so this escapes as text does. */
const inline = (md: MarkdownIt, text: string, env: unknown) => md.renderInline(text, env);

function render(md: MarkdownIt, component: ComponentInfo) {
  return (tokens: Token[], index: number, _options: unknown, env: unknown): string => {
    const token = tokens[index] as Token;
    const title = componentTitle(token.info, component.name);
    if (token.nesting === 1) {
      switch (component.name) {
        case "inset":
          return '<div class="nhsuk-inset-text">\n<span class="nhsuk-u-visually-hidden">Information: </span>\n';
        case "warning": {
          const level = (token.meta as { level?: number } | null)?.level ?? 3;
          // nhsuk-frontend wraps a custom heading in <span role="text">, a WebKit-only role
          // that is not valid HTML (the Nu checker refuses it); without it, screen readers
          // still read "Important: " and the heading as one heading.
          const heading = title ? `<span class="nhsuk-u-visually-hidden">Important: </span>${inline(md, title, env)}` : "Important";
          return `<div class="nhsuk-card nhsuk-card--warning">\n<div class="nhsuk-card__content">\n<h${level} class="nhsuk-card__heading">${heading}</h${level}>\n`;
        }
        case "details":
        case "expander": {
          const className = component.name === "expander" ? "nhsuk-details nhsuk-expander" : "nhsuk-details";
          return (
            `<details class="${className}">\n<summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">` +
            `${inline(md, title, env)}</span></summary>\n<div class="nhsuk-details__text">\n`
          );
        }
        case "figure":
          return '<figure class="nhsuk-image">\n';
      }
      return "";
    }
    switch (component.name) {
      case "warning":
        return "</div>\n</div>\n";
      case "details":
      case "expander":
        return "</div>\n</details>\n";
      case "figure": {
        const caption = (token.meta as { caption?: string } | null)?.caption ?? "";
        return `${caption ? `<figcaption class="nhsuk-image__caption">${inline(md, caption, env)}</figcaption>\n` : ""}</figure>\n`;
      }
    }
    return "</div>\n";
  };
}

/**
 * After parsing: each warning's heading level follows the headings before it (so no level
 * is skipped), a warning's paragraphs take the card's description class, and a figure's
 * image stands alone in it, with the caption handed to the closing tag.
 */
function arrangeComponents(state: StateCore): void {
  let level = 1;
  const open: Token[] = [];
  for (const token of state.tokens) {
    if (token.type === "heading_open") level = Number(token.tag.slice(1));
    if (token.type.startsWith("container_") && token.nesting === 1) {
      open.push(token);
      if (token.type === "container_warning_open") token.meta = { level: Math.min(Math.max(level + 1, 2), 4) };
    } else if (token.type.startsWith("container_") && token.nesting === -1) {
      const opening = open.pop();
      if (opening?.type === "container_figure_open") token.meta = { caption: componentTitle(opening.info, "figure") };
    } else if (token.type === "paragraph_open" || token.type === "paragraph_close") {
      const inside = open.at(-1)?.type;
      if (inside === "container_figure_open") token.hidden = true;
      if (inside === "container_warning_open" && token.nesting === 1) token.attrJoin("class", "nhsuk-card__description");
    } else if (token.type === "inline" && open.at(-1)?.type === "container_figure_open") {
      for (const child of token.children ?? []) if (child.type === "image") child.meta = { ...(child.meta as object), figure: true };
    }
  }
}

/** markdown-it-container's signature against this project's markdown-it types (its own types name the CommonJS build's). */
type ContainerPlugin = (
  md: MarkdownIt,
  name: string,
  options: { validate(params: string): boolean; render(tokens: Token[], index: number, options: unknown, env: unknown): string },
) => void;

interface Heading {
  id: string;
  text: string;
}

/** What a renderer's env may say: whether the page's type starts long pages with a contents list (src/markdown/markdown.ts bodyEnv). */
interface ContentsEnv {
  contentsList?: boolean;
}

/**
 * A service page with enough sections starts with nhsuk-frontend's contents list of its
 * level-2 headings, which markdown-it-anchor has given ids.
 */
function contentsList(state: StateCore): void {
  const env = state.env as ContentsEnv | undefined;
  if (!env?.contentsList) return;
  const headings: Heading[] = [];
  state.tokens.forEach((token, index) => {
    const id = token.attrGet("id");
    if (token.type === "heading_open" && token.tag === "h2" && id) headings.push({ id, text: state.tokens[index + 1]?.content ?? "" });
  });
  if (headings.length < CONTENTS_MIN_HEADINGS) return;
  const list = new state.Token("ri_contents_list", "nav", 0);
  list.meta = { headings };
  list.block = true;
  state.tokens.unshift(list);
}

/** Installs the components, heading ids and the contents list on a markdown-it renderer. */
export function useComponents(md: MarkdownIt): void {
  for (const component of COMPONENTS) {
    md.use(container as unknown as ContainerPlugin, component.name, {
      validate: (params: string) => params.trim() === component.name || params.trim().startsWith(`${component.name} `),
      render: render(md, component),
    });
  }
  md.core.ruler.push("ri_components", arrangeComponents);
  md.use(anchor, {
    level: [2, 3],
    slugify: (text: string) => {
      const slug = slugifyWith(text) || "section";
      // An id the layout uses is never a heading's: the skip link and the menu keep theirs.
      return LAYOUT_IDS.has(slug) ? `${slug}-section` : slug;
    },
    tabIndex: false,
  });
  md.core.ruler.push("ri_contents_list", contentsList);
  md.renderer.rules.ri_contents_list = (tokens, index) => {
    const { headings } = tokens[index]?.meta as { headings: Heading[] };
    const escape = md.utils.escapeHtml;
    const items = headings
      .map(
        (heading) =>
          `<li class="nhsuk-contents-list__item"><a class="nhsuk-contents-list__link" href="#${escape(heading.id)}">${escape(heading.text)}</a></li>`,
      )
      .join("\n");
    return `<nav class="nhsuk-contents-list" aria-label="Contents">\n<h2 class="nhsuk-u-visually-hidden">Contents</h2>\n<ol class="nhsuk-contents-list__list">\n${items}\n</ol>\n</nav>\n`;
  };
}

/**
 * Problems with the components in a body's tokens: a `:::` block with a name that is not
 * a component (markdown-it-container leaves it as a paragraph), a stray closing `:::`, a
 * component missing its words, and a figure that is not one image.
 */
export function componentProblems(tokens: Token[]): Array<{ line: number; message: string }> {
  const problems: Array<{ line: number; message: string }> = [];
  const known = COMPONENT_NAMES.map((name) => `"${name}"`).join(", ");
  let figure: { token: Token; images: number; other: boolean } | undefined;
  for (const token of tokens) {
    const line = token.map?.[0] ?? 0;
    if (token.type === "inline") {
      const opening = /^:{3,}[ \t]*([^\s:]*)/.exec(token.content);
      if (opening) {
        const name = opening[1] ?? "";
        problems.push({
          line,
          message: name
            ? `"::: ${name}" is not a component: the components are ${known} (see EDITING.md)`
            : `":::" closes no component: start one with "::: name", where the name is one of ${known}`,
        });
      }
      if (figure) {
        for (const child of token.children ?? []) {
          if (child.type === "image") figure.images++;
          else if (!(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak") figure.other = true;
        }
      }
    } else if (token.type.startsWith("container_") && token.nesting === 1) {
      const name = token.type.slice("container_".length, -"_open".length);
      const component = COMPONENTS.find((entry) => entry.name === name);
      if (component?.titleRequired && !componentTitle(token.info, name)) {
        problems.push({
          line,
          message: `"::: ${name}" needs its ${component.title ?? "title"} on the same line, such as "${component.example.split("\n")[0]}"`,
        });
      }
      if (name === "figure") figure = { token, images: 0, other: false };
    } else if (token.type === "container_figure_close" && figure) {
      if (figure.images !== 1 || figure.other) {
        problems.push({
          line: figure.token.map?.[0] ?? 0,
          message:
            '"::: figure" must hold one image and nothing else, such as ![Description of the picture](/images/photo.jpg); its caption goes after "::: figure"',
        });
      }
      figure = undefined;
    } else if (figure && token.type !== "paragraph_open" && token.type !== "paragraph_close") {
      figure.other = true;
    }
  }
  return problems;
}
