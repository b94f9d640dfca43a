import { ADMIN_META_CONTENT_SECURITY_POLICY } from "../src/csp.ts";
import type { PageData } from "../src/page-data.ts";

/**
 * The content editor's page: Decap CMS draws everything itself. It loads its script and
 * config from beside the page (so it works under a path prefix and needs no CDN), and
 * has no `data-pagefind-body` and a noindex tag, so neither the site's search nor search
 * engines index it.
 */
export function render(data: PageData) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content={ADMIN_META_CONTENT_SECURITY_POLICY} />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`Content editor – ${data.site.name}`}</title>
        <link href="config.yml" type="text/yaml" rel="cms-config-url" />
      </head>
      <body>
        <script src="decap-cms.js"></script>
      </body>
    </html>
  );
}
