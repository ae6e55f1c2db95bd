import type { APIRoute } from "astro";
import { staffApi } from "../../server/staff-client";
import { refusal } from "../../server/staff-page";
import { queueAddressFilters, staffCookies } from "../../shared/staff-contract";

export const prerender = false;

/**
 * The queue page's CSV download: the page's filters from the address plus the search term from
 * its cookie (never in the address), passed to `GET /api/staff/submissions.csv`.
 */
export const GET: APIRoute = async (context) => {
  const query: Record<string, string> = {};
  for (const name of queueAddressFilters) {
    const value = context.url.searchParams.get(name);
    if (value) query[name] = value;
  }
  const search = context.cookies.get(staffCookies.search.name)?.value;
  if (search) query.q = search;
  const res = await staffApi(context)["submissions.csv"].$get({ query });
  // The gate's refusals (401, 403, 503) are not in the route's typed answers.
  const status: number = res.status;
  if (status === 401 || status === 403 || status >= 500) return refusal(res);
  return new Response(res.body, { status, headers: res.headers });
};
