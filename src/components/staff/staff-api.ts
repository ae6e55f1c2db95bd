/**
 * Server-side access to the staff API for the staff pages. A page calls the Hono app in-process
 * with the browser's own cookie (and Access token, IP and Origin), so the one gate in
 * `functions/staff/auth.ts` decides for pages exactly as it does for the API.
 */
import { env } from "cloudflare:workers";
import { api } from "../../../functions/app";

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

/**
 * The response a page gives when the API refused it: to the sign-in page after a 401 (saying
 * why when the session expired), a plain 403 page when Cloudflare Access refused it.
 */
export async function refusal(res: Response): Promise<Response> {
  // The in-process call may have cleared the cookies; pass that on to the browser.
  const headers = new Headers(noStore);
  for (const cookie of res.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  if (res.status === 401) {
    const body = await res.json<{ reason?: string }>().catch(() => ({ reason: undefined }));
    headers.set("Location", body.reason === "expired" ? "/staff/login?expired=1" : "/staff/login");
    return new Response(null, { status: 303, headers });
  }
  headers.set("Content-Type", "text/plain; charset=utf-8");
  return new Response("Open the staff desk through the clinic's Cloudflare Access sign-in.", {
    status: 403,
    headers,
  });
}

/** The signed-in staff member, or the response that sends the browser to sign in. */
export async function requireStaff(
  page: PageContext,
): Promise<{ ok: true; me: StaffMe } | { ok: false; response: Response }> {
  const res = await callStaffApi(page, "/api/staff/me");
  if (res.ok) return { ok: true, me: await res.json<StaffMe>() };
  return { ok: false, response: await refusal(res) };
}
