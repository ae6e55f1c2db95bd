/**
 * What the sign-in steps and re-authentication share: the per-client request limit, the throttle's
 * 429 answer, and the check of a second factor (a TOTP code accepted once, or a recovery code
 * used once), with its audit rows.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { requestClientKey } from "../client-key";
import { acceptTotpStep, useRecoveryCode, type StaffAccount } from "../db/accounts";
import { writeAudit } from "../db/audit";
import type { StaffEnv } from "./auth";
import { matchTotpStep, readSecondFactor, recoveryCodeHash } from "./second-factor";
import { safeText } from "../validate";

function minutes(seconds: number): string {
  const n = Math.ceil(seconds / 60);
  return n === 1 ? "1 minute" : `${n} minutes`;
}

/** The 429 of every throttle: `Retry-After` in seconds, and the wait in words. */
export function tooManyAttempts(c: Context<StaffEnv>, retryAfter: number, message?: string) {
  c.header("Retry-After", String(retryAfter));
  return c.json(
    {
      error: "too_many_attempts" as const,
      message: message ?? `Too many failed sign-ins. Wait ${minutes(retryAfter)}, then try again.`,
      retryAfter,
    },
    429,
  );
}

/** The `LOGIN_LIMIT` binding's window (wrangler.toml: 10 requests a minute per client). */
const loginLimitPeriodSeconds = 60;

/**
 * Ten sign-in, code and re-authentication requests a minute per client (the `LOGIN_LIMIT`
 * binding), before any parsing or D1 work.
 */
export const loginLimit = createMiddleware<StaffEnv>(async (c, next) => {
  const { success } = await c.env.LOGIN_LIMIT.limit({ key: `login:${requestClientKey(c)}` });
  if (!success) {
    return tooManyAttempts(
      c,
      loginLimitPeriodSeconds,
      "Too many sign-in attempts from this network. Wait 1 minute, then try again.",
    );
  }
  await next();
});

const codeMessage = "Enter the 6-digit code from your authenticator app, or one of your recovery codes.";

/** The second factor as typed: 6 digits, or a recovery code (checked for its form only). */
export const codeField = z
  .string({ error: codeMessage })
  .refine((text) => text.length <= 40 && safeText(text) && readSecondFactor(text) !== null, {
    error: codeMessage,
  });

type FactorCheck =
  | { ok: true; factor: "totp" | "recovery_code" }
  | { ok: false; reason: "wrong_code" | "replayed_code" | "wrong_recovery_code" };

/**
 * Checks `typed` against the account: a TOTP code within ±1 step of `now` whose step is later
 * than the last accepted one (then it becomes the last accepted one), or an unused recovery code
 * (then it is used up, and the use audited with how many are left).
 */
export async function checkSecondFactor(
  db: D1Database,
  account: StaffAccount,
  typed: string,
  context: { ip: string; now: Date },
): Promise<FactorCheck> {
  const input = readSecondFactor(typed);
  if (!input || !account.totpSecret) return { ok: false, reason: "wrong_code" };
  if (input.kind === "totp") {
    const step = matchTotpStep(account.totpSecret, input.code, context.now);
    if (step === null) return { ok: false, reason: "wrong_code" };
    if (!(await acceptTotpStep(db, account.member.id, step))) return { ok: false, reason: "replayed_code" };
    return { ok: true, factor: "totp" };
  }
  const used = await useRecoveryCode(db, {
    staffId: account.member.id,
    codeHash: await recoveryCodeHash(input.code),
    now: context.now,
  });
  if (!used) return { ok: false, reason: "wrong_recovery_code" };
  await writeAudit(db, {
    at: context.now.toISOString(),
    actor: account.member.email,
    action: "recovery_code_used",
    detail: { ip: context.ip, left: used.left },
  });
  return { ok: true, factor: "recovery_code" };
}
