import type { APIRoute } from "astro";
import { searchCookie } from "../../../functions/staff/auth";
import { callStaffApi, refusal } from "../../components/staff/staff-api";

export const prerender = false;

/**
 * The queue page's CSV download: the page's filters from the address plus the search term from
 * its cookie (never in the address), passed to `GET /api/staff/submissions.csv`.
 */
export const GET: APIRoute = async (context) => {
  const query = new URLSearchParams();
  for (const name of ["kind", "status", "due", "sort"]) {
    const value = context.url.searchParams.get(name);
    if (value) query.set(name, value);
  }
  const search = context.cookies.get(searchCookie)?.value;
  if (search) query.set("q", search);
  const res = await callStaffApi(context, `/api/staff/submissions.csv?${query}`);
  if (res.status === 401 || res.status === 403 || res.status >= 500) return refusal(res);
  return res;
};
