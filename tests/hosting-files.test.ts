import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY } from "../src/publish/csp.ts";
import { headersFile, staticWebAppConfig } from "../src/publish/hosting-files.ts";
import { HEADER_RULES, type HeaderRule, IMMUTABLE, REVALIDATE, headersFor } from "../src/publish/http-headers.ts";
import { azureHeaders, cloudflareHeaders, netlifyHeaders, parseHeadersFile } from "./helpers/hosts.ts";

const SAMPLE_PATHS = [
  "/",
  "/news/",
  "/news/2024/a-story/",
  "/news/feed.xml",
  "/sitemap.xml",
  "/assets/css/nhsuk-frontend.0123456789.css",
  "/assets/js/main.0123456789.js",
  "/assets/images/favicon.svg",
  "/404.html",
];

/** What every host should send for every sample path, given a set of rules. */
function assertEveryHostAgrees(rules: readonly HeaderRule[], paths: string[], prefix = "/") {
  const blocks = parseHeadersFile(headersFile(rules, prefix));
  const azure = staticWebAppConfig(rules, prefix) as unknown as Parameters<typeof azureHeaders>[0];
  for (const sitePath of paths) {
    const expected = headersFor(sitePath, rules);
    const requested = prefix.replace(/\/$/, "") + sitePath;
    assert.deepEqual(cloudflareHeaders(blocks, requested), expected, `Cloudflare Pages ${requested}`);
    assert.deepEqual(netlifyHeaders(blocks, requested), expected, `Netlify ${requested}`);
    assert.deepEqual(azureHeaders(azure, requested), expected, `Azure Static Web Apps ${requested}`);
  }
}

describe("the header policy", () => {
  it("sends the one CSP and the security headers everywhere", () => {
    for (const sitePath of SAMPLE_PATHS) {
      const headers = headersFor(sitePath);
      assert.equal(headers["Content-Security-Policy"], CONTENT_SECURITY_POLICY, sitePath);
      assert.match(headers["Strict-Transport-Security"] ?? "", /^max-age=\d{8,}/, sitePath);
      assert.equal(headers["X-Content-Type-Options"], "nosniff");
      assert.equal(headers["Referrer-Policy"], "strict-origin-when-cross-origin");
      assert.match(headers["Permissions-Policy"] ?? "", /camera=\(\)/);
    }
  });

  it("caches fingerprinted CSS and JS for a year and revalidates everything else", () => {
    assert.equal(headersFor("/assets/css/nhsuk-frontend.0123456789.css")["Cache-Control"], IMMUTABLE);
    assert.equal(headersFor("/assets/js/main.0123456789.js")["Cache-Control"], IMMUTABLE);
    for (const sitePath of ["/", "/news/2024/a-story/", "/news/feed.xml", "/assets/images/favicon.svg"]) {
      assert.equal(headersFor(sitePath)["Cache-Control"], REVALIDATE, sitePath);
    }
  });

  it("is the same policy in the meta fallback, less what only a header can say", () => {
    const directives = new Map(META_CONTENT_SECURITY_POLICY.split("; ").map((d) => [d.split(" ")[0], d]));
    assert.equal(directives.has("frame-ancestors"), false);
    for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) {
      if (name !== "frame-ancestors") assert.equal(directives.get(name), [name, ...sources].join(" "));
    }
  });
});

describe("hosting files", () => {
  it("give the same headers on Netlify, Cloudflare Pages and Azure Static Web Apps", () => {
    assertEveryHostAgrees(HEADER_RULES, SAMPLE_PATHS);
  });

  it("follow the path prefix", () => {
    assertEveryHostAgrees(HEADER_RULES, SAMPLE_PATHS, "/ri/");
    const file = headersFile(HEADER_RULES, "/ri/");
    assert.match(file, /^\/ri\/\*$/m);
    assert.match(file, /^\/ri\/assets\/css\/\*$/m);
    assert.deepEqual(staticWebAppConfig(HEADER_RULES, "/ri/").responseOverrides, { "404": { rewrite: "/ri/404.html" } });
  });

  it("take a folder's own policy as one more rule, replacing the site's on every host", () => {
    // As the content editor will: a looser policy for /admin/ only.
    const admin = "default-src 'self'; script-src 'self' 'unsafe-eval'";
    const rules = [...HEADER_RULES, { path: "/admin/*", headers: { "Content-Security-Policy": admin } }];
    assertEveryHostAgrees(rules, [...SAMPLE_PATHS, "/admin/", "/admin/config.yml"]);
    assert.equal(headersFor("/admin/", rules)["Content-Security-Policy"], admin);
    assert.equal(headersFor("/news/", rules)["Content-Security-Policy"], CONTENT_SECURITY_POLICY);
  });

  it("send Azure's missing pages to the site's 404 page", () => {
    assert.deepEqual(staticWebAppConfig(HEADER_RULES, "/").responseOverrides, { "404": { rewrite: "/404.html" } });
  });
});
