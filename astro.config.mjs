// @ts-check
import { defineConfig } from "astro/config";
import cloudflare from "@astrojs/cloudflare";
import { satteri } from "@astrojs/markdown-satteri";
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { spanishTwin, visitSettings } from "./src/shared/visit-settings.ts";

/** What the pages do without each contact setting (the visit settings' table says it for theirs). */
const contactSettings = {
  PUBLIC_CLINIC_NAME: 'the pages use the placeholder name "Hillcrest Massage Therapy"',
  PUBLIC_CLINIC_PHONE: "no page offers a phone number",
  PUBLIC_CLINIC_EMAIL: "no page offers an email address",
  PUBLIC_CLINIC_FAX: "prescribers are not offered a fax number",
};

/**
 * Warns, at build time, about each contact or visit setting left unset, and about each visit
 * setting set without its Spanish twin (see .env.example).
 * @returns {import("astro").AstroIntegration}
 */
function contactSettingsWarning() {
  return {
    name: "clinic-contact-settings",
    hooks: {
      "astro:build:start": ({ logger }) => {
        const file = existsSync(".env") ? parseEnv(readFileSync(".env", "utf8")) : {};
        /** @param {string} name */
        const isSet = (name) => Boolean((process.env[name] ?? file[name])?.trim());
        const warn = (/** @type {string} */ name, /** @type {string} */ effect) =>
          logger.warn(`${name} is not set: ${effect} (see .env.example).`);
        for (const [name, effect] of Object.entries(contactSettings)) if (!isSet(name)) warn(name, effect);
        for (const { name, unset, about } of Object.values(visitSettings)) {
          if (!isSet(name)) warn(name, unset);
          else if (!isSet(spanishTwin(name)))
            warn(spanishTwin(name), `Spanish pages show ${about} in English, as ${name} says it`);
        }
      },
    },
  };
}

export default defineConfig({
  site: process.env.SITE_URL ?? "https://example.org",
  output: "static",
  trailingSlash: "never",
  // Each page carries its own small stylesheet: no render-blocking request before first paint.
  build: { format: "file", inlineStylesheets: "always" },
  adapter: cloudflare({ imageService: "passthrough" }),
  integrations: [contactSettingsWarning()],
  // No Astro sessions: the staff desk keeps its own sessions in D1. `false` also keeps the adapter
  // from adding a SESSION KV binding.
  session: false,
  // Straight quotes stay straight: the guidance prose reads as the clinic typed it. Sätteri is
  // Astro 7's Markdown processor; smart punctuation is its feature (`markdown.smartypants` is deprecated).
  markdown: { syntaxHighlight: false, processor: satteri({ features: { smartPunctuation: false } }) },
  // English at today's URLs, Spanish under /es/ (src/pages/es/); src/shared/site-pages.ts maps between them.
  i18n: { locales: ["en", "es"], defaultLocale: "en", routing: { prefixDefaultLocale: false } },
  security: {
    checkOrigin: true,
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "form-action 'self'"],
    },
  },
  vite: {
    environments: {
      ssr: {
        optimizeDeps: {
          include: ["hono", "hono/validator", "@hono/zod-validator", "zod"],
        },
      },
      // The form pages' shared browser code goes into one chunk (one request, not four): the form
      // script, its schemas' builders and zod. A page's own code stays in its own script, its form's
      // words in its words script (src/components/forms/FormWords.astro) and the shared words in
      // their language's chunk; what the estimator and the staff desk share with the forms (the
      // error summary) stays apart.
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  // A group takes the modules it matches and what they import, highest priority
                  // first. These two stay their own small chunks, not part of "form".
                  {
                    name: "error-summary",
                    test: /[\\/]src[\\/]components[\\/]error-summary\.ts$/,
                    priority: 3,
                  },
                  { name: "staff-page", test: /[\\/]src[\\/]components[\\/]staff[\\/]/, priority: 3 },
                  {
                    priority: 2,
                    name: "form",
                    minShareCount: 2,
                    test: /[\\/](src[\\/]components[\\/]forms|src[\\/]shared(?![\\/]i18n[\\/]forms[\\/])|node_modules[\\/]zod)[\\/]/,
                  },
                  // The words every form shares, one chunk per language (each form's own words stay
                  // in its words script; the date formats they use are already in "form").
                  ...["en", "es"].map((lang) => ({
                    name: `form-words-${lang}`,
                    test: new RegExp(`[\\\\/]i18n[\\\\/]forms[\\\\/]common-${lang}\\.ts$`),
                    priority: 1,
                  })),
                ],
              },
            },
          },
        },
      },
    },
  },
});
