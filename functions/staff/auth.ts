/**
 * The staff desk's one gate. Every `/api/staff/*` request passes `staffGuard`: no caching,
 * Cloudflare Access (when configured; every request refused with 503 when half-configured),
 * same-origin for changes, and a live session for every route except sign-in. Routes behind it
 * read the session from `c.var.session`.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { findSession, type SessionLookup, type StaffSession } from "../db/staff";
import { accessHeader, accessSetting, isValidAccessToken, type AccessVars } from "./access";

/** The Worker's bindings plus the optional Access settings (not in wrangler.toml). */
export type StaffBindings = Env & AccessVars;

export type StaffEnv = {
  Bindings: StaffBindings;
  Variables: {
    /** The request's clock, read once, so every check and timestamp in a request agrees. */
    now: Date;
    /** The signed-in staff member's session (absent only on the sign-in route). */
    session: StaffSession;
  };
};

/** The session cookie: `__Host-` pins it to this host, HTTPS and path `/`. */
export const sessionCookie = "__Host-session";

/** The queue page's search term: a name, so it travels in this cookie, never in a web address. */
export const searchCookie = "__Secure-staff-search";
export const searchCookiePath = "/staff";

/** Routes a request without a session may reach. */
const signInPaths = new Set(["/api/staff/login"]);

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** SHA-256 of a session token, hex: what D1 stores instead of the token. */
export async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A fresh session token: 32 random bytes, base64url. */
export function newSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The client's IP as Cloudflare reports it, for throttling and the audit log. */
export function clientIp(c: Context): string {
  return c.req.header("cf-connecting-ip") ?? "unknown";
}

/** Clears the session and search cookies. */
export function clearStaffCookies(c: Context): void {
  deleteCookie(c, sessionCookie, { path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
  deleteCookie(c, searchCookie, { path: searchCookiePath, secure: true, httpOnly: true, sameSite: "Strict" });
}

// A cross-site page cannot make a browser send a matching Origin, nor `Sec-Fetch-Site: same-origin`.
function isSameOrigin(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin !== undefined && origin === new URL(c.req.url).origin) return true;
  return c.req.header("sec-fetch-site") === "same-origin";
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

  if (UNSAFE_METHODS.has(c.req.method) && !isSameOrigin(c)) {
    return refuse(403, {
      error: "cross_origin",
      message: "Changes are only accepted from the staff desk itself.",
    });
  }

  if (!signInPaths.has(c.req.path)) {
    const token = getCookie(c, sessionCookie);
    const lookup: SessionLookup = token
      ? await findSession(c.env.DB, await tokenHash(token), now)
      : { status: "missing" };
    if (lookup.status !== "active") {
      if (token) clearStaffCookies(c);
      return refuse(401, {
        error: "unauthorized",
        reason: lookup.status === "expired" ? "expired" : "signed_out",
      });
    }
    c.set("session", lookup.session);
  }

  await next();
  c.res.headers.set("Cache-Control", "no-store");
  c.res.headers.set("X-Robots-Tag", "noindex");
});
