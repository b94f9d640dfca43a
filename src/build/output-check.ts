import { readdirSync } from "node:fs";
import path from "node:path";
import type { CheckResult } from "../check/check.ts";
import { CONTACT_URL, DOCUMENTS_FOLDER, IMAGES_FOLDER } from "../content/site-urls.ts";
import { CONTENT_TYPES } from "../content/types.ts";
import { matches } from "../publish/http-headers.ts";
import { sizedFiles } from "../media/responsive.ts";

/**
 * What a finished site must hold before it replaces the live one, and all it may hold.
 * A build that lost its home page to a bad data file, or gained a file nobody asked for
 * (a `_redirects`, a script beside the pages), fails here instead of being published.
 */

/** Files every build writes, as site paths without the path prefix. */
export const REQUIRED_FILES: readonly string[] = [
  "index.html",
  "404.html",
  "sitemap.xml",
  "robots.txt",
  "_headers",
  "staticwebapp.config.json",
  // Each type's listing pages: the news listing, the services index.
  ...CONTENT_TYPES.flatMap((definition) => (definition.listings?.reserved ?? []).map(([url]) => `${url.slice(1)}index.html`)),
  "search/index.html",
  "admin/index.html",
  "admin/config.yml",
];

/** Folders of the site's own files (styles, scripts, icons, the search index, the CMS), written by the build itself. */
const OWN_FOLDERS = new Set(["assets", "pagefind", "admin"]);
const OWN_EXTENSIONS = /\.(?:html|css|js|json|ya?ml|svg|png|ico|webmanifest|wasm|txt|pagefind|pf_fragment|pf_index|pf_meta|pf_filter)$/;
/** Everywhere else, a folder holds a page and the page's feed. */
const PAGE_FILES = new Set(["index.html", "feed.xml"]);
/** The other files the content types write (an event's calendar file), as their definitions name them. */
const SERVED_FILES = CONTENT_TYPES.flatMap((definition) => definition.files?.served ?? []);

/** Every file under a folder, as site paths; links are reported, never followed. */
function listOutput(output: string): { files: string[]; links: string[] } {
  const files: string[] = [];
  const links: string[] = [];
  for (const entry of readdirSync(output, { recursive: true, withFileTypes: true })) {
    const sitePath = path.relative(output, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (entry.isSymbolicLink()) links.push(sitePath);
    else if (!entry.isDirectory()) files.push(sitePath);
  }
  return { files, links };
}

/**
 * The problems with a built site, one line each; none means it may be published.
 * `searchIndex` says whether this build was to write the search index.
 */
export function outputProblems(output: string, check: CheckResult, searchIndex: boolean): string[] {
  const { files, links } = listOutput(output);
  const present = new Set(files);
  const problems = links.map((link) => `${link} is a symbolic link; the site publishes only files`);

  // Editors' images and their resized copies, and editors' documents: exactly those the check passed.
  const images = new Set([...check.images.map((image) => `${IMAGES_FOLDER}/${image}`), ...sizedFiles(check.media)]);
  const documents = new Set(check.documents.map((document) => `${DOCUMENTS_FOLDER}/${document}`));
  const expected = [
    ...REQUIRED_FILES,
    ...(searchIndex ? ["pagefind/pagefind.js"] : []),
    // The contact page, while site.json gives the details it shows (content/pages/contact.md's words, or the site's own page).
    ...(check.site?.contact ? [`${CONTACT_URL.slice(1)}index.html`] : []),
    // A type's feed is there when the build publishes any of its items.
    ...CONTENT_TYPES.flatMap((definition) =>
      definition.feedUrl && check.files.some((file) => file.location.type === definition.name && !file.heldBack) ? [definition.feedUrl.slice(1)] : [],
    ),
    ...images,
    ...documents,
    ...check.files.filter((file) => !file.heldBack).map((file) => `${file.location.url.slice(1)}index.html`),
    // The files beside a published item's page, such as an event's calendar file.
    ...check.files
      .filter((file) => !file.heldBack)
      .flatMap((file) => CONTENT_TYPES.find((definition) => definition.name === file.location.type)?.files?.beside(file.location.url) ?? [])
      .map((url) => url.slice(1)),
  ];
  for (const file of expected) if (!present.has(file)) problems.push(`${file} is missing (it should be at /${file})`);

  for (const file of files) {
    const [top] = file.split("/");
    const allowed = file.includes("/")
      ? top === IMAGES_FOLDER
        ? images.has(file)
        : top === DOCUMENTS_FOLDER
          ? documents.has(file)
          : OWN_FOLDERS.has(top ?? "")
            ? OWN_EXTENSIONS.test(file)
            : PAGE_FILES.has(path.posix.basename(file)) || SERVED_FILES.some((served) => matches(served.path, `/${file}`))
      : REQUIRED_FILES.includes(file);
    if (!allowed) problems.push(`${file} is not a file the site publishes`);
  }
  return problems.sort();
}
