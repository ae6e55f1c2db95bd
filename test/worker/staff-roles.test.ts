/** Roles, re-authentication before export (and deletion), and the account routes. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AccountPage, StaffMe } from "../../src/shared/staff-contract";
import { staffPassword } from "../fixtures/staff";
import {
  codeAt,
  createStaff,
  freshCode,
  reauth,
  signIn,
  signInAsAdmin,
  signInSteps,
  staffRequest,
  submitPrescription,
} from "./staff-helpers";

const csv = "/api/staff/submissions.csv";

async function actions(actor: string) {
  const { results } = await env.DB.prepare(
    "SELECT action, detail FROM audit_log WHERE actor = ?1 AND submission_id IS NULL ORDER BY id",
  )
    .bind(actor)
    .all<{ action: string; detail: string | null }>();
  return results;
}

describe("roles", () => {
  it("a staff account gets 403 admin_only on the CSV export, even re-authenticated", async () => {
    const { cookie, email } = await signIn();
    expect((await reauth(cookie, email)).status).toBe(200);
    const res = await staffRequest(csv, cookie);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "forbidden", reason: "admin_only" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    const me = await (await staffRequest("/api/staff/me", cookie)).json<StaffMe>();
    expect(me.role).toBe("staff");
  });

  it("deleting a submission is for admins who re-authenticated in the last 5 minutes", async () => {
    const { id, reference } = await submitPrescription();
    const remove = (cookie: string) =>
      staffRequest(`/api/staff/submissions/${id}`, cookie, {
        method: "DELETE",
        body: { reason: "spam", confirmReference: reference },
      });
    const staff = await signIn();
    expect((await reauth(staff.cookie, staff.email)).status).toBe(200);
    const asStaff = await remove(staff.cookie);
    expect(asStaff.status).toBe(403);
    expect(await asStaff.json()).toMatchObject({ error: "forbidden", reason: "admin_only" });

    const admin = await signIn(await createStaff({ role: "admin" }));
    const stale = await remove(admin.cookie);
    expect(stale.status).toBe(403);
    expect(await stale.json()).toMatchObject({ error: "reauth_required" });
    expect((await reauth(admin.cookie, admin.email)).status).toBe(200);
    const res = await remove(admin.cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ deleted: true, reference });
  });
});

describe("re-authentication (POST /api/staff/reauth)", () => {
  it("an admin must give the password and a fresh code before exporting; it lasts 5 minutes", async () => {
    const account = await createStaff({ role: "admin" });
    const { cookie, token } = await signIn(account);
    const before = await staffRequest(csv, cookie);
    expect(before.status).toBe(403);
    expect(await before.json()).toEqual({
      error: "reauth_required",
      message: expect.stringMatching(/password and a new code/),
    });

    const res = await reauth(cookie, account.email);
    expect(res.status).toBe(200);
    const { reauthUntil } = await res.json<{ reauthUntil: string }>();
    expect(Date.parse(reauthUntil) - Date.now()).toBeGreaterThan(4.9 * 60_000);
    expect(Date.parse(reauthUntil) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const me = await (await staffRequest("/api/staff/me", cookie)).json<StaffMe>();
    expect(me).toMatchObject({ role: "admin", reauthUntil });
    expect((await staffRequest(csv, cookie)).status).toBe(200);

    // Six minutes later it no longer counts.
    const hash = (await env.DB.prepare("SELECT token_hash FROM staff_sessions WHERE staff_id = ?1")
      .bind(account.id)
      .first<{ token_hash: string }>())!.token_hash;
    expect(hash).not.toBe(token);
    await env.DB.prepare("UPDATE staff_sessions SET reauth_at = ?2 WHERE token_hash = ?1")
      .bind(hash, new Date(Date.now() - 6 * 60_000).toISOString())
      .run();
    expect((await staffRequest(csv, cookie)).status).toBe(403);
    expect((await (await staffRequest("/api/staff/me", cookie)).json<StaffMe>()).reauthUntil).toBeNull();
    expect((await actions(account.email)).map((r) => r.action)).toContain("reauthenticated");
  });

  it("is per session: re-authenticating in one browser does not open export in another", async () => {
    const account = await createStaff({ role: "admin" });
    const one = await signIn(account);
    const two = await signIn(account);
    expect((await reauth(one.cookie, account.email)).status).toBe(200);
    expect((await staffRequest(csv, one.cookie)).status).toBe(200);
    expect((await staffRequest(csv, two.cookie)).status).toBe(403);
  });

  it("refuses a wrong password, a wrong or replayed code (401, audited, counted), and needs a session", async () => {
    const account = await createStaff({ role: "admin" });
    const { cookie } = await signIn(account);
    const wrongPassword = await reauth(cookie, account.email, {
      password: "not the password",
      code: await freshCode(account.email),
    });
    expect(wrongPassword.status).toBe(401);
    expect(await wrongPassword.json()).toMatchObject({ error: "invalid_credentials" });
    const old = codeAt(new Date(Date.now() - 5 * 60_000));
    expect((await reauth(cookie, account.email, { password: staffPassword, code: old })).status).toBe(401);
    const code = await freshCode(account.email);
    expect((await reauth(cookie, account.email, { password: staffPassword, code })).status).toBe(200);
    expect((await reauth(cookie, account.email, { password: staffPassword, code })).status).toBe(401);
    const failed = (await actions(account.email)).filter((r) => r.action === "reauth_failed");
    expect(failed.map((r) => JSON.parse(r.detail!).reason)).toEqual([
      "wrong_password",
      "wrong_code",
      "replayed_code",
    ]);
    expect(JSON.stringify(failed)).not.toContain("not the password");
    const signedOut = await staffRequest("/api/staff/reauth", undefined, {
      method: "POST",
      body: { password: staffPassword, code: codeAt() },
    });
    expect(signedOut.status).toBe(401);
  });
});

describe("/api/staff/account", () => {
  it("lists your live sessions with their device, marks this one, and signs out the others", async () => {
    const account = await createStaff();
    const phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1";
    const other = await signInSteps(account, { headers: { "User-Agent": phone } });
    const { cookie } = await signIn(account);
    const page = await (await staffRequest("/api/staff/account", cookie)).json<AccountPage>();
    expect(page.accounts).toBeNull();
    expect(page.sessions).toHaveLength(2);
    expect(page.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(page.sessions.find((s) => !s.current)?.userAgent).toBe(phone);

    const res = await staffRequest("/api/staff/sessions/sign-out-others", cookie, { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ended: 1 });
    expect((await staffRequest("/api/staff/me", other.cookie!)).status).toBe(401);
    expect((await staffRequest("/api/staff/me", cookie)).status).toBe(200);
    const audit = (await actions(account.email)).find((r) => r.action === "signed_out_other_sessions");
    expect(JSON.parse(audit!.detail!)).toMatchObject({ count: 1 });
  });

  it("admins see every account with its role and last sign-in, and can disable another one", async () => {
    const admin = await signInAsAdmin();
    const member = await createStaff({ name: "Pat Member" });
    const memberSession = await signIn(member);
    const page = await (await staffRequest("/api/staff/account", admin.cookie)).json<AccountPage>();
    const row = page.accounts!.find((a) => a.id === member.id);
    expect(row).toMatchObject({ role: "staff", disabledAt: null, enrolled: true, name: "Pat Member" });
    expect(Date.now() - Date.parse(row!.lastSignInAt!)).toBeLessThan(60_000);

    const asStaff = await staffRequest(`/api/staff/accounts/${admin.id}/disable`, memberSession.cookie, {
      method: "POST",
    });
    expect(asStaff.status).toBe(403);
    const self = await staffRequest(`/api/staff/accounts/${admin.id}/disable`, admin.cookie, {
      method: "POST",
    });
    expect(self.status).toBe(409);
    const res = await staffRequest(`/api/staff/accounts/${member.id}/disable`, admin.cookie, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    expect((await staffRequest("/api/staff/me", memberSession.cookie)).status).toBe(401);
    const again = await staffRequest(`/api/staff/accounts/${member.id}/disable`, admin.cookie, {
      method: "POST",
    });
    expect(again.status).toBe(404);
    expect(
      (await staffRequest("/api/staff/accounts/99999/disable", admin.cookie, { method: "POST" })).status,
    ).toBe(404);
    const audit = (await actions(admin.email)).filter((r) => r.action === "staff_account_disabled");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ email: member.email });
  });
});
