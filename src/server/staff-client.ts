/**
 * The pages' one way into the API: Hono's typed client (`hc<AppType>`) over the Hono app
 * in-process, as the browser that made the page request (its cookie, Access token, address and
 * origin), so the one gate in `functions/staff/auth.ts` decides for pages exactly as it does for
 * the API. With `src/pages/api/[...path].ts`, this is the only module under `src/` that imports
 * from `functions/`.
 */
import { env } from "cloudflare:workers";
import { hc } from "hono/client";
import { api, type AppType } from "../../functions/app";
import type { Receipt } from "../shared/submissions/receipt";

/** What a page needs from its request: Astro's `Astro` and endpoint contexts both fit. */
export interface PageContext {
  request: Request;
  url: URL;
}

const forwardedHeaders = [
  "cookie",
  "origin",
  "sec-fetch-site",
  "cf-access-jwt-assertion",
  "cf-connecting-ip",
  // Which device a session is on (shown on /staff/account).
  "user-agent",
];

/** The typed staff API (`/api/staff/…`), called in-process as the browser behind `page`. */
export function staffApi(page: PageContext) {
  const headers: Record<string, string> = {};
  for (const name of forwardedHeaders) {
    const value = page.request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return hc<AppType>(page.url.origin, {
    headers,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => api.fetch(new Request(input, init), env),
  }).api.staff;
}

/**
 * A public form's answers posted to the API in-process as JSON (`POST /api/<kind>`), or as
 * multipart when they carry a file, as the browser behind `page`: the same validation, limits
 * and exactly-once storage as a post from the form's script.
 */
export async function postToApi(
  page: PageContext,
  apiPath: string,
  body: unknown,
  idempotencyKey: string | undefined,
): Promise<Response> {
  const multipart = body instanceof FormData;
  const headers = new Headers(
    multipart ? { Accept: "application/json" } : { "Content-Type": "application/json" },
  );
  const ip = page.request.headers.get("cf-connecting-ip");
  if (ip !== null) headers.set("cf-connecting-ip", ip);
  if (idempotencyKey) headers.set("Idempotency-Key", idempotencyKey);
  const request = new Request(new URL(`/api${apiPath}`, page.url), {
    method: "POST",
    headers,
    body: multipart ? body : JSON.stringify(body),
  });
  return api.fetch(request, env);
}

/**
 * The receipt of a form this browser just sent (`GET /api/receipt`), for the confirmation
 * cookie's value; null when there is none to show.
 */
export async function readReceipt(
  page: PageContext,
  confirmation: string,
  lang: "en" | "es" = "en",
): Promise<Receipt | null> {
  const request = new Request(new URL("/api/receipt", page.url), {
    headers: { Receipt: confirmation, "Accept-Language": lang },
  });
  try {
    const res = await api.fetch(request, env);
    return res.ok ? ((await res.json()) as Receipt) : null;
  } catch {
    return null;
  }
}
