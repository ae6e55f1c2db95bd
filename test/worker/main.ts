/**
 * The Workers tests' entry: the API and the daily job, without Astro's handler (its virtual
 * modules exist only in a build). Tests call `api.request(…)` and `runDailyJobs(…)` directly.
 */
import { api } from "../../functions/app";
import { scheduled } from "../../functions/scheduled";

export default { fetch: api.fetch, scheduled } satisfies ExportedHandler<Env>;
