/**
 * What a route needs beyond a live session, as middleware to put after `staffGuard` (every
 * `/api/staff/*` route is behind it):
 *
 *   .get("/submissions.csv", requireRole("admin"), requireRecentAuth(), handler)
 *   .delete("/submissions/:id", requireRole("admin"), requireRecentAuth(), handler)
 *
 * `requireRole("admin")` answers 403 `{ error: "forbidden", reason: "admin_only" }` to a staff
 * account; `requireRecentAuth()` answers 403 `{ error: "reauth_required" }` unless the session's
 * owner gave their password and a fresh code (`POST /api/staff/reauth`) in the last 5 minutes.
 */
import { createMiddleware } from "hono/factory";
import type { StaffRole } from "../../src/shared/staff-contract";
import { reauthUntil } from "../db/sessions";
import { sessionOf, type StaffEnv } from "./auth";

/** Only accounts with `role` pass. */
export function requireRole(role: StaffRole) {
  return createMiddleware<StaffEnv>(async (c, next) => {
    if (sessionOf(c).member.role !== role) {
      return c.json(
        {
          error: "forbidden" as const,
          reason: "admin_only" as const,
          message: "Only an admin of the staff desk can do this. Ask the clinic manager.",
        },
        403,
      );
    }
    await next();
  });
}

/** Only a session re-authenticated within the last 5 minutes passes. */
export function requireRecentAuth() {
  return createMiddleware<StaffEnv>(async (c, next) => {
    if (!reauthUntil(sessionOf(c), c.var.now)) {
      return c.json(
        {
          error: "reauth_required" as const,
          message: "Confirm it is you first: enter your password and a new code from your authenticator app.",
        },
        403,
      );
    }
    await next();
  });
}
