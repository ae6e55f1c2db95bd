/**
 * The Worker's entry (wrangler.toml `main`): Astro's handler serves pages, assets and, through
 * the `/api` catch-all route, the Hono API; `scheduled` runs the daily retention purge.
 */
import { handle } from "@astrojs/cloudflare/handler";
import { scheduled } from "./scheduled";

export default { fetch: handle, scheduled } satisfies ExportedHandler<Env>;
