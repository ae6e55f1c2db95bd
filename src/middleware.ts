import { defineMiddleware } from "astro:middleware";
import { pageSecurityHeaders } from "./shared/security-headers";

/**
 * Security headers for pages rendered on demand (static pages get them from `public/_headers`).
 * Astro sends such a page's hash-based script/style policy as a header; ours is added as a second
 * policy (browsers enforce both), since a policy's directives cannot be merged by concatenation.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.isPrerendered || context.url.pathname.startsWith("/api/")) return response;
  for (const [name, value] of Object.entries(pageSecurityHeaders)) {
    if (name === "Content-Security-Policy" && response.headers.has(name))
      response.headers.append(name, value);
    else if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});
