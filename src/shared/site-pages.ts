/**
 * The public pages, in navigation order: read by the layout, the sitemap, the browser tests and the
 * benchmark. `es: true` marks a page with a Spanish twin under /es/ (today every one has).
 * Their names in each language are in the message catalogue (src/shared/i18n/messages.ts).
 */
export const publicPages = [
  { path: "/", kind: "guide", es: true },
  { path: "/insurance", kind: "guide", es: true },
  { path: "/pricing", kind: "guide", es: true },
  { path: "/estimate", kind: "tool", es: true },
  { path: "/mva", kind: "guide", es: true },
  { path: "/forms/prescription", kind: "form", es: true },
  { path: "/forms/mva-claim", kind: "form", es: true },
  { path: "/forms/good-faith-estimate", kind: "form", es: true },
  { path: "/privacy", kind: "guide", es: true },
] as const;

export type PublicPath = (typeof publicPages)[number]["path"];

/** The same page in a language: English at today's URLs, Spanish under /es ("/" → "/es"). */
export function localizedPath(path: string, lang: "en" | "es"): string {
  if (lang === "en") return path;
  return path === "/" ? "/es" : `/es${path}`;
}

/** The English path of a page in either language ("/es/pricing" → "/pricing", "/es" → "/"). */
export function englishPath(path: string): string {
  return path === "/es" ? "/" : path.startsWith("/es/") ? path.slice(3) : path;
}

/** The Spanish twins, with the kind of their English page. */
export const spanishPages = publicPages
  .filter((page) => page.es)
  .map((page) => ({ path: localizedPath(page.path, "es"), kind: page.kind, english: page.path }));

/** Pages outside the navigation and sitemap that have a Spanish twin too: the forms' confirmation. */
const unlistedTwins = ["/forms/received"];

/** Whether a page (by its English path) exists in Spanish too. */
export function hasSpanishTwin(path: string): boolean {
  return unlistedTwins.includes(path) || publicPages.some((page) => page.path === path && page.es);
}

/** Where a link to a page goes from a page in `lang`: its twin in that language, or the English page. */
export function linkFor(path: string, lang: "en" | "es"): string {
  return hasSpanishTwin(path) ? localizedPath(path, lang) : path;
}
