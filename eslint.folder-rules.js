// @ts-check
import { builtinModules } from "node:module";

/**
 * Which folder may import which, as each folder's README says under "May import". ESLint's
 * own `no-restricted-imports` holds static imports and re-exports, and `no-restricted-syntax`
 * holds `import("...")` with a written path, so `npm run lint` fails on an import a README
 * does not allow. Change a folder's rule here and in its README together.
 *
 * A target is matched by its path segment (`../render/`, `../../src/render/`): no folder
 * in the project holds a folder named like another top-level one.
 */

/** @typedef {{ folder: string, readme: string, may: string, allow: string[], except?: Record<string, string[]>, packages?: { regex: string, what: string }[] }} FolderRule */

/** The folders the rules are about (src/vendor-types holds declarations, no code). */
const FOLDERS = [
  "src/bench",
  "src/build",
  "src/check",
  "src/cli",
  "src/client",
  "src/cms",
  "src/content",
  "src/eleventy",
  "src/markdown",
  "src/media",
  "src/publish",
  "src/render",
  "layouts",
  "tests",
];
const SRC = FOLDERS.filter((folder) => folder.startsWith("src/"));
const but = (/** @type {string[]} */ ...left) => SRC.filter((folder) => !left.includes(folder));

/** @type {FolderRule[]} */
export const FOLDER_RULES = [
  {
    folder: "src/bench",
    readme: "src/bench/README.md",
    may: "any folder under src/ but src/cli/ (which runs it); never tests/ or layouts/",
    allow: but("src/cli"),
  },
  {
    folder: "src/build",
    readme: "src/build/README.md",
    may: "src/check/, src/content/, src/media/responsive.ts and src/publish/http-headers.ts",
    allow: ["src/check", "src/content"],
    except: { "src/media": ["responsive.ts"], "src/publish": ["http-headers.ts"] },
  },
  {
    folder: "src/check",
    readme: "src/check/README.md",
    may: "src/content/, src/markdown/ and src/media/; never the renderer, Eleventy or the CLIs",
    allow: ["src/content", "src/markdown", "src/media"],
  },
  {
    folder: "src/cli",
    readme: "src/cli/README.md",
    may: "any folder under src/; never tests/ or layouts/",
    allow: but(),
  },
  {
    folder: "src/client",
    readme: "src/client/README.md",
    may: "only its own files, browser-safe packages and src/content/components.ts",
    allow: [],
    except: { "src/content": ["components.ts"] },
    packages: [{ regex: `^(node:|(${builtinModules.join("|")})(/|$))`, what: "a Node.js module" }],
  },
  {
    folder: "src/cms",
    readme: "src/cms/README.md",
    may: "src/content/ and the check's allow-list (src/check/content-files.ts)",
    allow: ["src/content"],
    except: { "src/check": ["content-files.ts"] },
  },
  {
    folder: "src/content",
    readme: "src/content/README.md",
    may: "only libraries and its own files: everything else derives from here",
    allow: [],
    packages: [{ regex: "^@11ty/", what: "Eleventy" }],
  },
  {
    folder: "src/eleventy",
    readme: "src/eleventy/README.md",
    may: "src/build/, src/check/, src/cms/, src/content/, src/markdown/, src/media/, src/publish/ and src/render/",
    allow: ["src/build", "src/check", "src/cms", "src/content", "src/markdown", "src/media", "src/publish", "src/render"],
  },
  {
    folder: "src/markdown",
    readme: "src/markdown/README.md",
    may: "src/content/ and src/media/",
    allow: ["src/content", "src/media"],
  },
  {
    folder: "src/media",
    readme: "src/media/README.md",
    may: "src/content/site-urls.ts and src/content/problems.ts; nothing that renders a page or knows a content type",
    allow: [],
    except: { "src/content": ["site-urls.ts", "problems.ts"] },
  },
  {
    folder: "src/publish",
    readme: "src/publish/README.md",
    may: "src/content/ and the constants the CSP names (src/client/search/excerpt.ts, src/client/search/worker-policy.ts, src/cms/local-backend.ts)",
    allow: ["src/content"],
    except: { "src/client": ["search/excerpt.ts", "search/worker-policy.ts"], "src/cms": ["local-backend.ts"] },
  },
  {
    folder: "src/render",
    readme: "src/render/README.md",
    may: "src/check/, src/content/, src/markdown/, src/media/ and src/publish/; never Eleventy (the plugin calls the renderer), and the layouts only by path at run time",
    allow: ["src/check", "src/content", "src/markdown", "src/media", "src/publish"],
    packages: [{ regex: "^@11ty/", what: "Eleventy" }],
  },
  {
    folder: "layouts",
    readme: "layouts/README.md",
    may: "src/content/, src/media/, src/publish/, src/render/ and the admin page's script name (src/cms/admin-page.ts)",
    allow: ["src/content", "src/media", "src/publish", "src/render"],
    except: { "src/cms": ["admin-page.ts"] },
  },
];

const escape = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A specifier that reaches `target` (by its last path segment), apart from the files `except` names. */
function reaches(/** @type {string} */ target, /** @type {string[]} */ except = []) {
  const name = escape(target.split("/").at(-1) ?? target);
  const allowed = except.length ? `(?!(${except.map(escape).join("|")})$)` : "";
  // The renderer is also reached through the JSX runtime's package.json alias.
  return target === "src/render" ? `(^|/)${name}/${allowed}|^#jsx/` : `(^|/)${name}/${allowed}`;
}

/** The flat-config objects: one a folder, for its files. */
export const folderRules = FOLDER_RULES.map((rule) => {
  const because = `${rule.readme}: ${rule.folder}/ may import ${rule.may}.`;
  /** @type {{ regex: string, message: string }[]} */
  const patterns = [];
  for (const target of FOLDERS) {
    if (target === rule.folder || rule.allow.includes(target)) continue;
    patterns.push({ regex: reaches(target, rule.except?.[target]), message: `${because} Not ${target}/.` });
  }
  for (const pkg of rule.packages ?? []) patterns.push({ regex: pkg.regex, message: `${because} Not ${pkg.what}.` });
  // esquery's regex literals end at the first "/", so a slash is written \x2F there.
  const dynamic = patterns.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll("/", "\\x2F")}/]`, message }));
  return {
    name: `folder-rules/${rule.folder}`,
    files: [`${rule.folder}/**/*.{ts,tsx,js,mjs}`],
    rules: {
      "no-restricted-imports": ["error", { patterns: patterns.map(({ regex, message }) => ({ regex, message })) }],
      "no-restricted-syntax": ["error", ...dynamic],
    },
  };
});
