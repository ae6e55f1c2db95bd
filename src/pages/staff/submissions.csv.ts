import type { APIRoute } from "astro";
import { staffApi } from "../../server/staff-client";
import { seeOther } from "../../server/staff-forms";
import { refusal } from "../../server/staff-page";
import { queueAddressFilters, staffCookies } from "../../shared/staff-contract";

export const prerender = false;

/**
 * The queue page's CSV download: the page's filters from the address plus the search term from
 * its cookie (never in the address), passed to `GET /api/staff/submissions.csv`. Admins only;
 * without a re-authentication in the last 5 minutes it sends you to `/staff/confirm` first.
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
  const status: number = res.status;
  // Not re-authenticated in the last 5 minutes: confirm first, then back to the queue.
  if (status === 403) {
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as { error?: string } | null;
    if (body?.error === "reauth_required") {
      const filters = new URLSearchParams(context.url.search);
      const back = filters.size ? `/staff?${filters}` : "/staff";
      return seeOther(`/staff/confirm?${new URLSearchParams({ next: back })}`);
    }
  }
  if (status === 401 || status === 403 || status >= 500) return refusal(res);
  return new Response(res.body, { status, headers: res.headers });
};
