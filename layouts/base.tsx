import type { ComponentChildren } from "preact";
import type { PageData } from "../src/page-data.ts";
import { type Crumb, Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { Footer } from "./components/Footer.tsx";
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
  children: ComponentChildren;
}

/** `Page – Research and Innovation – Midlands Partnership University NHS Foundation Trust` */
export function documentTitle(data: PageData, title: string): string {
  const parts = data.page.url === "/" ? [data.site.name] : [title, data.site.name];
  return [...parts, organisationName(data)].join(" – ");
}

/** The page every layout sits in: nhsuk-frontend's page template, without inline script. */
export function Base({ data, title, description, trail = [], scripts = [], children }: BaseProps) {
  const asset = (path: string) => href(data, `/assets/${path}`);
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <title>{documentTitle(data, title)}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        {description ? <meta name="description" content={description} /> : null}
        <meta name="theme-color" content="#005eb8" />
        <link rel="icon" href={asset("images/favicon.ico")} sizes="48x48" />
        <link rel="icon" href={asset("images/favicon.svg")} sizes="any" type="image/svg+xml" />
        <link rel="mask-icon" href={asset("images/nhsuk-icon-mask.svg")} />
        <link rel="apple-touch-icon" href={asset("images/nhsuk-icon-180.png")} />
        <link rel="manifest" href={asset("manifest.json")} />
        <link rel="stylesheet" href={asset("css/nhsuk-frontend.min.css")} />
        <script type="module" src={asset("js/main.js")}></script>
        {scripts.map((script) => (
          <script type="module" src={href(data, script)}></script>
        ))}
      </head>
      <body>
        <script src={asset("js/js-enabled.js")}></script>
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
