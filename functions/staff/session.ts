import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { z } from "zod";
import {
  endSession,
  findStaffAccount,
  recordSignInFailure,
  signInRetryAfter,
  startSession,
  writeAudit,
} from "../db/staff";
import {
  clearStaffCookies,
  clientIp,
  newSessionToken,
  sessionCookie,
  tokenHash,
  type StaffEnv,
} from "./auth";
import { parseJsonBody } from "./body";
import { verifyPassword } from "./password";

/** The one answer to any wrong email, wrong password or disabled account: it reveals none of them. */
export const signInRefused = "That email and password do not match an active staff account.";

const signInBody = z.object(
  {
    email: z
      .string({ error: "Enter your email address." })
      .trim()
      .min(1, { error: "Enter your email address." })
      .max(254, { error: "Enter an email address of at most 254 characters." }),
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

/**
 * `POST /api/staff/login` `{ email, password }` → 200 and the session cookie; 401 with one
 * generic message; 429 with Retry-After after too many failures. `POST /api/staff/logout` ends the
 * session. `GET /api/staff/me` → who is signed in and until when.
 */
export const staffSession = new Hono<StaffEnv>()
  .post("/login", async (c) => {
    const body = await parseJsonBody(c, signInBody);
    if (!body.ok) return body.response;
    const email = body.data.email.toLowerCase();
    const ip = clientIp(c);
    const now = c.var.now;
    const db = c.env.DB;

    const account = await findStaffAccount(db, email);
    const actor = account?.member.email ?? "unknown";
    const retryAfter = await signInRetryAfter(db, { email, ip, now });
    if (retryAfter > 0) {
      await writeAudit(db, {
        at: now.toISOString(),
        actor,
        action: "sign_in_throttled",
        detail: { ip },
      });
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
    const matches = await verifyPassword(body.data.password, account?.passwordHash ?? null);
    if (!account || account.disabled || !matches) {
      const reason = !account ? "unknown_email" : !matches ? "wrong_password" : "account_disabled";
      await recordSignInFailure(db, { email, ip, actor, reason, now });
      return c.json({ error: "invalid_credentials", message: signInRefused }, 401);
    }

    const token = newSessionToken();
    const session = await startSession(db, {
      member: account.member,
      tokenHash: await tokenHash(token),
      ip,
      now,
    });
    setCookie(c, sessionCookie, token, { path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
    return c.json({
      name: session.member.name,
      email: session.member.email,
      idleExpiresAt: session.idleExpiresAt,
      expiresAt: session.expiresAt,
    });
  })
  .post("/logout", async (c) => {
    await endSession(c.env.DB, c.var.session, { ip: clientIp(c), now: c.var.now });
    clearStaffCookies(c);
    return c.json({ signedOut: true });
  })
  .get("/me", (c) => {
    const { member, idleExpiresAt, expiresAt } = c.var.session;
    return c.json({ id: member.id, email: member.email, name: member.name, idleExpiresAt, expiresAt });
  });
