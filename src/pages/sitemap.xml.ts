import type { APIRoute } from "astro";
import { localizedPath, publicPages } from "../shared/site-pages";

/** Every public page in each language it exists in; a page with a twin names both (and x-default). */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => new URL(path, site).href;
  const entries = publicPages.flatMap((page) => {
    const paths = page.es ? [page.path, localizedPath(page.path, "es")] : [page.path];
    const alternates = page.es
      ? [
          `<xhtml:link rel="alternate" hreflang="en" href="${url(page.path)}"/>`,
          `<xhtml:link rel="alternate" hreflang="es" href="${url(localizedPath(page.path, "es"))}"/>`,
          `<xhtml:link rel="alternate" hreflang="x-default" href="${url(page.path)}"/>`,
        ].join("")
      : "";
    return paths.map((path) => `  <url><loc>${url(path)}</loc>${alternates}</url>`);
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
