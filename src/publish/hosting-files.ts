import { type HeaderRule, matches } from "./http-headers.ts";
import { withPrefix } from "../content/url.ts";

const GENERATED = "Written by the build from src/publish/http-headers.ts: change that file, not this one.";

/**
 * `_headers` for Netlify and Cloudflare Pages. Both apply every matching rule, but where
 * two set the same header Netlify keeps the later value and Cloudflare joins them with a
 * comma (two Cache-Control values, or two policies that both apply). So a rule that
 * replaces a header first detaches it with `! Name`, which Cloudflare honours and
 * Netlify skips as a line without a value.
 */
export function headersFile(rules: readonly HeaderRule[], pathPrefix: string): string {
  const lines = [`# ${GENERATED}`];
  rules.forEach((rule, index) => {
    lines.push(withPrefix(pathPrefix, rule.path));
    const earlier = rules.slice(0, index).filter((other) => overlaps(other.path, rule.path));
    for (const [name, value] of Object.entries(rule.headers)) {
      if (earlier.some((other) => name in other.headers)) lines.push(`  ! ${name}`);
      lines.push(`  ${name}: ${value}`);
    }
  });
  return `${lines.join("\n")}\n`;
}

/** Whether some request path matches both rule paths. */
function overlaps(a: string, b: string): boolean {
  const stem = (path: string) => (path.endsWith("*") ? path.slice(0, -1) : path);
  return matches(a, stem(b)) || matches(b, stem(a));
}

/**
 * `staticwebapp.config.json` for Azure Static Web Apps: the site-wide rule becomes
 * `globalHeaders`, each narrower rule a route whose headers replace global ones of the
 * same name, and a missing page gets the site's 404 page with a 404 status. Azure uses
 * the first route that matches, so narrower (later) rules are listed first, each with
 * the headers of the earlier rules that cover it. Azure's routes cannot name one path
 * segment (`/events/:year/:slug/event.ics`), but it sets a media type by file extension
 * (`mimeTypes`), which is all such a rule may say here.
 */
export function staticWebAppConfig(rules: readonly HeaderRule[], pathPrefix: string): Record<string, unknown> {
  const global = rules.filter((rule) => rule.path === "/*");
  const byType = rules.filter((rule) => rule.path !== "/*" && /\/:/.test(rule.path));
  const routed = rules.filter((rule) => rule.path !== "/*" && !byType.includes(rule));
  const mimeTypes: Record<string, string> = {};
  for (const rule of byType) {
    const extension = /(\.[a-z0-9]+)$/i.exec(rule.path)?.[1];
    const names = Object.keys(rule.headers);
    const type = rule.headers["Content-Type"];
    if (!extension || names.length !== 1 || !type || (mimeTypes[extension] ?? type) !== type) {
      throw new Error(`${rule.path}: Azure Static Web Apps can only give a media type by file extension, and one per extension`);
    }
    mimeTypes[extension] = type;
  }
  const routes = routed
    .map((rule, index) => ({
      route: withPrefix(pathPrefix, rule.path),
      headers: Object.assign(
        {},
        ...routed
          .slice(0, index + 1)
          .filter((other) => covers(other.path, rule.path))
          .map((other) => other.headers),
      ) as Record<string, string>,
    }))
    .reverse();
  return {
    globalHeaders: Object.assign({}, ...global.map((rule) => rule.headers)) as Record<string, string>,
    routes,
    responseOverrides: { "404": { rewrite: withPrefix(pathPrefix, "/404.html") } },
    ...(Object.keys(mimeTypes).length ? { mimeTypes } : {}),
  };
}

/** Whether every path `inner` matches is also matched by `outer`. */
function covers(outer: string, inner: string): boolean {
  return outer === inner || (outer.endsWith("*") && inner.startsWith(outer.slice(0, -1)));
}
