import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { findSession, sessionLimits } from "../../functions/db/sessions";
import { tokenHash } from "../../functions/staff/auth";
import { signInRefused } from "../../functions/staff/session";
import { staffPassword } from "../fixtures/staff";
import {
  createStaff,
  freshCode,
  freshIp,
  origin,
  pendingCookie,
  postCode,
  postLogin,
  sessionToken,
  signIn,
  staffRequest,
} from "./staff-helpers";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

async function auditRows(actor: string) {
  const { results } = await env.DB.prepare(
    "SELECT action, detail FROM audit_log WHERE actor = ?1 AND submission_id IS NULL ORDER BY id",
  )
    .bind(actor)
    .all<{ action: string; detail: string | null }>();
  return results;
}

/** Every staff route the app serves, from Hono's own route list (middleware excluded). */
function staffRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return api.routes
    .filter((r) => r.path.startsWith("/api/staff/") && r.method !== "ALL" && !r.path.includes("*"))
    .map((r) => ({ method: r.method, path: r.path.replace(/:id(\{[^/]*\})?/g, "1") }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

describe("the staff gate", () => {
  it("refuses every staff route but the sign-in steps with 401 and no-store when there is no session", async () => {
    const routes = staffRoutes().filter(
      (r) => !["/api/staff/login", "/api/staff/login/totp"].includes(r.path),
    );
    // New routes join this list by themselves; these are the ones the desk has today.
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        "GET /api/staff/me",
        "GET /api/staff/submissions",
        "GET /api/staff/submissions.csv",
        "GET /api/staff/submissions/1",
        "PATCH /api/staff/submissions/1",
        "POST /api/staff/logout",
        "POST /api/staff/reauth",
        "GET /api/staff/account",
        "POST /api/staff/sessions/sign-out-others",
        "POST /api/staff/accounts/1/disable",
        "POST /api/staff/submissions/1/notes",
        "POST /api/staff/submissions/1/visits",
      ]),
    );
    for (const route of routes) {
      for (const cookie of [undefined, "__Host-session=forged-token-value"]) {
        const res = await staffRequest(route.path, cookie, {
          method: route.method,
          body: route.method === "GET" ? undefined : { status: "in_review", text: "x" },
        });
        expect(res.status, `${route.method} ${route.path}`).toBe(401);
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(await res.json()).toMatchObject({ error: "unauthorized" });
      }
    }
  });

  it("refuses a change without the desk's Origin or Sec-Fetch-Site: same-origin (403), even signed in", async () => {
    const { cookie } = await signIn();
    const foreign = await staffRequest("/api/staff/logout", cookie, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: "cross_origin" });
    const none = await api.request("/api/staff/logout", { method: "POST", headers: { Cookie: cookie } }, env);
    expect(none.status).toBe(403);
    const crossSite = await postLogin(
      { email: "a@example.org", password: "whatever password" },
      { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } },
    );
    expect(crossSite.status).toBe(403);
    const fetchMetadata = await api.request(
      "/api/staff/logout",
      { method: "POST", headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" } },
      env,
    );
    expect(fetchMetadata.status).toBe(200);
  });

  it("sends Cache-Control: no-store and noindex on every staff answer", async () => {
    const { cookie } = await signIn();
    const paths = { "/api/staff/me": 200, "/api/staff/submissions": 200, "/api/staff/submissions.csv": 403 };
    for (const [path, status] of Object.entries(paths)) {
      const res = await staffRequest(path, cookie);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(res.headers.get("x-robots-tag"), path).toBe("noindex");
    }
    const login = await postLogin({ email: "nobody@example.org", password: "wrong password!" });
    expect(login.headers.get("cache-control")).toBe("no-store");
  });
});

describe("POST /api/staff/login", () => {
  it("signs in: a __Host- session cookie (HttpOnly, Secure, SameSite=Strict, Path=/) whose token D1 stores only hashed", async () => {
    const account = await createStaff({ email: "Desk.Person@Example.org", name: "Desk Person" });
    const ip = freshIp();
    const login = await postLogin({ email: "  desk.person@example.ORG ", password: staffPassword }, { ip });
    expect(login.status).toBe(200);
    expect(await login.json()).toEqual({ next: "totp" });
    expect(sessionToken(login)).toBeUndefined();
    const res = await postCode(await freshCode(account.email), pendingCookie(login), { ip });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Desk Person", email: account.email, role: "staff" });
    const [clearPending, cookie = ""] = res.headers.getSetCookie();
    expect(clearPending).toMatch(
      /^__Host-staff-pending=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(cookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    expect(cookie).not.toMatch(/Domain=/i);
    const token = sessionToken(res)!;
    const rows = await env.DB.prepare(
      "SELECT token_hash, created_at, expires_at FROM staff_sessions WHERE staff_id = ?1",
    )
      .bind(account.id)
      .all<{ token_hash: string; created_at: string; expires_at: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.token_hash).toBe(await tokenHash(token));
    expect(rows.results[0]!.token_hash).not.toContain(token);
    const lifetime = Date.parse(rows.results[0]!.expires_at) - Date.parse(rows.results[0]!.created_at);
    expect(lifetime).toBe(12 * 60 * 60_000);

    const me = await staffRequest("/api/staff/me", `__Host-session=${token}`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: account.email, name: "Desk Person" });
    expect(await auditRows(account.email)).toEqual([
      { action: "sign_in_password_accepted", detail: expect.stringContaining("ip") },
      { action: "signed_in", detail: expect.stringContaining('"factor":"totp"') },
    ]);
  });

  it("gives one generic 401 for a wrong password, an unknown email and a disabled account, and audits each without the password", async () => {
    const active = await createStaff();
    const disabled = await createStaff({ disabled: true });
    const attempts = [
      { email: active.email, password: "not the right password" },
      { email: "nobody-here@example.org", password: "not the right password" },
      { email: disabled.email, password: staffPassword },
    ];
    for (const attempt of attempts) {
      const res = await postLogin(attempt);
      expect(res.status).toBe(401);
      expect(sessionToken(res)).toBeUndefined();
      expect(await res.json()).toEqual({ error: "invalid_credentials", message: signInRefused });
    }
    expect(signInRefused).toBe("That email and password do not match an active staff account.");
    expect(await auditRows(active.email)).toEqual([
      { action: "sign_in_failed", detail: expect.stringContaining('"reason":"wrong_password"') },
    ]);
    expect(await auditRows(disabled.email)).toEqual([
      { action: "sign_in_failed", detail: expect.stringContaining('"reason":"account_disabled"') },
    ]);
    const unknown = await auditRows("unknown");
    expect(unknown.at(-1)).toEqual({
      action: "sign_in_failed",
      detail: expect.stringContaining('"reason":"unknown_email"'),
    });
    const everything = await env.DB.prepare(
      "SELECT group_concat(detail || actor, '|') AS all_text FROM audit_log",
    ).first<{
      all_text: string;
    }>();
    expect(everything!.all_text).not.toContain("not the right password");
    expect(everything!.all_text).not.toContain(staffPassword);
    expect(everything!.all_text).not.toContain("nobody-here");
  });

  it("answers 422 with paths and messages (never the values) for missing fields, 415 for a form post", async () => {
    const res = await postLogin({ email: "", password: "" });
    expect(res.status).toBe(422);
    const body = await res.json<{ error: string; issues: { path: string; message: string }[] }>();
    expect(body.error).toBe("validation_failed");
    expect(body.issues.map((i) => i.path).sort()).toEqual(["email", "password"]);
    const secret = await postLogin({ email: "x".repeat(300), password: "p" });
    expect(JSON.stringify(await secret.json())).not.toContain("xxxxxxxx");
    const form = await api.request(
      "/api/staff/login",
      {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: "email=a&password=b",
      },
      env,
    );
    expect(form.status).toBe(415);
  });
});

describe("sessions", () => {
  it("POST /api/staff/logout deletes the session, clears the cookie and audits the sign-out", async () => {
    const { cookie, token, email } = await signIn();
    const res = await staffRequest("/api/staff/logout", cookie, { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(
      /__Host-session=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Strict/,
    );
    const row = await env.DB.prepare("SELECT 1 FROM staff_sessions WHERE token_hash = ?1")
      .bind(await tokenHash(token))
      .first();
    expect(row).toBeNull();
    expect((await staffRequest("/api/staff/me", cookie)).status).toBe(401);
    expect((await auditRows(email)).map((r) => r.action)).toEqual([
      "sign_in_password_accepted",
      "signed_in",
      "signed_out",
    ]);
  });

  it("ends a session after 30 idle minutes (401 expired, row deleted) and slides it on use", async () => {
    const { cookie, token } = await signIn();
    const hash = await tokenHash(token);
    const setLastSeen = (iso: string) =>
      env.DB.prepare("UPDATE staff_sessions SET last_seen_at = ?2 WHERE token_hash = ?1")
        .bind(hash, iso)
        .run();

    await setLastSeen(minutesAgo(29));
    expect((await staffRequest("/api/staff/me", cookie)).status).toBe(200);
    const slid = await env.DB.prepare("SELECT last_seen_at FROM staff_sessions WHERE token_hash = ?1")
      .bind(hash)
      .first<{ last_seen_at: string }>();
    expect(Date.now() - Date.parse(slid!.last_seen_at)).toBeLessThan(60_000);

    await setLastSeen(minutesAgo(31));
    const res = await staffRequest("/api/staff/me", cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "unauthorized", reason: "expired" });
    expect(res.headers.get("set-cookie")).toMatch(/__Host-session=; Max-Age=0/);
    expect(
      await env.DB.prepare("SELECT 1 FROM staff_sessions WHERE token_hash = ?1").bind(hash).first(),
    ).toBeNull();
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const { cookie, token } = await signIn();
    await env.DB.prepare("UPDATE staff_sessions SET created_at = ?2, expires_at = ?3 WHERE token_hash = ?1")
      .bind(await tokenHash(token), minutesAgo(12 * 60 + 1), minutesAgo(1))
      .run();
    const res = await staffRequest("/api/staff/me", cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ reason: "expired" });
  });

  it("ends the sessions of an account once it is disabled", async () => {
    const account = await createStaff();
    const { cookie } = await signIn(account);
    expect((await staffRequest("/api/staff/me", cookie)).status).toBe(200);
    await env.DB.prepare("UPDATE staff_accounts SET disabled_at = ?2 WHERE id = ?1")
      .bind(account.id, new Date().toISOString())
      .run();
    expect((await staffRequest("/api/staff/me", cookie)).status).toBe(401);
  });

  it("findSession applies the idle and absolute limits to the clock it is given", async () => {
    const { token } = await signIn();
    const hash = await tokenHash(token);
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms);
    expect((await findSession(env.DB, hash, at(sessionLimits.idleMs - 5_000))).status).toBe("active");
    // The lookup above slid last_seen_at forward, so another idle period is allowed from there.
    expect((await findSession(env.DB, hash, at(2 * sessionLimits.idleMs - 10_000))).status).toBe("active");
    expect((await findSession(env.DB, hash, at(sessionLimits.absoluteMs + 1_000))).status).toBe("expired");
    expect((await findSession(env.DB, hash, at(0))).status).toBe("missing");
  });
});
