import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { findSession, sessionLimits } from "../../functions/db/sessions";
import { beginSignIn, signInThrottle } from "../../functions/db/throttle";
import { tokenHash } from "../../functions/staff/auth";
import { signInRefused } from "../../functions/staff/session";
import { staffPassword } from "../fixtures/staff";
import { createStaff, freshIp, origin, postLogin, sessionToken, signIn, staffRequest } from "./staff-helpers";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A stand-in for the LOGIN_LIMIT binding that never refuses. */
const allowEveryRequest = { limit: async () => ({ success: true }) };

async function failureRows(column: "email" | "ip", value: string) {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM sign_in_failures WHERE ${column} = ?1`)
    .bind(value)
    .first<{ n: number }>();
  return row!.n;
}

/** Waits for a fresh wall-clock minute when the current one is nearly over (LOGIN_LIMIT's windows). */
async function awayFromMinuteBoundary() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

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
  it("refuses every staff route but sign-in with 401 and no-store when there is no session", async () => {
    const routes = staffRoutes().filter((r) => r.path !== "/api/staff/login");
    // New routes join this list by themselves; these are the ones the desk has today.
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        "GET /api/staff/me",
        "GET /api/staff/submissions",
        "GET /api/staff/submissions.csv",
        "GET /api/staff/submissions/1",
        "PATCH /api/staff/submissions/1",
        "POST /api/staff/logout",
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
    for (const path of ["/api/staff/me", "/api/staff/submissions", "/api/staff/submissions.csv"]) {
      const res = await staffRequest(path, cookie);
      expect(res.status, path).toBe(200);
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
    const res = await postLogin({ email: "  desk.person@example.ORG ", password: staffPassword });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Desk Person", email: account.email });
    const cookie = res.headers.get("set-cookie") ?? "";
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
      { action: "signed_in", detail: expect.stringContaining("ip") },
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

  it("throttles an account after 5 failures in 15 minutes (429 + Retry-After), even with the right password", async () => {
    const account = await createStaff();
    for (let i = 0; i < signInThrottle.maxPerEmail; i++) {
      const res = await postLogin({ email: account.email, password: `wrong password ${i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await postLogin({ email: account.email, password: staffPassword });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await blocked.json()).toMatchObject({
      error: "too_many_attempts",
      message: expect.stringMatching(/15 minutes/),
    });
    expect((await auditRows(account.email)).map((r) => r.action).at(-1)).toBe("sign_in_throttled");

    // 15 minutes later the failures no longer count.
    await env.DB.prepare("UPDATE sign_in_failures SET at = ?2 WHERE email = ?1")
      .bind(account.email, minutesAgo(16))
      .run();
    expect((await postLogin({ email: account.email, password: staffPassword })).status).toBe(200);
  });

  it("throttles a client IP after 20 failures in 15 minutes, whatever the email", async () => {
    const ip = freshIp();
    // LOGIN_LIMIT (10 a minute per IP) would stop this first; this test is about the D1 count.
    const bindings = { LOGIN_LIMIT: allowEveryRequest };
    for (let i = 0; i < signInThrottle.maxPerIp; i++) {
      expect(
        (await postLogin({ email: `guess${i}@example.org`, password: "wrong password" }, { ip, bindings }))
          .status,
      ).toBe(401);
    }
    const account = await createStaff();
    expect(
      (await postLogin({ email: account.email, password: staffPassword }, { ip, bindings })).status,
    ).toBe(429);
    expect(
      (await postLogin({ email: account.email, password: staffPassword }, { ip: freshIp() })).status,
    ).toBe(200);
  });

  it("forgets an account's failures after it signs in", async () => {
    const account = await createStaff();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < signInThrottle.maxPerEmail - 1; i++) {
        expect((await postLogin({ email: account.email, password: "wrong password" })).status).toBe(401);
      }
      expect((await postLogin({ email: account.email, password: staffPassword })).status).toBe(200);
    }
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
    expect((await auditRows(email)).map((r) => r.action)).toEqual(["signed_in", "signed_out"]);
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

describe("sign-in throttling under load", () => {
  it("counts guesses made in parallel: at most 5 of 10 at once reach the password check", async () => {
    const account = await createStaff();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postLogin({ email: account.email, password: `guess ${i}` })),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(signInThrottle.maxPerEmail);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - signInThrottle.maxPerEmail);
    expect(await failureRows("email", account.email)).toBe(signInThrottle.maxPerEmail);
    // The right password is refused too while the guesses count.
    expect((await postLogin({ email: account.email, password: staffPassword })).status).toBe(429);
  });

  it("counts parallel guesses from one IP against the IP's limit too", async () => {
    const ip = freshIp();
    const bindings = { LOGIN_LIMIT: allowEveryRequest };
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postLogin({ email: `spray${i}-${ip}@example.org`, password: "wrong password" }, { ip, bindings }),
      ),
    );
    expect(answers.filter((res) => res.status === 401)).toHaveLength(signInThrottle.maxPerIp);
    expect(answers.filter((res) => res.status === 429)).toHaveLength(30 - signInThrottle.maxPerIp);
    expect(await failureRows("ip", ip)).toBe(signInThrottle.maxPerIp);
  });

  it("writes at most one sign_in_throttled audit row per account per window", async () => {
    const account = await createStaff();
    for (let i = 0; i < signInThrottle.maxPerEmail; i++) {
      expect((await postLogin({ email: account.email, password: `wrong ${i}` })).status).toBe(401);
    }
    const throttled = await Promise.all(
      Array.from({ length: 6 }, () => postLogin({ email: account.email, password: "wrong again" })),
    );
    expect(throttled.map((res) => res.status)).toEqual(Array(6).fill(429));
    for (let i = 0; i < 3; i++) {
      expect((await postLogin({ email: account.email, password: staffPassword })).status).toBe(429);
    }
    const actions = (await auditRows(account.email)).map((r) => r.action);
    expect(actions.filter((a) => a === "sign_in_throttled")).toHaveLength(1);
    expect(actions.filter((a) => a === "sign_in_failed")).toHaveLength(signInThrottle.maxPerEmail);
    // Throttled attempts are not counted as failures, so the lock-out is not extended by them.
    expect(await failureRows("email", account.email)).toBe(signInThrottle.maxPerEmail);

    // 16 minutes on (audit_log is append-only, so the clock moves instead), with the account
    // locked again, one more throttled row is written, and only one.
    const later = new Date(Date.now() + 16 * 60_000);
    for (let i = 0; i < signInThrottle.maxPerEmail; i++) {
      await env.DB.prepare("INSERT INTO sign_in_failures (at, email, ip) VALUES (?1, ?2, ?3)")
        .bind(new Date(later.getTime() - 60_000).toISOString(), account.email.toLowerCase(), freshIp())
        .run();
    }
    for (let i = 0; i < 3; i++) {
      const start = await beginSignIn(env.DB, {
        email: account.email.toLowerCase(),
        client: freshIp(),
        now: later,
      });
      expect(start).toMatchObject({ status: "throttled" });
    }
    const after = (await auditRows(account.email)).filter((r) => r.action === "sign_in_throttled");
    expect(after).toHaveLength(2);
  });

  it("deletes the attempt's row when the sign-in succeeds", async () => {
    const account = await createStaff();
    const ip = freshIp();
    expect((await postLogin({ email: account.email, password: staffPassword }, { ip })).status).toBe(200);
    expect(await failureRows("email", account.email)).toBe(0);
    expect(await failureRows("ip", ip)).toBe(0);
  });

  it("prunes rows older than the window, whatever email they name, so typed emails do not linger", async () => {
    const stale = `typo-${crypto.randomUUID()}@example.org`;
    await env.DB.prepare("INSERT INTO sign_in_failures (at, email, ip) VALUES (?1, ?2, '10.0.0.1')")
      .bind(minutesAgo(16), stale)
      .run();
    await env.DB.prepare("INSERT INTO sign_in_failures (at, email, ip) VALUES (?1, ?2, '10.0.0.1')")
      .bind(minutesAgo(14), `${stale}.recent`)
      .run();
    expect((await postLogin({ email: "someone-else@example.org", password: "wrong" })).status).toBe(401);
    expect(await failureRows("email", stale)).toBe(0);
    expect(await failureRows("email", `${stale}.recent`)).toBe(1);
  });

  it("counts sign-in failures per IPv6 /64: rotating addresses inside it does not dodge the limits", async () => {
    await awayFromMinuteBoundary();
    const prefix = `2001:db8:${(Date.now() % 0xffff).toString(16)}:42`;
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const res = await postLogin(
        { email: `rotate${i}@example.org`, password: "x" },
        { ip: `${prefix}::${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const rows = await env.DB.prepare(
      "SELECT DISTINCT ip FROM sign_in_failures WHERE email LIKE 'rotate%'",
    ).all<{
      ip: string;
    }>();
    expect(rows.results.map((r) => r.ip)).toEqual([`${prefix}::/64`]);
  });

  it("LOGIN_LIMIT: the 11th sign-in request from one IP within a minute gets 429 before any D1 work", async () => {
    await awayFromMinuteBoundary();
    const ip = freshIp();
    const account = await createStaff();
    const first = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postLogin({ email: `limit${i}-${ip}@example.org`, password: "x" }, { ip }),
      ),
    );
    expect(first.map((res) => res.status)).toEqual(Array(10).fill(401));
    const before = await failureRows("ip", ip);
    const auditsBefore = await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>();

    const limited = await postLogin({ email: account.email, password: staffPassword }, { ip });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.headers.get("cache-control")).toBe("no-store");
    expect(sessionToken(limited)).toBeUndefined();
    expect(await limited.json()).toMatchObject({
      error: "too_many_attempts",
      message: expect.stringMatching(/1 minute/),
    });
    // Nothing was read or written for it: no attempt row, no audit row.
    expect(await failureRows("ip", ip)).toBe(before);
    const auditsAfter = await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>();
    expect(auditsAfter!.n).toBe(auditsBefore!.n);
    // A malformed body is limited too (the limit comes before parsing).
    expect((await postLogin({}, { ip })).status).toBe(429);
    // Another IP is not affected.
    expect((await postLogin({ email: account.email, password: staffPassword })).status).toBe(200);
  });
});
