import type { Child } from "#jsx/jsx-runtime";
import { META_CONTENT_SECURITY_POLICY } from "../src/publish/csp.ts";
import { NEWS_FEED_URL, newsFeedTitle } from "../src/content/news-feeds.ts";
import type { PageData } from "../src/render/page-data.ts";
import { type Crumb, Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { Footer } from "./components/Footer.tsx";
import { type ArticleMeta, type FeedLink, HeadMeta } from "./components/HeadMeta.tsx";
import { Header } from "./components/Header.tsx";
import { href, organisationName } from "./components/links.ts";

export interface BaseProps {
  data: PageData;
  /** The page's own name; the document title adds the site and the Trust. */
  title: string;
  description?: string;
  trail?: Crumb[];
  /** Extra module scripts for this page only, as site paths. */
  scripts?: string[];
  /** A news story's dates, topics and image, for its article metadata. */
  article?: ArticleMeta;
  /** A feed of this page's own entries (a topic's stories, the open studies), listed before the site's news feed. */
  feed?: FeedLink;
  /** False keeps search engines away (the 404 page). */
  indexable?: boolean;
  children: Child;
}

/** `Page – Research and Innovation – Midlands Partnership University NHS Foundation Trust` */
export function documentTitle(data: PageData, title: string): string {
  const parts = data.page.url === "/" ? [data.site.name] : [title, data.site.name];
  return [...parts, organisationName(data)].join(" – ");
}

/** The page every layout sits in: nhsuk-frontend's page template, without inline script. */
export function Base({ data, title, description, trail = [], scripts = [], article, feed, indexable = true, children }: BaseProps) {
  const asset = (path: string) => href(data, `/assets/${path}`);
  // A site with no stories yet has no news feed to offer; a page's own feed (a topic's, the studies') is there whenever the page names it.
  const feeds = [...(feed ? [feed] : []), ...(data.collections.newsIndex.feeds.length ? [{ url: NEWS_FEED_URL, title: newsFeedTitle(data.site.name) }] : [])];
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        {/* For hosts that cannot send the policy as a header (GitHub Pages); first, so it covers everything after it. */}
        <meta http-equiv="Content-Security-Policy" content={META_CONTENT_SECURITY_POLICY} />
        <title>{documentTitle(data, title)}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <HeadMeta data={data} title={title} description={description} article={article} feeds={feeds} indexable={indexable} />
        <meta name="theme-color" content="#005eb8" />
        <link rel="icon" href={asset("images/favicon.ico")} sizes="48x48" />
        <link rel="icon" href={asset("images/favicon.svg")} sizes="any" type="image/svg+xml" />
        <link rel="mask-icon" href={asset("images/nhsuk-icon-mask.svg")} />
        <link rel="apple-touch-icon" href={asset("images/nhsuk-icon-180.png")} />
        <link rel="manifest" href={asset("manifest.json")} />
        <link rel="stylesheet" href={href(data, data.assets.css)} />
        <script type="module" src={href(data, data.assets.mainJs)}></script>
        {scripts.map((script) => (
          <script type="module" src={href(data, script)}></script>
        ))}
      </head>
      <body>
        <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <Header data={data} />
        <div class="nhsuk-width-container">
          <Breadcrumbs data={data} trail={trail} />
          <main class="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <Footer data={data} />
      </body>
    </html>
  );
}
