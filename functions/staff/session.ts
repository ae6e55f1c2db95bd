import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { staffCookies, type SignInNext, type StaffMe } from "../../src/shared/staff-contract";
import { requestClientKey } from "../client-key";
import { accountById } from "../db/accounts";
import { writeAudit } from "../db/audit";
import { findPending, startPending } from "../db/pending";
import { endSession, markReauthenticated, reauthUntil, startSession } from "../db/sessions";
import { beginAttempt } from "../db/throttle";
import { checkSecondFactor, codeField, loginLimit, tooManyAttempts } from "./attempts";
import { clearStaffCookies, clientIp, newSessionToken, sessionOf, tokenHash, type StaffEnv } from "./auth";
import { verifyPassword } from "./password";
import { requireJson, safeText, valid } from "../validate";

/** The one answer to any wrong email, wrong password or disabled account: it reveals none of them. */
export const signInRefused = "That email and password do not match an active staff account.";

/** The answer to a wrong, reused or unknown code. */
export const codeRefused =
  "That code is not right, or it was already used. Enter the newest code from your authenticator app.";

const passwordField = z
  .string({ error: "Enter your password." })
  .min(1, { error: "Enter your password." })
  .max(1024, { error: "Enter a password of at most 1,024 characters." });

const signInBody = z.object(
  {
    email: z
      .string({ error: "Enter your email address." })
      .trim()
      .min(1, { error: "Enter your email address." })
      .max(254, { error: "Enter an email address of at most 254 characters." })
      .refine(safeText, { error: "Enter your email address without invisible or control characters." }),
    password: passwordField,
  },
  { error: "Send your email address and password." },
);

const codeBody = z.object({ code: codeField }, { error: "Send the code from your authenticator app." });

const reauthBody = z.object(
  { password: passwordField, code: codeField },
  { error: "Send your password and the code from your authenticator app." },
);

/**
 * Sign-in in two steps, and re-authentication (each attempt throttled by `beginAttempt`, each
 * request by `LOGIN_LIMIT`; every throttle answers 429 with Retry-After):
 *
 * - `POST /api/staff/login` `{ email, password }` → 200 `{ next: "totp" }` and the pending cookie
 *   (5 minutes; no session yet); 401 with one generic message; 403 `enrolment_required` for an
 *   account without two-step sign-in.
 * - `POST /api/staff/login/totp` `{ code }` (6 digits or a recovery code) → 200 and the session
 *   cookie; 401 `invalid_code` (counted as a failed sign-in) or `sign_in_expired`.
 * - `POST /api/staff/reauth` `{ password, code }` → 200 `{ reauthUntil }`: export and deletion
 *   work for 5 minutes.
 * - `POST /api/staff/logout` ends the session; `GET /api/staff/me` → who is signed in.
 */
export const staffSession = new Hono<StaffEnv>()
  .post("/login", loginLimit, requireJson, valid("json", signInBody), async (c) => {
    const ip = clientIp(c);
    const body = c.req.valid("json");
    const email = body.email.toLowerCase();
    const now = c.var.now;
    const db = c.env.DB;

    // The attempt is counted before the password is checked, so parallel guesses cannot all pass.
    const attempt = await beginAttempt(db, { email, client: requestClientKey(c), now });
    if (attempt.status === "throttled") return tooManyAttempts(c, attempt.retryAfter);

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
      return c.json({ error: "invalid_credentials" as const, message: signInRefused }, 401);
    }
    if (!account.totpSecret) {
      await writeAudit(db, {
        at: now.toISOString(),
        actor: account.member.email,
        action: "sign_in_failed",
        detail: { reason: "not_enrolled", ip },
      });
      return c.json(
        {
          error: "enrolment_required" as const,
          message:
            "Two-step sign-in is not set up for this account yet. Ask the person who manages staff accounts to set it up.",
        },
        403,
      );
    }

    const token = newSessionToken();
    await startPending(db, {
      staffId: account.member.id,
      email: account.member.email,
      tokenHash: await tokenHash(token),
      attemptId: attempt.attemptId,
      ip,
      now,
    });
    setCookie(c, staffCookies.pending.name, token, staffCookies.pending.options);
    return c.json({ next: "totp" } satisfies SignInNext);
  })
  .post("/login/totp", loginLimit, requireJson, valid("json", codeBody), async (c) => {
    const ip = clientIp(c);
    const client = requestClientKey(c);
    const now = c.var.now;
    const db = c.env.DB;
    const pendingToken = getCookie(c, staffCookies.pending.name);
    const pendingHash = pendingToken ? await tokenHash(pendingToken) : undefined;
    const staffId = pendingHash ? await findPending(db, pendingHash, now) : null;
    const account = staffId !== null ? await accountById(db, staffId) : null;
    if (!pendingHash || !account || account.disabled) {
      deleteCookie(c, staffCookies.pending.name, staffCookies.pending.options);
      return c.json(
        {
          error: "sign_in_expired" as const,
          message: "Your sign-in took longer than 5 minutes. Enter your email and password again.",
        },
        401,
      );
    }

    const attempt = await beginAttempt(db, { email: account.member.email, client, now });
    if (attempt.status === "throttled") return tooManyAttempts(c, attempt.retryAfter);
    const check = await checkSecondFactor(db, account, c.req.valid("json").code, { ip, now });
    if (!check.ok) {
      await writeAudit(db, {
        at: now.toISOString(),
        actor: account.member.email,
        action: "sign_in_code_failed",
        detail: { reason: check.reason, ip },
      });
      return c.json({ error: "invalid_code" as const, message: codeRefused }, 401);
    }

    const token = newSessionToken();
    const session = await startSession(db, {
      member: account.member,
      tokenHash: await tokenHash(token),
      pendingTokenHash: pendingHash,
      ip,
      client,
      userAgent: c.req.header("user-agent"),
      factor: check.factor,
      attemptId: attempt.attemptId,
      now,
    });
    deleteCookie(c, staffCookies.pending.name, staffCookies.pending.options);
    setCookie(c, staffCookies.session.name, token, staffCookies.session.options);
    return c.json({
      name: session.member.name,
      email: session.member.email,
      role: session.member.role,
      idleExpiresAt: session.idleExpiresAt,
      expiresAt: session.expiresAt,
    });
  })
  .post("/reauth", loginLimit, requireJson, valid("json", reauthBody), async (c) => {
    const session = sessionOf(c);
    const ip = clientIp(c);
    const client = requestClientKey(c);
    const now = c.var.now;
    const db = c.env.DB;
    const body = c.req.valid("json");

    const attempt = await beginAttempt(db, { email: session.member.email, client, now });
    if (attempt.status === "throttled") return tooManyAttempts(c, attempt.retryAfter);
    const account = await accountById(db, session.member.id);
    // A wrong password never reaches the code check, so it cannot use up the owner's code.
    const passwordOk = await verifyPassword(body.password, account?.passwordHash ?? null);
    const check = account && passwordOk ? await checkSecondFactor(db, account, body.code, { ip, now }) : null;
    if (!check?.ok) {
      await writeAudit(db, {
        at: now.toISOString(),
        actor: session.member.email,
        action: "reauth_failed",
        detail: { reason: check ? check.reason : "wrong_password", ip },
      });
      return c.json(
        {
          error: "invalid_credentials" as const,
          message: "That password or code is not right. Check both and try again.",
        },
        401,
      );
    }
    const until = await markReauthenticated(db, session, {
      ip,
      client,
      attemptId: attempt.attemptId,
      factor: check.factor,
      now,
    });
    return c.json({ reauthUntil: until });
  })
  .post("/logout", async (c) => {
    await endSession(c.env.DB, sessionOf(c), { ip: clientIp(c), now: c.var.now });
    clearStaffCookies(c);
    return c.json({ signedOut: true });
  })
  .get("/me", (c) => {
    const session = sessionOf(c);
    const { member, idleExpiresAt, expiresAt } = session;
    const me: StaffMe = {
      id: member.id,
      email: member.email,
      name: member.name,
      role: member.role,
      idleExpiresAt,
      expiresAt,
      reauthUntil: reauthUntil(session, c.var.now),
    };
    return c.json(me);
  });
