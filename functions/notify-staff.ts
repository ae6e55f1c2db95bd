/**
 * Tells the clinic's staff by email that a new submission is waiting on the staff desk. The email
 * says only that and links to /staff: no name, date, code, kind or reference (an inbox is not a
 * place for health data). At most one email per 10 minutes, however many arrive; a failed send
 * never fails the submission.
 */
import { waitUntil } from "cloudflare:workers";
import { claimStaffNotification, releaseStaffNotification } from "./db/staff-notification";
import type { AppEnv } from "./env";

/** The shortest time between two emails. */
export const staffNotifyIntervalMs = 10 * 60_000;

/** The addresses in `STAFF_NOTIFY_TO` (comma-separated), without blanks. */
function recipients(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter((address) => address !== "");
}

/**
 * The site's origin for the link: Astro's `site` (SITE_URL at build time) in the deployed Worker;
 * the request's own origin where there is no build (the Workers tests).
 */
function siteOrigin(requestUrl: string): string {
  const site = (import.meta as { env?: { SITE?: string } }).env?.SITE;
  return new URL(site ?? requestUrl).origin;
}

/** The whole email: the same words every time, whatever was sent. */
function staffNotice(staffUrl: string): { subject: string; text: string } {
  return {
    subject: "A new form is waiting on the staff desk",
    text: [
      "A new form was sent through the clinic's website.",
      "",
      `Sign in to the staff desk to see it: ${staffUrl}`,
      "",
      "This email has no patient details, on purpose. We send at most one such email every",
      "10 minutes, so more than one form may be waiting.",
      "",
    ].join("\n"),
  };
}

/** What the notification needs from a Hono context (any sub-app's). */
interface RequestContext {
  env: AppEnv["Bindings"];
  req: { url: string };
  /** Hono's getter throws when the app was called without one. */
  executionCtx: { waitUntil(promise: Promise<unknown>): void };
}

async function send(c: RequestContext, to: string[], from: string): Promise<void> {
  const now = new Date();
  if (!(await claimStaffNotification(c.env.DB, now, staffNotifyIntervalMs))) return;
  try {
    await c.env.EMAIL.send({ from, to, ...staffNotice(new URL("/staff", siteOrigin(c.req.url)).href) });
  } catch (error) {
    await releaseStaffNotification(c.env.DB, now);
    throw error;
  }
}

/**
 * After a new submission is stored: emails `STAFF_NOTIFY_TO` from `STAFF_NOTIFY_FROM` (both
 * unset: nothing is sent) after the answer, in `waitUntil`. A failure is logged, without the
 * submission's contents (the email never holds them).
 */
export function notifyStaff(c: RequestContext): void {
  const to = recipients(c.env.STAFF_NOTIFY_TO);
  const from = c.env.STAFF_NOTIFY_FROM?.trim();
  if (to.length === 0 || !from || !c.env.EMAIL) return;
  const task = send(c, to, from).catch((error: unknown) => {
    console.error(
      "The staff notification email was not sent:",
      error instanceof Error ? error.message : error,
    );
  });
  try {
    c.executionCtx.waitUntil(task);
  } catch {
    // No execution context: the form page's in-process call. The request's own waitUntil keeps it.
    waitUntil(task);
  }
}
