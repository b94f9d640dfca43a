import type { ContentType, FrontMatterOf, TypeCollections } from "../content/types.ts";
import type { Feed } from "../content/news-feeds.ts";
import type { ArchivePage, ListingPage } from "../content/news-index.ts";
import type { Site, Topic } from "../content/schema/site.ts";
import type { MediaCatalog } from "../media/catalog.ts";
import type { SitemapEntry } from "../publish/sitemap.ts";
import type { StudiesFeed } from "../content/types/study/feed.ts";
import type { LayoutFilters } from "./extensions.ts";

/** The front-end assets' published addresses (src/eleventy/assets.ts bundles them). */
export interface AssetUrls {
  css: string;
  mainJs: string;
  /** The search page's script. */
  searchJs: string;
}

export interface EleventyPage {
  url: string;
  inputPath: string;
  fileSlug: string;
  date: Date;
}

/**
 * What every layout receives from the data cascade. Content files were validated by
 * the check before the build, so their front matter arrives with the schema's types.
 */
export interface PageData {
  site: Site;
  topics: Topic[];
  pathPrefix: string;
  /** `RI_SITE_URL` when set, else empty: `site.url` is the address. */
  siteUrl: string;
  preview: boolean;
  /** The fingerprinted stylesheet and scripts. */
  assets: AssetUrls;
  /** The build's London day, `YYYY-MM-DD`: stories dated after it are embargoed. */
  buildDate: string;
  page: EleventyPage;
  content: string;
  contentType?: ContentType;
  title?: string;
  summary?: string;
  /** Each content type's collection, named by its definition (src/content/types/). */
  collections: TypeCollections;
  /** What the check read of editors' images and documents: a picture's size and resized copies come from it. */
  media: MediaCatalog;
  /** The date a preview's embargoed item is held until, if it is one. */
  embargo?: string;
  /** The filters added with Eleventy's `addFilter` (its own among them), each called with this page as `this.page` (src/render/extensions.ts). */
  filters: LayoutFilters;
}

/** An item's page: the shared data and the item's checked front matter, by its type's schema (a new type needs nothing here). */
export type ContentPageData<Type extends ContentType> = PageData & FrontMatterOf<Type>;
export type StoryData = ContentPageData<"news">;
export type ServiceData = ContentPageData<"service">;
export type PlainPageData = ContentPageData<"page">;
export type StudyData = ContentPageData<"study">;
/** The register (/studies/) and each condition's page (/studies/conditions/<topic>/, which names its topic). */
export type StudiesData = PageData & { studyCondition?: string };
export type StudiesFeedData = PageData & { studiesFeed: StudiesFeed };
export type ListingData = PageData & { listing: ListingPage };
export type ArchiveData = PageData & { archive: ArchivePage };
export type FeedData = PageData & { feed: Feed };
/** The files that are not pages: feeds, sitemap, robots.txt and the hosting files. */
export type GeneratedFileData = PageData & {
  generatedFile: "feed" | "sitemap" | "robots" | "netlify-headers" | "azure-config";
  feed?: Feed;
  sitemap?: SitemapEntry[];
};
