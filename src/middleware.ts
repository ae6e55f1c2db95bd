import { defineMiddleware } from "astro:middleware";
import { wholePage } from "./server/whole-page";
import { pageSecurityHeaders } from "./shared/security-headers";

/**
 * Pages rendered on demand are read whole before they are sent, and get security headers (static
 * pages get them from `public/_headers`).
 * Astro sends such a page's hash-based script/style policy as a header; ours is added as a second
 * policy (browsers enforce both), since a policy's directives cannot be merged by concatenation.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const streamed = await next();
  if (context.isPrerendered || context.url.pathname.startsWith("/api/")) return streamed;
  // Read whole, so a page that fails halfway answers 500 instead of hanging (src/server/whole-page.ts).
  const lang = context.currentLocale === "es" ? "es" : "en";
  const response = await wholePage(streamed, lang, context.routePattern);
  for (const [name, value] of Object.entries(pageSecurityHeaders)) {
    if (name === "Content-Security-Policy" && response.headers.has(name))
      response.headers.append(name, value);
    else if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});
