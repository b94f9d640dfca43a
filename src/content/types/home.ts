import { defineContentType } from "../definition.ts";
import { homeSchema } from "../schema/page.ts";

/** The R&I home page, `content/index.md`: its introduction, with the latest of what the other types list. */
export const home = defineContentType({
  name: "home",
  plural: "the home page",
  source: { file: "index.md" },
  url: () => "/",
  schema: homeSchema,
  layout: "home.tsx",
  search: { type: "Page", label: "Other pages" },
  lastmod: (data) => (typeof data.reviewed === "string" ? data.reviewed : undefined),
  followsListings: true,
  cms: { name: "home", label: "Home page", file: "content/index.md" },
});
