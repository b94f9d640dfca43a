// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";
import { folderRules } from "./eslint.folder-rules.js";

export default defineConfig(
  { ignores: ["node_modules/", "_site/", "_site.*/", "_preview/", "_preview.*/", ".cache/", "screenshots/", "content/", "vendor/"] },
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `{ NAME: _, ...rest } = process.env` leaves a variable out on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, varsIgnorePattern: "^_" }],
      // node:test's describe() and it() return promises that the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["describe", "it", "test", "suite", "before", "after", "beforeEach", "afterEach"] },
          ],
        },
      ],
    },
  },
  { files: ["**/*.js"], languageOptions: { globals: globals.node } },
  // Which folder may import which, as each src/*/README.md and layouts/README.md says.
  ...folderRules,
);
