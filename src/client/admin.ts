/**
 * The site's additions to Decap CMS at /admin/, loaded after Decap's own script.
 *
 * An optional field an editor fills in and then empties again stays in the entry as
 * `""`, `null`, an empty list or a group of empty fields (a removed image), and Decap
 * would save `updated: ""` or `image: {src: "", alt: ""}`, which the check rightly
 * refuses. Before each save, such fields are dropped, so the file says only what the
 * editor gave. Required fields never reach this point empty: Decap will not save them.
 */

import { COMPONENTS } from "../content/components.ts";

/** The parts of Decap's Immutable.js values used here: the entry data and its groups and lists. */
interface ImmutableCollection {
  size: number;
  toJS(): unknown;
  map(mapper: (value: unknown) => unknown): ImmutableCollection;
  filter(predicate: (value: unknown) => boolean): ImmutableCollection;
}

interface DecapEntry {
  get(key: "data"): ImmutableCollection;
}

interface EditorComponentField {
  name: string;
  label: string;
  widget: "string" | "markdown" | "image";
  required?: boolean;
  hint?: string;
}

/** Decap's editor component: a block of markdown the rich-text editor shows as a form. */
interface EditorComponent {
  id: string;
  label: string;
  fields: EditorComponentField[];
  pattern: RegExp;
  fromBlock(match: RegExpMatchArray): Record<string, string>;
  toBlock(data: Record<string, string | undefined>): string;
  toPreview(data: Record<string, string | undefined>): string;
}

interface DecapCms {
  registerEventListener(listener: { name: "preSave"; handler: (event: { entry: DecapEntry }) => ImmutableCollection }): void;
  registerEditorComponent(component: EditorComponent): void;
}

const isCollection = (value: unknown): value is ImmutableCollection =>
  typeof value === "object" && value !== null && typeof (value as ImmutableCollection).toJS === "function";

const isEmpty = (value: unknown): boolean => value === "" || value === null || value === undefined || (isCollection(value) && value.size === 0);

/** A group of fields without its empty ones (nested groups too); lists are kept as they are. */
function withoutEmpty(value: unknown): unknown {
  if (!isCollection(value) || Array.isArray(value.toJS())) return value;
  return value.map(withoutEmpty).filter((inner) => !isEmpty(inner));
}

const cms = (window as unknown as { CMS?: DecapCms }).CMS;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The NHS content components (src/content/components.ts) as editor components, written
 * back as the same `::: name` blocks the check and the renderer read. The preview is
 * escaped text: it never turns what an editor typed into HTML.
 */
for (const component of COMPONENTS) {
  const titleLabel = { heading: "Heading", summary: "Summary (the words that open it)", caption: "Caption" }[component.title ?? "heading"];
  const figure = component.name === "figure";
  const fields: EditorComponentField[] = [
    ...(component.title ? [{ name: "title", label: titleLabel, widget: "string" as const, required: component.titleRequired ?? false }] : []),
    ...(figure
      ? [
          { name: "image", label: "Image", widget: "image" as const },
          { name: "alt", label: "Alt text", widget: "string" as const, hint: "Describe what the image shows, for people who cannot see it." },
        ]
      : [{ name: "body", label: "Text", widget: "markdown" as const }]),
  ];
  cms?.registerEditorComponent({
    id: `nhs-${component.name}`,
    label: component.label,
    fields,
    pattern: new RegExp(`^:::[ \\t]*${component.name}(?:[ \\t]+([^\\n]*))?\\n([\\s\\S]*?)\\n:::[ \\t]*$`, "m"),
    fromBlock: (match): Record<string, string> => {
      const title = (match[1] ?? "").trim();
      const inner = match[2] ?? "";
      if (!figure) return { title, body: inner };
      const image = /^!\[([^\]]*)\]\(([^)\s]+)\)\s*$/.exec(inner.trim());
      return { title, alt: image?.[1] ?? "", image: image?.[2] ?? "" };
    },
    toBlock: (data) => {
      const title = (data.title ?? "").replace(/\s+/g, " ").trim();
      const inner = figure ? `![${(data.alt ?? "").replace(/[[\]\n]/g, " ")}](${data.image ?? ""})` : (data.body ?? "").trim();
      return `::: ${component.name}${title ? ` ${title}` : ""}\n${inner}\n:::`;
    },
    toPreview: (data) =>
      `<p><strong>${escapeHtml(component.label)}${data.title ? `: ${escapeHtml(data.title)}` : ""}</strong></p><p>${escapeHtml(figure ? (data.alt ?? "") : (data.body ?? ""))}</p>`,
  });
}
cms?.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => withoutEmpty(entry.get("data")) as ImmutableCollection,
});
