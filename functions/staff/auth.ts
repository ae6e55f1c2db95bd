/**
 * The staff desk's one gate. Every `/api/staff/*` request passes `staffGuard`: no caching,
 * Cloudflare Access (when configured; every request refused with 503 when half-configured),
 * same-origin for changes, and a live session for every route except the two sign-in steps.
 * Routes behind it read the session from `c.var.session`; `./roles.ts` adds what a route needs
 * beyond that (a role, a recent re-authentication).
 */
import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { isSameOrigin } from "../../src/shared/same-origin";
import { sha256Hex } from "../../src/shared/sha256";
import { staffCookies } from "../../src/shared/staff-contract";
import { findSession, type SessionLookup, type StaffSession } from "../db/sessions";
import type { Secrets } from "../env";
import type { FieldKeys } from "../field-crypto";
import { accessHeader, accessSetting, isValidAccessToken, type AccessVars } from "./access";

/** The Worker's bindings plus the optional Access settings (not in wrangler.toml). */
type StaffBindings = Env & Secrets & AccessVars;

export type StaffEnv = {
  Bindings: StaffBindings;
  Variables: {
    /** The request's clock, read once, so every check and timestamp in a request agrees. */
    now: Date;
    /** The signed-in staff member's session (absent only on the sign-in steps). */
    session: StaffSession | undefined;
    /** The field-encryption keys, on the routes that read or write what patients sent. */
    fieldKeys: FieldKeys;
  };
};

/** Routes a request without a session may reach. */
const openPaths = new Set(["/api/staff/login", "/api/staff/login/totp"]);

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** SHA-256 of a session token, hex: what D1 stores instead of the token. */
export const tokenHash = sha256Hex;

/** A fresh session token: 32 random bytes, base64url. */
export function newSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The client's address as Cloudflare reports it, for the audit log and session records. */
export function clientIp(c: Context): string {
  return c.req.header("cf-connecting-ip") ?? "unknown";
}

/** Clears the session, pending sign-in and search cookies. */
export function clearStaffCookies(c: Context): void {
  for (const cookie of [staffCookies.session, staffCookies.pending, staffCookies.search])
    deleteCookie(c, cookie.name, cookie.options);
}

/** The session of a route behind the gate (every route but sign-in has one). */
export function sessionOf(c: Context<StaffEnv>): StaffSession {
  const session = c.var.session;
  if (!session) throw new Error("staff route reached without a session");
  return session;
}

/** The gate in front of every staff route. */
export const staffGuard = createMiddleware<StaffEnv>(async (c, next) => {
  const now = new Date();
  c.set("now", now);
  const refuse = (status: 401 | 403 | 503, body: Record<string, string>) => {
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
    return c.json(body, status);
  };

  const access = accessSetting(c.env);
  if (access.status === "misconfigured") {
    // Only which setting is wrong: never a value, and nothing from the request.
    console.error(JSON.stringify({ event: "access_misconfigured", problems: access.problems }));
    return refuse(503, { error: "access_misconfigured" });
  }
  if (access.status === "on" && !(await isValidAccessToken(c.req.header(accessHeader), access.config))) {
    return refuse(403, {
      error: "access_required",
      message: "Open the staff desk through the clinic's Cloudflare Access sign-in.",
    });
  }

  if (UNSAFE_METHODS.has(c.req.method) && !isSameOrigin(c.req.raw)) {
    return refuse(403, {
      error: "cross_origin",
      message: "Changes are only accepted from the staff desk itself.",
    });
  }

  const token = getCookie(c, staffCookies.session.name);
  const lookup: SessionLookup = token
    ? await findSession(c.env.DB, await tokenHash(token), now)
    : { status: "missing" };
  if (lookup.status === "active") c.set("session", lookup.session);
  else if (!openPaths.has(c.req.path)) {
    // A stale session or a leftover search term (a patient's name) is cleared on the way out.
    if (token || getCookie(c, staffCookies.search.name) !== undefined) clearStaffCookies(c);
    return refuse(401, {
      error: "unauthorized",
      reason: lookup.status === "expired" ? "expired" : "signed_out",
    });
  }

  await next();
  c.res.headers.set("Cache-Control", "no-store");
  c.res.headers.set("X-Robots-Tag", "noindex");
});
