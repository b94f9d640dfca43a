import { defineContentType } from "../definition.ts";
import { PLACEHOLDER_SUMMARY } from "../placeholders.ts";
import { serviceSchema } from "../schema/service.ts";

/** A service page as the services index and the home page list it: `collections.services`. */
export interface ServiceEntry {
  url: string;
  title: string;
  summary: string;
  order?: number;
  reviewed?: string;
}

const newest = (dates: Array<string | undefined>) => dates.reduce<string | undefined>((found, date) => (date && (!found || date > found) ? date : found), undefined);

function nextYear(date: string): string {
  const year = Number(date.slice(0, 4)) + 1;
  // 29 February has no match next year; the 28th keeps the review within the year.
  return `${year}${date.slice(4) === "-02-29" ? "-02-28" : date.slice(4)}`;
}

/** Service pages: `content/services/<slug>.md`, reviewed on a date, listed in their `order` at /services/. */
export const service = defineContentType({
  name: "service",
  plural: "service pages",
  source: { folder: "services" },
  url: (slug) => `/services/${slug}/`,
  schema: serviceSchema,
  layout: "service.tsx",
  contentsList: true,
  search: { type: "Service", label: "Services" },
  lastmod: (data) => (typeof data.reviewed === "string" ? data.reviewed : undefined),
  collection: {
    name: "services",
    build: (items): ServiceEntry[] =>
      items
        .map((item) => ({
          url: item.url,
          title: String(item.data.title),
          summary: String(item.data.summary),
          order: typeof item.data.order === "number" ? item.data.order : undefined,
          reviewed: typeof item.data.reviewed === "string" ? item.data.reviewed : undefined,
        }))
        .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title)),
  },
  listings: {
    reserved: [["/services/", "the services index"]],
    pages: (services) => [
      {
        url: "/services/",
        layout: "services.tsx",
        data: { title: "Services", summary: "The research services the Research and Innovation Department provides to the Trust." },
        sitemap: { lastmod: newest(services.map((entry) => entry.reviewed)) },
      },
    ],
    urls: () => ["/services/"],
  },
  cms: { name: "services", label: "Services", singular: "Service page", folder: "content/services", preview: "services/{{slug}}/", sortableFields: ["title"] },
  scaffold: {
    folder: () => "services",
    frontMatter: (title, today) => ({ title, summary: PLACEHOLDER_SUMMARY, reviewed: today, reviewDue: nextYear(today), draft: true }),
  },
});
