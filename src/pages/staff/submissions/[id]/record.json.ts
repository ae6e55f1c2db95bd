import type { APIRoute } from "astro";
import { staffApi } from "../../../../server/staff-client";
import { refusal } from "../../../../server/staff-page";

export const prerender = false;

/**
 * A patient's copy of their whole record as a file (the same JSON the API gives), for a patient
 * who asks to see their record. The API audits it as a copy.
 */
export const GET: APIRoute = async (context) => {
  const id = context.params.id ?? "";
  if (!/^\d{1,15}$/.test(id))
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const res = await staffApi(context).submissions[":id"].record.$get({ param: { id } });
  if (res.status === 404)
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (!res.ok) return refusal(res);
  const copy = await res.json();
  return new Response(JSON.stringify(copy, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="record-${copy.submission.reference}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
};
