import { isoDateTime } from "../../src/content/dates.ts";
import type { PageData } from "../../src/render/page-data.ts";
import type { NewsFrontMatter } from "../../src/content/schema/news.ts";
import { newsArticle, scriptSafeJson } from "../../src/publish/structured-data.ts";
import { withPrefix } from "../../src/content/url.ts";
import { absolute, organisationName } from "./links.ts";
import { SHARE_HEIGHT, SHARE_WIDTH, sizedImage } from "../../src/media/responsive.ts";

/** What a news story adds to its page's metadata. */
export type ArticleMeta = Pick<NewsFrontMatter, "date" | "updated" | "tags" | "image">;

export interface FeedLink {
  url: string;
  title: string;
}

interface HeadMetaProps {
  data: PageData;
  title: string;
  description?: string;
  article?: ArticleMeta;
  feeds: FeedLink[];
  /** False for pages search engines should leave out, such as the 404 page. */
  indexable: boolean;
}

/** nhsuk-frontend's sharing image (1200 × 630), for pages without their own. */
const FALLBACK_IMAGE = { src: "/assets/images/nhsuk-opengraph-image.png", alt: "The NHS logo", width: "1200", height: "630" };

/**
 * What search engines, feed readers and social sites read from a page's head: the
 * canonical address, feeds, Open Graph and Twitter cards, and on stories schema.org
 * NewsArticle data. Every URL is absolute, under the site's address and path prefix.
 */
export function HeadMeta({ data, title, description, article, feeds, indexable }: HeadMetaProps) {
  const canonical = absolute(data, data.page.url);
  const own = article?.image;
  // A lead image is shared as its 1200 × 630 crop (src/media/process-images.ts); an animated one as it is.
  const info = own ? data.media.images.get(own.src) : undefined;
  const share = info ? sizedImage(info)?.share : undefined;
  const image = own
    ? { url: new URL(withPrefix(data.pathPrefix, share ? `/${share.path}` : own.src), canonical).href, alt: own.alt }
    : { url: absolute(data, FALLBACK_IMAGE.src), alt: FALLBACK_IMAGE.alt };
  const size = own ? (share ? { width: String(SHARE_WIDTH), height: String(SHARE_HEIGHT) } : undefined) : FALLBACK_IMAGE;
  const publisher = organisationName(data);
  const published = article ? isoDateTime(article.date) : undefined;
  const modified = article ? isoDateTime(article.updated ?? article.date) : undefined;
  const language = data.site.language ?? "en-GB";
  const topicName = new Map(data.topics.map((topic) => [topic.slug, topic.name]));
  return (
    <>
      {description ? <meta name="description" content={description} /> : null}
      {indexable ? <link rel="canonical" href={canonical} /> : <meta name="robots" content="noindex" />}
      {feeds.map((feed) => (
        <link rel="alternate" type="application/atom+xml" title={feed.title} href={withPrefix(data.pathPrefix, feed.url)} />
      ))}
      <meta property="og:type" content={article ? "article" : "website"} />
      <meta property="og:title" content={title} />
      {description ? <meta property="og:description" content={description} /> : null}
      {indexable ? <meta property="og:url" content={canonical} /> : null}
      <meta property="og:site_name" content={`${data.site.name}, ${publisher}`} />
      <meta property="og:locale" content={language.replace("-", "_")} />
      <meta property="og:image" content={image.url} />
      {image.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
      {size ? <meta property="og:image:width" content={size.width} /> : null}
      {size ? <meta property="og:image:height" content={size.height} /> : null}
      {published ? <meta property="article:published_time" content={published} /> : null}
      {modified ? <meta property="article:modified_time" content={modified} /> : null}
      {(article?.tags ?? []).map((tag) => (
        <meta property="article:tag" content={topicName.get(tag) ?? tag} />
      ))}
      <meta name="twitter:card" content="summary_large_image" />
      {article && published && modified ? (
        <script
          type="application/ld+json"
          // The one raw string outside rendered markdown: JSON escaped so it cannot end the element.
          dangerouslySetInnerHTML={{
            __html: scriptSafeJson(
              newsArticle({
                url: canonical,
                headline: title,
                description: description ?? "",
                datePublished: published,
                dateModified: modified,
                image: image.url,
                language,
                publisher,
              }),
            ),
          }}
        />
      ) : null}
    </>
  );
}
