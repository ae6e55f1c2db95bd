// @ts-check
import { defineConfig } from "astro/config";
import cloudflare from "@astrojs/cloudflare";

export default defineConfig({
  site: process.env.SITE_URL ?? "https://example.org",
  output: "static",
  trailingSlash: "never",
  // Each page carries its own small stylesheet: no render-blocking request before first paint.
  build: { format: "file", inlineStylesheets: "always" },
  adapter: cloudflare({ imageService: "passthrough" }),
  // No Astro sessions: the staff desk keeps its own sessions in D1. `false` also keeps the adapter
  // from adding a SESSION KV binding.
  session: false,
  markdown: { syntaxHighlight: false },
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
    },
  },
});
