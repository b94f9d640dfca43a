import { defineContentType } from "../definition.ts";
import { PLACEHOLDER_SUMMARY } from "../placeholders.ts";
import { pageSchema } from "../schema/page.ts";

/** Other pages (accessibility statement, contact): `content/pages/<slug>.md` at `/<slug>/`. */
export const page = defineContentType({
  name: "page",
  plural: "other pages",
  source: { folder: "pages" },
  url: (slug) => `/${slug}/`,
  schema: pageSchema,
  layout: "page.tsx",
  search: { type: "Page", label: "Other pages" },
  lastmod: (data) => (typeof data.reviewed === "string" ? data.reviewed : undefined),
  cms: { name: "pages", label: "Other pages", singular: "Page", folder: "content/pages", preview: "{{slug}}/", sortableFields: ["title"] },
  scaffold: {
    folder: () => "pages",
    frontMatter: (title, today) => ({ title, summary: PLACEHOLDER_SUMMARY, reviewed: today, draft: true }),
  },
});
