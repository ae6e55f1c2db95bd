/**
 * What every signed-in staff page does around the staff API: the response after a refusal (to
 * sign-in, a 403 page, or a "try again" page), who is signed in, and the start of a page request.
 */
import type { StaffMe } from "../shared/staff-contract";
import { staffApi, type PageContext } from "./staff-client";
import { readStaffForm } from "./staff-forms";

const noStore = { "Cache-Control": "no-store" };

/** What a page reads of a staff API answer (a typed client's response is one). */
export interface ApiAnswer {
  ok: boolean;
  status: number;
  headers: Headers;
  json(): Promise<unknown>;
}

/** What a staff page says when the staff API failed on the server's side (or is misconfigured). */
export const serverTroubleMessage = "Something went wrong on our side. Try again in a minute.";

/** What a staff page says for each 403 of the staff API. */
export const forbiddenMessages = {
  access_required: "Open the staff desk through the clinic's Cloudflare Access sign-in.",
  cross_origin:
    "Changes are only accepted from the staff desk's own pages. Go back, reload the page and try again.",
  admin_only: "Only an admin of the staff desk can do this. Ask the clinic manager.",
} as const;

/**
 * The response a page gives when the API refused it: to the sign-in page after a 401 (saying
 * why when the session expired); a plain 403 page naming the reason (Cloudflare Access, a
 * change from another origin, or an admin-only action) after a 403; and for anything else (a 5xx, a misconfigured
 * deployment, a request the page should not have made) a plain 503 "try again" page. The API's
 * own details never reach the browser.
 */
export async function refusal(res: ApiAnswer): Promise<Response> {
  // The in-process call may have cleared the cookies; pass that on to the browser.
  const headers = new Headers(noStore);
  for (const cookie of res.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  const body = (await res.json().catch(() => ({}))) as { reason?: string; error?: string };
  if (res.status === 401) {
    headers.set("Location", body.reason === "expired" ? "/staff/login?expired=1" : "/staff/login");
    return new Response(null, { status: 303, headers });
  }
  headers.set("Content-Type", "text/plain; charset=utf-8");
  if (res.status === 403) {
    const text =
      body.error === "cross_origin"
        ? forbiddenMessages.cross_origin
        : body.error === "forbidden"
          ? forbiddenMessages.admin_only
          : forbiddenMessages.access_required;
    return new Response(text, { status: 403, headers });
  }
  headers.set("Retry-After", "60");
  return new Response(serverTroubleMessage, { status: 503, headers });
}

/** The signed-in staff member, or the response that sends the browser to sign in. */
export async function requireStaff(
  page: PageContext,
): Promise<{ ok: true; me: StaffMe } | { ok: false; response: Response }> {
  const res = await staffApi(page).me.$get();
  if (res.ok) return { ok: true, me: await res.json() };
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
    const posted = await readStaffForm(page.request);
    if (!posted.ok) return posted;
    form = posted.form;
  }
  const auth = await requireStaff(page);
  return auth.ok ? { ok: true, form, me: auth.me } : auth;
}
