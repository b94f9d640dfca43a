import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { ROOT } from "./helpers/fixture-site.ts";

/**
 * The folder rules in eslint.config.js (eslint.folder-rules.js): an import a folder's README
 * does not allow fails `npm run lint`. Each case plants one import in a file of that folder
 * and expects the rule's message, which names the README that states the rule.
 *
 * The project's own config lints with type information, which costs a TypeScript program a
 * run; the folder rules need none, so each folder's two rules, exactly as the project's
 * config gives them for a file there, run here under the plain TypeScript parser.
 */
const projectConfig = new ESLint({ cwd: ROOT });
const FOLDER_RULES = ["no-restricted-imports", "no-restricted-syntax"] as const;

async function linterFor(folder: string): Promise<ESLint> {
  const config = (await projectConfig.calculateConfigForFile(path.join(ROOT, folder, "planted.ts"))) as Linter.Config;
  const rules = Object.fromEntries(FOLDER_RULES.map((rule) => [rule, config.rules?.[rule]]));
  for (const rule of FOLDER_RULES) assert.ok(rules[rule], `eslint.config.js gives ${folder}/ no ${rule}`);
  return new ESLint({
    cwd: ROOT,
    // An eslint-disable comment in the tree names rules this linter does not load; read none.
    allowInlineConfig: false,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.{ts,tsx,js,mjs}"], languageOptions: { parser: tseslint.parser }, rules }],
  });
}

const errorsOf = async (linter: ESLint, folder: string, code: string, file = "planted.ts") => {
  const [result] = await linter.lintText(code, { filePath: path.join(ROOT, folder, file) });
  assert.ok(result);
  return result.messages.map((message) => `${message.ruleId ?? "parse"}: ${message.message}`);
};

/** The imports each folder must not make (relative to a file directly in the folder), and the README that says so. */
const FORBIDDEN: Record<string, { readme: string; planted: string[] }> = {
  "src/content": {
    readme: "src/content/README.md",
    planted: [
      "../render/pages.ts",
      "#jsx/jsx-runtime",
      "../eleventy/plugin.ts",
      "../cli/build.ts",
      "../check/check.ts",
      "../publish/feed.ts",
      "@11ty/eleventy",
    ],
  },
  "src/check": { readme: "src/check/README.md", planted: ["../render/store.ts", "../eleventy/checked-content.ts", "../cli/check.ts", "../build/build.ts"] },
  "src/render": {
    readme: "src/render/README.md",
    planted: ["../eleventy/plugin.ts", "@11ty/eleventy", "../../layouts/page.tsx", "../build/build.ts", "../cms/config.ts"],
  },
  "src/markdown": { readme: "src/markdown/README.md", planted: ["../render/pages.ts", "../check/check.ts", "../publish/csp.ts"] },
  "src/media": { readme: "src/media/README.md", planted: ["../content/types.ts", "../render/pages.ts", "../check/check.ts"] },
  "src/publish": { readme: "src/publish/README.md", planted: ["../render/pages.ts", "../cms/config.ts", "../client/search.ts", "../eleventy/plugin.ts"] },
  "src/cms": { readme: "src/cms/README.md", planted: ["../check/check.ts", "../render/pages.ts", "../eleventy/cms.ts"] },
  "src/client": { readme: "src/client/README.md", planted: ["node:fs", "fs/promises", "../content/types.ts", "../render/pages.ts"] },
  "src/build": { readme: "src/build/README.md", planted: ["../eleventy/checked-content.ts", "../render/pages.ts", "../cli/build.ts", "../media/catalog.ts"] },
  "src/eleventy": { readme: "src/eleventy/README.md", planted: ["../cli/serve.ts", "../bench/corpus.ts", "../../layouts/page.tsx"] },
  "src/bench": { readme: "src/bench/README.md", planted: ["../cli/bench.ts", "../../layouts/page.tsx"] },
  layouts: {
    readme: "layouts/README.md",
    planted: ["../src/eleventy/assets.ts", "../src/check/check.ts", "../src/build/build.ts", "../src/cms/config.ts", "../src/markdown/markdown.ts"],
  },
};

/** Imports the same folders may make: the rules must not stop these. */
const ALLOWED: Record<string, string[]> = {
  "src/content": ["./dates.ts", "./types/event/ics.ts", "zod"],
  "src/check": ["../content/problems.ts", "../markdown/markdown.ts", "../media/catalog.ts", "node:fs"],
  "src/render": ["../content/types.ts", "../markdown/markdown.ts", "../publish/sitemap.ts", "#jsx/jsx-runtime"],
  "src/media": ["../content/site-urls.ts", "../content/problems.ts", "sharp"],
  "src/publish": ["../client/search/excerpt.ts", "../cms/local-backend.ts", "../content/url.ts"],
  "src/client": ["../content/components.ts", "./search/excerpt.ts"],
  "src/eleventy": ["../render/pages.ts", "../build/build-options.ts", "@11ty/eleventy"],
  layouts: ["../src/render/page-data.ts", "../src/cms/admin-page.ts", "#jsx/jsx-runtime"],
};

const ALL_SHIPPED = [
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
];

describe("folder rules (eslint.config.js)", () => {
  for (const [folder, { readme, planted }] of Object.entries(FORBIDDEN)) {
    it(`fails an import ${readme} does not allow from ${folder}/`, async () => {
      const linter = await linterFor(folder);
      for (const specifier of planted) {
        for (const code of [`import { x } from "${specifier}";\nexport { x };\n`, `export const x = await import("${specifier}");\n`]) {
          const errors = await errorsOf(linter, folder, code);
          assert.equal(errors.length, 1, `${folder}/planted.ts: ${code}${errors.join("\n")}`);
          assert.match(errors[0] ?? "", new RegExp(`^no-restricted-(imports|syntax): .*${readme.replaceAll(".", "\\.")}: ${folder}/ may import`), code);
        }
      }
    });
  }

  it("fails a type-only import and a re-export across a rule as well", async () => {
    const linter = await linterFor("src/content");
    for (const code of [
      'import type { PageData } from "../render/page-data.ts";\nexport type { PageData };\n',
      'export { renderSite } from "../render/pages.ts";\n',
    ]) {
      assert.match((await errorsOf(linter, "src/content", code)).join("\n"), /src\/content\/README\.md/, code);
    }
  });

  it("fails an import from a file deep in a folder", async () => {
    const linter = await linterFor("src/content");
    const errors = await errorsOf(linter, "src/content", 'import { x } from "../../../render/url.ts";\nexport { x };\n', "types/event/planted.ts");
    assert.match(errors.join("\n"), /src\/content\/README\.md: src\/content\/ may import .* Not src\/render\//);
  });

  for (const folder of ALL_SHIPPED) {
    it(`fails an import of the tests from ${folder}/ (shipped code never imports tests)`, async () => {
      const linter = await linterFor(folder);
      const up = folder === "layouts" ? "../tests" : "../../tests";
      for (const code of [
        `import { x } from "${up}/helpers/fixture-site.ts";\nexport { x };\n`,
        `export const x = await import("${up}/quality/browser.ts");\n`,
      ]) {
        assert.match((await errorsOf(linter, folder, code)).join("\n"), /README\.md: .* Not tests\/\./, `${folder}: ${code}`);
      }
    });
  }

  for (const [folder, specifiers] of Object.entries(ALLOWED)) {
    it(`lets ${folder}/ import what its README allows`, async () => {
      const linter = await linterFor(folder);
      for (const specifier of specifiers) {
        assert.deepEqual(await errorsOf(linter, folder, `import { x } from "${specifier}";\nexport { x };\n`), [], `${folder}: ${specifier}`);
      }
    });
  }

  it("holds on the project's own files: every folder keeps its rules today", async () => {
    const broken: string[] = [];
    for (const folder of ALL_SHIPPED) {
      const linter = await linterFor(folder);
      for (const result of await linter.lintFiles([`${folder}/**/*.{ts,tsx,mjs}`])) {
        for (const message of result.messages) broken.push(`${path.relative(ROOT, result.filePath)}:${message.line}: ${message.message}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
