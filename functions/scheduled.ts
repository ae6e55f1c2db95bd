import { clinic } from "../src/shared/clinic";
import { purgeExpired } from "./db/deletion";
import { purgeExpiredEstimates } from "./db/good-faith-estimates";
import { sweepOrphanScans } from "./scans";

/** A run deletes at most this many batches; the next day's run takes what is left. */
const maxRounds = 10;

/**
 * The daily Cron Trigger (wrangler.toml `[triggers]`): deletes every submission past the clinic's
 * retention period (`clinic.retentionYears` after its last activity), with its notes, and every
 * issued Good Faith Estimate past `clinic.estimateRetentionYears` after it was issued; each
 * deletion and each run audited. Signed prescriptions go with their submissions; the job also
 * deletes any scan object an interrupted upload left without a submission.
 */
export async function runDailyJobs(
  env: Env,
  now: Date,
): Promise<{ deleted: number; estimatesDeleted: number; orphanScansDeleted: number }> {
  let deleted = 0;
  for (let round = 0; round < maxRounds; round++) {
    const run = await purgeExpired(env.DB, { now, retentionYears: clinic.retentionYears, scans: env.SCANS });
    deleted += run.deleted;
    if (!run.more) break;
  }
  let estimatesDeleted = 0;
  for (let round = 0; round < maxRounds; round++) {
    const run = await purgeExpiredEstimates(env.DB, { now, retentionYears: clinic.estimateRetentionYears });
    estimatesDeleted += run.deleted;
    if (!run.more) break;
  }
  const orphanScansDeleted = await sweepOrphanScans(env, now);
  return { deleted, estimatesDeleted, orphanScansDeleted };
}

/** The Worker's `scheduled` handler. */
export const scheduled: ExportedHandlerScheduledHandler<Env> = (controller, env, ctx) => {
  ctx.waitUntil(runDailyJobs(env, new Date(controller.scheduledTime)));
};
