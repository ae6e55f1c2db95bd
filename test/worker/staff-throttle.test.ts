/**
 * The sign-in throttle: per client and per account-and-client pair, with an account-wide alarm
 * that slows guessing down but never keeps the owner out.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { beginAttempt, signInThrottle } from "../../functions/db/throttle";
import { staffPassword } from "../fixtures/staff";
import {
  codeAt,
  createStaff,
  freshIp,
  pendingCookie,
  postCode,
  postLogin,
  sessionToken,
  signInSteps,
} from "./staff-helpers";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A stand-in for the LOGIN_LIMIT binding that never refuses. */
const allowEveryRequest = { limit: async () => ({ success: true }) };

async function failureRows(where: "email" | "ip", value: string) {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM sign_in_failures WHERE ${where} = ?1`)
    .bind(value)
    .first<{ n: number }>();
  return row!.n;
}

async function actions(actor: string) {
  const { results } = await env.DB.prepare(
    "SELECT action, detail FROM audit_log WHERE actor = ?1 AND submission_id IS NULL ORDER BY id",
  )
    .bind(actor)
    .all<{ action: string; detail: string | null }>();
  return results;
}

/** Waits for a fresh wall-clock minute when the current one is nearly over (LOGIN_LIMIT's windows). */
async function awayFromMinuteBoundary() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

/** Failures for `email` from `count` distinct clients, `minutes` ago, written straight to D1. */
async function seedFailures(email: string, count: number, minutes = 1) {
  const at = minutesAgo(minutes);
  await env.DB.batch(
    Array.from({ length: count }, () =>
      env.DB.prepare("INSERT INTO sign_in_failures (at, email, ip) VALUES (?1, ?2, ?3)").bind(
        at,
        email.toLowerCase(),
        freshIp(),
      ),
    ),
  );
}

describe("no lockout by strangers", () => {
  it("a stranger's five failures from five addresses do not stop the owner, nor do 25 (5 from each)", async () => {
    const account = await createStaff();
    const stranger = Array.from({ length: 5 }, () => freshIp());
    for (const ip of stranger) {
      expect((await postLogin({ email: account.email, password: "guess one" }, { ip })).status).toBe(401);
    }
    expect((await signInSteps(account)).res.status).toBe(200);

    // Now the stranger exhausts the pair allowance on each of their five addresses.
    for (const ip of stranger) {
      for (let i = 1; i < signInThrottle.maxPerPair; i++) {
        expect((await postLogin({ email: account.email, password: `guess ${i}` }, { ip })).status).toBe(401);
      }
      const blocked = await postLogin({ email: account.email, password: "guess again" }, { ip });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    }
    const owner = await signInSteps(account);
    expect(owner.res.status).toBe(200);
    expect(owner.cookie).toBeDefined();
    // The owner's sign-in left the stranger's failures in place: they are still throttled.
    const again = await postLogin({ email: account.email, password: staffPassword }, { ip: stranger[0] });
    expect(again.status).toBe(429);
  });

  it("throttles one client for one account after 5 failures in 15 minutes (429 + Retry-After), right password or not", async () => {
    const account = await createStaff();
    const ip = freshIp();
    for (let i = 0; i < signInThrottle.maxPerPair; i++) {
      expect(
        (await postLogin({ email: account.email, password: `wrong password ${i}` }, { ip })).status,
      ).toBe(401);
    }
    const blocked = await postLogin({ email: account.email, password: staffPassword }, { ip });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await blocked.json()).toMatchObject({
      error: "too_many_attempts",
      message: expect.stringMatching(/15 minutes/),
    });
    expect((await actions(account.email)).map((r) => r.action).at(-1)).toBe("sign_in_throttled");

    // 15 minutes later the failures no longer count.
    await env.DB.prepare("UPDATE sign_in_failures SET at = ?2 WHERE email = ?1")
      .bind(account.email, minutesAgo(16))
      .run();
    expect((await signInSteps(account, { ip })).res.status).toBe(200);
  });

  it("counts wrong codes as failed sign-ins: the sixth try from the client gets 429", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const login = await postLogin({ email: account.email, password: staffPassword }, { ip });
    expect(login.status).toBe(200);
    const pending = pendingCookie(login);
    // The right password is no failure; each wrong code is one.
    expect(await failureRows("email", account.email)).toBe(0);
    const wrong = codeAt(new Date(Date.now() - 10 * 60_000));
    for (let i = 0; i < signInThrottle.maxPerPair; i++) {
      const res = await postCode(wrong, pending, { ip });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "invalid_code" });
    }
    const blocked = await postCode(codeAt(), pending, { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(sessionToken(blocked)).toBeUndefined();
    const codeFailures = (await actions(account.email)).filter((r) => r.action === "sign_in_code_failed");
    expect(codeFailures).toHaveLength(signInThrottle.maxPerPair);
    expect(codeFailures[0]!.detail).toContain('"reason":"wrong_code"');
    // From another address the owner still gets in.
    expect((await signInSteps(account)).res.status).toBe(200);
  });

  it("past 50 failures for an account from all clients, each client gets 3 tries, the alarm is audited once, and the owner still gets in", async () => {
    const account = await createStaff();
    await seedFailures(account.email, signInThrottle.accountAlarm);
    const ip = freshIp();
    for (let i = 0; i < signInThrottle.maxPerPairUnderAttack; i++) {
      expect((await postLogin({ email: account.email, password: `guess ${i}` }, { ip })).status).toBe(401);
    }
    const slowed = await postLogin({ email: account.email, password: "guess 4" }, { ip });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    const alarms = (await actions(account.email)).filter((r) => r.action === "sign_in_account_alarm");
    expect(alarms).toHaveLength(1);
    expect(JSON.parse(alarms[0]!.detail!)).toMatchObject({ failures: signInThrottle.accountAlarm + 1 });

    // The owner, from their own address, mistypes the code once and still gets in.
    const own = freshIp();
    const login = await postLogin({ email: account.email, password: staffPassword }, { ip: own });
    expect(login.status).toBe(200);
    const typo = codeAt(new Date(Date.now() - 10 * 60_000));
    expect((await postCode(typo, pendingCookie(login), { ip: own })).status).toBe(401);
    const res = await postCode(codeAt(), pendingCookie(login), { ip: own });
    expect(res.status).toBe(200);
    expect(sessionToken(res)).toBeDefined();
    const after = (await actions(account.email)).filter((r) => r.action === "sign_in_account_alarm");
    expect(after).toHaveLength(1);
  });

  it("throttles a client after 20 failures in 15 minutes, whatever the email; another client is not affected", async () => {
    const ip = freshIp();
    // LOGIN_LIMIT (10 a minute per IP) would stop this first; this test is about the D1 count.
    const bindings = { LOGIN_LIMIT: allowEveryRequest };
    for (let i = 0; i < signInThrottle.maxPerClient; i++) {
      expect(
        (await postLogin({ email: `guess${i}@example.org`, password: "wrong password" }, { ip, bindings }))
          .status,
      ).toBe(401);
    }
    const account = await createStaff();
    expect(
      (await postLogin({ email: account.email, password: staffPassword }, { ip, bindings })).status,
    ).toBe(429);
    expect((await signInSteps(account)).res.status).toBe(200);
  });

  it("forgets this client's failures for the account after it signs in", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const bindings = { LOGIN_LIMIT: allowEveryRequest };
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < signInThrottle.maxPerPair - 1; i++) {
        const res = await postLogin({ email: account.email, password: "wrong password" }, { ip, bindings });
        expect(res.status).toBe(401);
      }
      expect((await signInSteps(account, { ip, bindings })).res.status).toBe(200);
      expect(await failureRows("ip", ip)).toBe(0);
    }
  });
});

describe("sign-in throttling under load", () => {
  it("counts guesses made in parallel: at most 5 of 10 at once from one client reach the password check", async () => {
    await awayFromMinuteBoundary();
    const account = await createStaff();
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postLogin({ email: account.email, password: `guess ${i}` }, { ip }),
      ),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(signInThrottle.maxPerPair);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - signInThrottle.maxPerPair);
    expect(await failureRows("email", account.email)).toBe(signInThrottle.maxPerPair);
  });

  it("counts parallel guesses from one client against the client's limit too", async () => {
    const ip = freshIp();
    const bindings = { LOGIN_LIMIT: allowEveryRequest };
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postLogin({ email: `spray${i}-${ip}@example.org`, password: "wrong password" }, { ip, bindings }),
      ),
    );
    expect(answers.filter((res) => res.status === 401)).toHaveLength(signInThrottle.maxPerClient);
    expect(answers.filter((res) => res.status === 429)).toHaveLength(30 - signInThrottle.maxPerClient);
    expect(await failureRows("ip", ip)).toBe(signInThrottle.maxPerClient);
  });

  it("writes at most one sign_in_throttled audit row per account per window", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const bindings = { LOGIN_LIMIT: allowEveryRequest };
    for (let i = 0; i < signInThrottle.maxPerPair; i++) {
      expect(
        (await postLogin({ email: account.email, password: `wrong ${i}` }, { ip, bindings })).status,
      ).toBe(401);
    }
    const throttled = await Promise.all(
      Array.from({ length: 6 }, () =>
        postLogin({ email: account.email, password: "wrong again" }, { ip, bindings }),
      ),
    );
    expect(throttled.map((res) => res.status)).toEqual(Array(6).fill(429));
    const rows = (await actions(account.email)).map((r) => r.action);
    expect(rows.filter((a) => a === "sign_in_throttled")).toHaveLength(1);
    expect(rows.filter((a) => a === "sign_in_failed")).toHaveLength(signInThrottle.maxPerPair);
    // Throttled attempts are not counted as failures, so the wait is not extended by them.
    expect(await failureRows("email", account.email)).toBe(signInThrottle.maxPerPair);

    // 16 minutes on (audit_log is append-only, so the clock moves instead), throttled again:
    // one more row, and only one.
    const later = new Date(Date.now() + 16 * 60_000);
    const client = freshIp();
    for (let i = 0; i < signInThrottle.maxPerPair; i++) {
      await env.DB.prepare("INSERT INTO sign_in_failures (at, email, ip) VALUES (?1, ?2, ?3)")
        .bind(new Date(later.getTime() - 60_000).toISOString(), account.email.toLowerCase(), client)
        .run();
    }
    for (let i = 0; i < 3; i++) {
      const start = await beginAttempt(env.DB, { email: account.email.toLowerCase(), client, now: later });
      expect(start).toMatchObject({ status: "throttled" });
    }
    const after = (await actions(account.email)).filter((r) => r.action === "sign_in_throttled");
    expect(after).toHaveLength(2);
  });

  it("deletes the attempts' rows when the sign-in succeeds", async () => {
    const account = await createStaff();
    const ip = freshIp();
    expect((await signInSteps(account, { ip })).res.status).toBe(200);
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

  it("counts failures per IPv6 /64: rotating addresses inside it does not dodge the limits", async () => {
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
    ).all<{ ip: string }>();
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
    // A malformed body and the code step are limited too (the limit comes before parsing).
    expect((await postLogin({}, { ip })).status).toBe(429);
    expect((await postCode("123456", undefined, { ip })).status).toBe(429);
    // Another IP is not affected.
    expect((await signInSteps(account)).res.status).toBe(200);
  });
});
