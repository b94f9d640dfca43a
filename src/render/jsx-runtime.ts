import type { JSX as PreactJSX } from "preact";

/**
 * The layouts' JSX runtime: every element becomes its HTML string at once, so a page is
 * rendered by concatenating strings, with no virtual DOM to build and walk afterwards.
 * Rendering 13,000 pages this way takes a fraction of preact-render-to-string's time.
 *
 * Safety is the same as a virtual-DOM renderer's: every string child and attribute value
 * is escaped, and markup is only ever made by this module (or handed over explicitly
 * through `dangerouslySetInnerHTML`). `Html` marks a string as markup already made here.
 * The output matches preact-render-to-string's byte for byte, so pages did not change
 * when the runtime did.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | bigint | boolean | null | undefined | readonly Child[];

type Props = Record<string, unknown> & { children?: unknown };
type Component = (props: never) => Html | null;

// The characters preact-render-to-string escapes, in text and in attribute values alike.
const UNSAFE = /["&<]/;
const UNSAFE_ALL = /["&<]/g;
const ENTITIES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "<": "&lt;" };

export function escapeHtml(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (char) => ENTITIES[char] as string) : text;
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

// Attributes whose values are the words "true" and "false", not present-or-absent switches.
const ENUMERATED = /^(?:aria-|data-)|^(?:spellcheck|draggable|contenteditable)$/;

const NAMES: Record<string, string> = { className: "class", htmlFor: "for" };

function children(child: unknown): string {
  if (child === null || child === undefined || typeof child === "boolean") return "";
  if (child instanceof Html) return child.value;
  if (Array.isArray(child)) {
    let out = "";
    for (const item of child) out += children(item);
    return out;
  }
  if (typeof child === "string") return escapeHtml(child);
  if (typeof child === "number" || typeof child === "bigint") return String(child);
  throw new TypeError(`A layout gave ${Object.prototype.toString.call(child)} as a child: only text, numbers and elements can be rendered`);
}

function attributes(props: Props): string {
  let out = "";
  for (const key in props) {
    if (key === "children" || key === "dangerouslySetInnerHTML" || key === "key" || key === "ref") continue;
    const value = props[key];
    if (value === null || value === undefined || typeof value === "function") continue;
    const name = NAMES[key] ?? key;
    if (typeof value === "boolean" && !ENUMERATED.test(name)) {
      if (value) out += ` ${name}`;
      continue;
    }
    // Attribute values are strings and numbers; anything else prints as preact-render-to-string prints it.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

function element(type: string | Component, props: Props): Html {
  if (typeof type === "function") {
    const rendered = (type as (props: Props) => Html | null)(props);
    return rendered ?? new Html("");
  }
  const open = `<${type}${attributes(props)}`;
  if (VOID_ELEMENTS.has(type)) return new Html(`${open}/>`);
  const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined;
  return new Html(`${open}>${inner ? (inner.__html ?? "") : children(props.children)}</${type}>`);
}

export function Fragment(props: { children?: Child }): Html {
  return new Html(children(props.children));
}

export { element as jsx, element as jsxs, element as jsxDEV };

// TypeScript looks up a JSX runtime's element types in a namespace of this name.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace JSX {
  type Element = Html;
  interface ElementChildrenAttribute {
    children: unknown;
  }
  // The attribute names and value types of every HTML and SVG element, from preact's types.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- TypeScript needs an interface here, not a type alias
  interface IntrinsicElements extends PreactJSX.IntrinsicElements {}
}
