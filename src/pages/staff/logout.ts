import type { APIRoute } from "astro";
import { searchCookie, searchCookiePath, sessionCookie } from "../../../functions/staff/auth";
import { plainAnswer, isSameOrigin, seeOther } from "../../components/staff/page-guard";
import { callStaffApi } from "../../components/staff/staff-api";

export const prerender = false;

/** Deletes the session cookie and the queue's search cookie (a patient's name) in the browser. */
const clearedCookies = [
  `${sessionCookie}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict`,
  `${searchCookie}=; Max-Age=0; Path=${searchCookiePath}; HttpOnly; Secure; SameSite=Strict`,
];

/**
 * The staff bar's sign-out form: ends the session through `POST /api/staff/logout` and lands on
 * the sign-in page, also when the session had already expired (the API then answers 401). The
 * session and search cookies are cleared whatever the API answered. A post from another origin
 * (of any content type) is refused with 403 and changes nothing.
 */
export const POST: APIRoute = async (context) => {
  if (!isSameOrigin(context.request, context.url)) {
    return plainAnswer(403, "Sign out from the staff desk's own pages.");
  }
  const res = await callStaffApi(context, "/api/staff/logout", { method: "POST" });
  const names = new Set([sessionCookie, searchCookie]);
  const others = res.headers.getSetCookie().filter((cookie) => !names.has(cookie.split("=")[0]!.trim()));
  return seeOther("/staff/login?signed_out=1", [...others, ...clearedCookies]);
};
