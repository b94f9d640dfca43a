import { parseCalendarDate } from "../content/dates.ts";
import { normalisePrefix } from "../content/url.ts";

/** The settings a build takes from its environment, read in one place. */
export interface BuildOptions {
  /** Keep drafts and embargoed stories (editors' preview). */
  preview: boolean;
  /** The build day: stories dated after it are embargoed. */
  today: Date;
  /** Where the site is served from, such as "/" or "/ri/". */
  pathPrefix: string;
  /** Build the Pagefind index after the site (off only to measure the two apart). */
  searchIndex: boolean;
  /**
   * The origin the site is served from, when it is not `url` in site.json (a GitHub
   * Pages deploy knows its own address only at deploy time).
   */
  siteUrl?: string;
}

/**
 * `RI_PREVIEW=1` (or Eleventy's serve and watch modes) keeps drafts and embargoed
 * stories; `RI_BUILD_DATE=YYYY-MM-DD` builds as of another day; `RI_PATH_PREFIX=/ri/`
 * serves the site under a folder; `RI_SITE_URL=https://...` overrides site.json's `url`
 * for canonical links, feeds and the sitemap; `RI_SEARCH_INDEX=0` leaves out the search index.
 */
export function buildOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const buildDate = env.RI_BUILD_DATE ? parseCalendarDate(env.RI_BUILD_DATE) : null;
  if (env.RI_BUILD_DATE && !buildDate) throw new Error(`RI_BUILD_DATE: "${env.RI_BUILD_DATE}" is not a real date (use YYYY-MM-DD)`);
  if (env.RI_SITE_URL && !/^https?:\/\/[^/]/.test(env.RI_SITE_URL)) {
    throw new Error(`RI_SITE_URL: "${env.RI_SITE_URL}" is not a web address (use https://www.example.nhs.uk)`);
  }
  return {
    preview: env.RI_PREVIEW === "1" || ["serve", "watch"].includes(env.ELEVENTY_RUN_MODE ?? ""),
    today: buildDate ? buildDate.set({ hour: 12 }).toJSDate() : new Date(),
    pathPrefix: normalisePrefix(env.RI_PATH_PREFIX),
    searchIndex: env.RI_SEARCH_INDEX !== "0",
    siteUrl: env.RI_SITE_URL || undefined,
  };
}
