import type { ContentType } from "./content-types.ts";
import type { AssetUrls } from "./eleventy/assets.ts";
import type { Feed } from "./feed.ts";
import type { ArchivePage, ListingPage, NewsEntry, NewsIndex } from "./news-index.ts";
import type { NewsFrontMatter } from "./schema/news.ts";
import type { PageFrontMatter } from "./schema/page.ts";
import type { ServiceFrontMatter } from "./schema/service.ts";
import type { Site, Topic } from "./schema/site.ts";
import type { SitemapPage } from "./sitemap.ts";

/** A service page as the services index and the home page list it. */
export interface ServiceEntry {
  url: string;
  title: string;
  summary: string;
  order?: number;
}

export interface EleventyPage {
  url: string;
  inputPath: string;
  fileSlug: string;
  date: Date;
}

/** The news index with the feeds made from it (the plugin's `newsIndex` collection). */
export type SiteNewsIndex = NewsIndex & { feeds: Feed[] };

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
  collections: {
    newsIndex: SiteNewsIndex;
    services: ServiceEntry[];
    sitemapPages: SitemapPage[];
  };
}

/** A story's page also gets its lead image with what the check read of it (src/news/store.ts). */
export type StoryData = PageData & NewsFrontMatter & { leadImage?: NewsEntry["image"] };
export type ServiceData = PageData & ServiceFrontMatter;
export type PlainPageData = PageData & PageFrontMatter;
export type ListingData = PageData & { listing: ListingPage };
export type ArchiveData = PageData & { archive: ArchivePage };
export type FeedData = PageData & { feed: Feed };
/** The files that are not pages: feeds, sitemap, robots.txt and the hosting files. */
export type GeneratedFileData = PageData & { generatedFile: "feed" | "sitemap" | "robots" | "netlify-headers" | "azure-config"; feed?: Feed };
