import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { api } from "../../../functions/app";

export const prerender = false;

/** Every `/api/*` request goes to the Hono app in `functions/`. */
export const ALL: APIRoute = ({ request, locals }) => api.fetch(request, env, locals.cfContext);
