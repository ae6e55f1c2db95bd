import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { staffCookies, type StaffMe } from "../../src/shared/staff-contract";
import { requestClientKey } from "../client-key";
import { writeAudit } from "../db/audit";
import { endSession, startSession } from "../db/sessions";
import { beginSignIn } from "../db/throttle";
import { clearStaffCookies, clientIp, newSessionToken, sessionOf, tokenHash, type StaffEnv } from "./auth";
import { verifyPassword } from "./password";
import { requireJson, safeText, valid } from "../validate";

/** The one answer to any wrong email, wrong password or disabled account: it reveals none of them. */
export const signInRefused = "That email and password do not match an active staff account.";

const signInBody = z.object(
  {
    email: z
      .string({ error: "Enter your email address." })
      .trim()
      .min(1, { error: "Enter your email address." })
      .max(254, { error: "Enter an email address of at most 254 characters." })
      .refine(safeText, { error: "Enter your email address without invisible or control characters." }),
    password: z
      .string({ error: "Enter your password." })
      .min(1, { error: "Enter your password." })
      .max(1024, { error: "Enter a password of at most 1,024 characters." }),
  },
  { error: "Send your email address and password." },
);

function minutes(seconds: number): string {
  const n = Math.ceil(seconds / 60);
  return n === 1 ? "1 minute" : `${n} minutes`;
}

/** The `LOGIN_LIMIT` binding's window (wrangler.toml: 10 sign-in requests a minute per client). */
const loginLimitPeriodSeconds = 60;

/** Ten sign-in requests a minute per client (the `LOGIN_LIMIT` binding), before any parsing or D1 work. */
const loginLimit = createMiddleware<StaffEnv>(async (c, next) => {
  const { success } = await c.env.LOGIN_LIMIT.limit({ key: `login:${requestClientKey(c)}` });
  if (!success) {
    c.header("Retry-After", String(loginLimitPeriodSeconds));
    return c.json(
      {
        error: "too_many_attempts",
        message: "Too many sign-in attempts from this network. Wait 1 minute, then try again.",
        retryAfter: loginLimitPeriodSeconds,
      },
      429,
    );
  }
  await next();
});

/**
 * `POST /api/staff/login` `{ email, password }` → 200 and the session cookie; 401 with one
 * generic message; 429 with Retry-After after too many attempts from one client (the
 * `LOGIN_LIMIT` binding, before any D1 work) or too many failures. `POST /api/staff/logout` ends
 * the session and clears the staff cookies. `GET /api/staff/me` → who is signed in and until when.
 */
export const staffSession = new Hono<StaffEnv>()
  .post("/login", loginLimit, requireJson, valid("json", signInBody), async (c) => {
    const ip = clientIp(c);
    const client = requestClientKey(c);
    const body = c.req.valid("json");
    const email = body.email.toLowerCase();
    const now = c.var.now;
    const db = c.env.DB;

    // The attempt is counted before the password is checked, so parallel guesses cannot all pass.
    const attempt = await beginSignIn(db, { email, client, now });
    if (attempt.status === "throttled") {
      const { retryAfter } = attempt;
      c.header("Retry-After", String(retryAfter));
      return c.json(
        {
          error: "too_many_attempts",
          message: `Too many failed sign-ins. Wait ${minutes(retryAfter)}, then try again.`,
          retryAfter,
        },
        429,
      );
    }

    // The password is checked even for an unknown or disabled account, so timing tells nothing.
    const { account } = attempt;
    const matches = await verifyPassword(body.password, account?.passwordHash ?? null);
    if (!account || account.disabled || !matches) {
      const reason = !account ? "unknown_email" : !matches ? "wrong_password" : "account_disabled";
      // The attempt's row stays in sign_in_failures: it is this failure.
      await writeAudit(db, {
        at: now.toISOString(),
        actor: account?.member.email ?? "unknown",
        action: "sign_in_failed",
        detail: { reason, ip },
      });
      return c.json({ error: "invalid_credentials", message: signInRefused }, 401);
    }

    const token = newSessionToken();
    const session = await startSession(db, {
      member: account.member,
      tokenHash: await tokenHash(token),
      ip,
      now,
      attemptId: attempt.attemptId,
    });
    setCookie(c, staffCookies.session.name, token, staffCookies.session.options);
    return c.json({
      name: session.member.name,
      email: session.member.email,
      idleExpiresAt: session.idleExpiresAt,
      expiresAt: session.expiresAt,
    });
  })
  .post("/logout", async (c) => {
    await endSession(c.env.DB, sessionOf(c), { ip: clientIp(c), now: c.var.now });
    clearStaffCookies(c);
    return c.json({ signedOut: true });
  })
  .get("/me", (c) => {
    const { member, idleExpiresAt, expiresAt } = sessionOf(c);
    const me: StaffMe = { id: member.id, email: member.email, name: member.name, idleExpiresAt, expiresAt };
    return c.json(me);
  });
