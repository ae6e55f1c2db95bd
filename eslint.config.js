// @ts-check
// Lints every .ts, .mjs/.js and .astro file (frontmatter and <script> blocks) outside the ignores.
// Syntax-only rule sets (no type information), so `eslint .` stays fast; `astro check` does the types.
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "dist/",
    ".astro/",
    ".wrangler/",
    "node_modules/",
    "bench/results/",
    "test-results/",
    "functions/worker-configuration.d.ts",
    "src/shared/data/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // Node scripts and config files (the .ts ones get no-undef from TypeScript instead).
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark hands callbacks to Playwright's page.evaluate(), which run in the page.
    files: ["bench/**/*.mjs"],
    languageOptions: { globals: { document: "readonly" } },
  },
  {
    rules: {
      // The code matches control characters on purpose (it refuses them in user input).
      "no-control-regex": "off",
      // One unused-variable rule for JS and TS alike; a leading `_` marks "unused on purpose".
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "after-used",
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
);
