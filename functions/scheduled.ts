import { clinic } from "../src/shared/clinic";
import { purgeExpired } from "./db/deletion";

/** A run deletes at most this many batches; the next day's run takes what is left. */
const maxRounds = 10;

/**
 * The daily Cron Trigger (wrangler.toml `[triggers]`): deletes every submission past the clinic's
 * retention period (`clinic.retentionYears` after its last activity), with its notes, each
 * deletion and the run itself audited.
 */
export async function runDailyJobs(env: Env, now: Date): Promise<{ deleted: number }> {
  let deleted = 0;
  for (let round = 0; round < maxRounds; round++) {
    const run = await purgeExpired(env.DB, { now, retentionYears: clinic.retentionYears });
    deleted += run.deleted;
    if (!run.more) break;
  }
  return { deleted };
}

/** The Worker's `scheduled` handler. */
export const scheduled: ExportedHandlerScheduledHandler<Env> = (controller, env, ctx) => {
  ctx.waitUntil(runDailyJobs(env, new Date(controller.scheduledTime)));
};
