import type { APIRoute } from "astro";
import { staffApi } from "../../server/staff-client";
import { plainAnswer, seeOther } from "../../server/staff-forms";
import { isSameOrigin } from "../../shared/same-origin";

export const prerender = false;

/**
 * The staff bar's sign-out form: ends the session through `POST /api/staff/logout` and lands on
 * the sign-in page, also when the session had already expired. The API clears the session and
 * search cookies (a patient's name) whatever state the session was in; its `Set-Cookie` headers
 * are passed on. A post from another origin (of any content type) is refused with 403 and changes
 * nothing.
 */
export const POST: APIRoute = async (context) => {
  if (!isSameOrigin(context.request)) {
    return plainAnswer(403, "Sign out from the staff desk's own pages.");
  }
  const res = await staffApi(context).logout.$post();
  return seeOther("/staff/login?signed_out=1", res.headers.getSetCookie());
};
