import type { APIRoute } from "astro";
import { callStaffApi } from "../../components/staff/staff-api";

export const prerender = false;

/**
 * The staff bar's sign-out form: ends the session through `POST /api/staff/logout` and lands on
 * the sign-in page, also when the session had already expired (the API then answers 401).
 */
export const POST: APIRoute = async (context) => {
  const res = await callStaffApi(context, "/api/staff/logout", { method: "POST" });
  const headers = new Headers({ Location: "/staff/login?signed_out=1", "Cache-Control": "no-store" });
  for (const cookie of res.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
};
