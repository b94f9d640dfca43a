import { ADMIN_META_CONTENT_SECURITY_POLICY, PREVIEW_ADMIN_META_CONTENT_SECURITY_POLICY } from "../src/publish/csp.ts";
import { ADMIN_SCRIPT } from "../src/cms/admin-page.ts";
import type { PageData } from "../src/render/page-data.ts";
import { href } from "./components/links.ts";

/**
 * The content editor's page: Decap CMS draws everything itself. It loads its script and
 * config from beside the page (so it works under a path prefix and needs no CDN), then
 * the site's own additions to it, and has no `data-pagefind-body` and a noindex tag, so
 * neither the site's search nor search engines index it. The title and icons are the
 * site's, so an editor can tell the tab apart from the live site's pages.
 */
export function render(data: PageData) {
  const asset = (path: string) => href(data, `/assets/${path}`);
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* A preview build's editor may also reach the local backend (`npm run cms`); a published one never. */}
        <meta http-equiv="Content-Security-Policy" content={data.preview ? PREVIEW_ADMIN_META_CONTENT_SECURITY_POLICY : ADMIN_META_CONTENT_SECURITY_POLICY} />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`Content editor – ${data.site.name}`}</title>
        <link rel="icon" href={asset("images/favicon.ico")} sizes="48x48" />
        <link rel="icon" href={asset("images/favicon.svg")} sizes="any" type="image/svg+xml" />
        <link rel="apple-touch-icon" href={asset("images/nhsuk-icon-180.png")} />
        <link href="config.yml" type="text/yaml" rel="cms-config-url" />
      </head>
      <body>
        <script src="decap-cms.js"></script>
        <script src={ADMIN_SCRIPT}></script>
      </body>
    </html>
  );
}
