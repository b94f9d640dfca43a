/**
 * The NHS content components editors can write in markdown: their names, what the words
 * after the name mean, and an example. Plain data, so the CMS's browser code
 * (src/client/admin.ts) offers the same list the renderer (src/markdown/markdown-components.ts)
 * and the check know, without bundling markdown-it.
 */
export interface ComponentInfo {
  name: string;
  /** What the words after the name are, if the component takes any. */
  title?: "heading" | "summary" | "caption";
  titleRequired?: boolean;
  /** The CMS's name for it. */
  label: string;
  /** For EDITING.md and the CMS. */
  description: string;
  example: string;
}

export const COMPONENTS: readonly ComponentInfo[] = [
  {
    name: "inset",
    label: "Inset text",
    description: "inset text: sets a short piece of information apart from the text around it",
    example: "::: inset\nYou can take part in more than one study at a time.\n:::",
  },
  {
    name: "warning",
    label: "Warning callout",
    title: "heading",
    description: 'a warning callout: something people must know; its heading is "Important" unless you give one',
    example: "::: warning Before you take part\nTell the research team about any medicines you take.\n:::",
  },
  {
    name: "details",
    label: "Details",
    title: "summary",
    titleRequired: true,
    description: "details: a link that opens to show more, for information only some people need",
    example: "::: details Who can see my information?\nOnly the research team and the study's sponsor.\n:::",
  },
  {
    name: "expander",
    label: "Expander",
    title: "summary",
    titleRequired: true,
    description: "an expander: a box that opens to show more, for longer content or several in a row",
    example: "::: expander Opening times\nWe are open 9am to 5pm, Monday to Friday.\n:::",
  },
  {
    name: "figure",
    label: "Figure with caption",
    title: "caption",
    description: "a figure: one image with a caption under it",
    example: "::: figure The research team at the 2024 open day\n![Four people standing by a poster about the study](/images/team.jpg)\n:::",
  },
];
