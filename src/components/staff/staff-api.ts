/**
 * Server-side access to the staff API for the staff pages. A page calls the Hono app in-process
 * with the browser's own cookie (and Access token, IP and Origin), so the one gate in
 * `functions/staff/auth.ts` decides for pages exactly as it does for the API.
 */
import { env } from "cloudflare:workers";
import { api } from "../../../functions/app";
import { readStaffForm } from "./page-guard";

/** What a page needs from its request: Astro's `Astro` and endpoint contexts both fit. */
export interface PageContext {
  request: Request;
  url: URL;
}

export interface StaffMe {
  id: number;
  email: string;
  name: string;
  idleExpiresAt: string;
  expiresAt: string;
}

const forwardedHeaders = [
  "cookie",
  "origin",
  "sec-fetch-site",
  "cf-access-jwt-assertion",
  "cf-connecting-ip",
];

/** Calls `/api/staff/…` in-process as the browser that made this page request. */
export function callStaffApi(
  page: PageContext,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const headers = new Headers();
  for (const name of forwardedHeaders) {
    const value = page.request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(new URL(path, page.url), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return Promise.resolve(api.fetch(request, env));
}

const noStore = { "Cache-Control": "no-store" };

/** What a staff page says when the staff API failed on the server's side (or is misconfigured). */
export const serverTroubleMessage = "Something went wrong on our side. Try again in a minute.";

/** What a staff page says for each 403 of the staff API. */
export const forbiddenMessages = {
  access_required: "Open the staff desk through the clinic's Cloudflare Access sign-in.",
  cross_origin:
    "Changes are only accepted from the staff desk's own pages. Go back, reload the page and try again.",
} as const;

/**
 * The response a page gives when the API refused it: to the sign-in page after a 401 (saying
 * why when the session expired); a plain 403 page naming the reason (Cloudflare Access, or a
 * change from another origin) after a 403; and for anything else (a 5xx, a misconfigured
 * deployment, a request the page should not have made) a plain 503 "try again" page. The API's
 * own details never reach the browser.
 */
export async function refusal(res: Response): Promise<Response> {
  // The in-process call may have cleared the cookies; pass that on to the browser.
  const headers = new Headers(noStore);
  for (const cookie of res.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  const body: { reason?: string; error?: string } = await res.json<object>().catch(() => ({}));
  if (res.status === 401) {
    headers.set("Location", body.reason === "expired" ? "/staff/login?expired=1" : "/staff/login");
    return new Response(null, { status: 303, headers });
  }
  headers.set("Content-Type", "text/plain; charset=utf-8");
  if (res.status === 403) {
    const text =
      body.error === "cross_origin" ? forbiddenMessages.cross_origin : forbiddenMessages.access_required;
    return new Response(text, { status: 403, headers });
  }
  headers.set("Retry-After", "60");
  return new Response(serverTroubleMessage, { status: 503, headers });
}

/** The signed-in staff member, or the response that sends the browser to sign in. */
export async function requireStaff(
  page: PageContext,
): Promise<{ ok: true; me: StaffMe } | { ok: false; response: Response }> {
  const res = await callStaffApi(page, "/api/staff/me");
  if (res.ok) return { ok: true, me: await res.json<StaffMe>() };
  return { ok: false, response: await refusal(res) };
}

/** What a signed-in staff page needs from Astro: its request, and its response to mark no-store. */
export interface StaffPageContext extends PageContext {
  response: { headers: Headers };
}

/**
 * The start of every signed-in staff page: marks the answer no-store, checks a form post (origin,
 * type, size) before anything else is done with it, then asks who is signed in. Gives the posted
 * form (undefined for a GET) and the staff member, or the response to give instead.
 */
export async function staffPageRequest(
  page: StaffPageContext,
): Promise<{ ok: true; form: FormData | undefined; me: StaffMe } | { ok: false; response: Response }> {
  page.response.headers.set("Cache-Control", "no-store");
  let form: FormData | undefined;
  if (page.request.method === "POST") {
    const posted = await readStaffForm(page.request, page.url);
    if (!posted.ok) return posted;
    form = posted.form;
  }
  const auth = await requireStaff(page);
  return auth.ok ? { ok: true, form, me: auth.me } : auth;
}
