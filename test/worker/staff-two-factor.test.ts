/** The second factor in workerd: RFC 6238, the code step, no replay, recovery codes. */
import { env } from "cloudflare:workers";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  readSecondFactor,
  totpCode,
  totpStep,
  totpUri,
} from "../../functions/staff/second-factor";
import { codeRefused } from "../../functions/staff/session";
import { staffPassword, staffTotpSecret } from "../fixtures/staff";
import {
  codeAt,
  createStaff,
  freshCode,
  freshIp,
  pendingCookie,
  postCode,
  postLogin,
  sessionToken,
  signInSteps,
  staffRequest,
} from "./staff-helpers";

// RFC 6238 appendix B, SHA-1: the 20-byte ASCII secret "12345678901234567890".
const rfcSecret = Secret.fromLatin1("12345678901234567890").base32;
const rfcVectors: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

async function actions(actor: string) {
  const { results } = await env.DB.prepare(
    "SELECT action, detail FROM audit_log WHERE actor = ?1 AND submission_id IS NULL ORDER BY id",
  )
    .bind(actor)
    .all<{ action: string; detail: string | null }>();
  return results;
}

async function passwordStep(email: string, ip: string) {
  const res = await postLogin({ email, password: staffPassword }, { ip });
  expect(res.status).toBe(200);
  return pendingCookie(res)!;
}

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC 6238 SHA-1 test vectors (8 digits through otpauth; our 6 digits are their last six)", () => {
    for (const [seconds, code] of rfcVectors) {
      const at = new Date(seconds * 1000);
      const totp = new TOTP({
        secret: Secret.fromBase32(rfcSecret),
        digits: 8,
        period: 30,
        algorithm: "SHA1",
      });
      expect(totp.generate({ timestamp: at.getTime() }), String(seconds)).toBe(code);
      expect(totpCode(rfcSecret, at)).toBe(code.slice(2));
      expect(matchTotpStep(rfcSecret, code.slice(2), at)).toBe(Math.floor(seconds / 30));
    }
  });

  it("accepts the code of the current step and of one step either side, not two", () => {
    const now = new Date(1_900_000_000_000);
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      const code = totpCode(staffTotpSecret, new Date(now.getTime() + offset * 30_000));
      expect(matchTotpStep(staffTotpSecret, code, now), String(offset)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      const code = totpCode(staffTotpSecret, new Date(now.getTime() + offset * 30_000));
      expect(matchTotpStep(staffTotpSecret, code, now), String(offset)).toBeNull();
    }
    expect(matchTotpStep(staffTotpSecret, "12345", now)).toBeNull();
    expect(matchTotpStep(staffTotpSecret, "abcdef", now)).toBeNull();
  });

  it("enrols with a 160-bit base32 secret and a standard otpauth:// address", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, { email: "desk@example.org", issuer: "Hillcrest Massage" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Hillcrest Massage");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
  });

  it("makes 10 distinct recovery codes and reads them back however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(readSecondFactor(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(readSecondFactor("ABCDE-FGHJK")).toEqual({ kind: "recovery", code: "abcdefghjk" });
    expect(readSecondFactor("oIl23 45678")).toEqual({ kind: "recovery", code: "0112345678" });
    expect(readSecondFactor("1234567")).toBeNull();
    expect(readSecondFactor("uuuuu-uuuuu")).toBeNull();
  });
});

describe("POST /api/staff/login/totp", () => {
  it("refuses a replayed code: the same code twice, or an earlier step after a later one", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const now = Date.now();
    const next = codeAt(new Date(now + 30_000));
    const first = await postCode(next, await passwordStep(account.email, ip), { ip });
    expect(first.status).toBe(200);
    const replay = await postCode(next, await passwordStep(account.email, ip), { ip });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ error: "invalid_code", message: codeRefused });
    expect(sessionToken(replay)).toBeUndefined();
    // The current step's code is earlier than the step just used: refused too.
    const earlier = await postCode(codeAt(new Date(now)), await passwordStep(account.email, ip), { ip });
    expect(earlier.status).toBe(401);
    const failures = (await actions(account.email)).filter((r) => r.action === "sign_in_code_failed");
    expect(failures.map((r) => JSON.parse(r.detail!).reason)).toEqual(["replayed_code", "replayed_code"]);
  });

  it("accepts one code once even when it is sent twice at the same moment", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const code = await freshCode(account.email);
    const [a, b] = [await passwordStep(account.email, ip), await passwordStep(account.email, ip)];
    const answers = await Promise.all([postCode(code, a, { ip }), postCode(code, b, { ip })]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 401]);
  });

  it("a recovery code works once, is audited with how many are left, and is stored only hashed", async () => {
    const codes = newRecoveryCodes();
    const account = await createStaff({ recoveryCodes: codes });
    const ip = freshIp();
    const typed = codes[3]!.toUpperCase().replace("-", " ");
    const res = await postCode(typed, await passwordStep(account.email, ip), { ip });
    expect(res.status).toBe(200);
    expect(sessionToken(res)).toBeDefined();
    const again = await postCode(codes[3]!, await passwordStep(account.email, ip), { ip });
    expect(again.status).toBe(401);
    const rows = await actions(account.email);
    expect(rows.find((r) => r.action === "recovery_code_used")?.detail).toContain('"left":9');
    expect(rows.find((r) => r.action === "signed_in")?.detail).toContain('"factor":"recovery_code"');
    expect(rows.at(-1)).toMatchObject({
      action: "sign_in_code_failed",
      detail: expect.stringContaining("wrong_recovery_code"),
    });
    const stored = await env.DB.prepare(
      "SELECT group_concat(code_hash) AS all_hashes FROM staff_recovery_codes",
    ).first<{ all_hashes: string }>();
    for (const code of codes) expect(stored!.all_hashes).not.toContain(code.replace("-", ""));
    // Another account's recovery code is no use.
    const other = await createStaff();
    expect((await postCode(codes[4]!, await passwordStep(other.email, ip), { ip })).status).toBe(401);
  });

  it("needs the pending cookie of a password step less than 5 minutes old; the pending cookie is no session", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const none = await postCode(codeAt(), undefined, { ip });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: "sign_in_expired" });
    const forged = await postCode(codeAt(), "__Host-staff-pending=forged", { ip });
    expect(forged.status).toBe(401);

    const login = await postLogin({ email: account.email, password: staffPassword }, { ip });
    expect(login.headers.get("set-cookie")).toMatch(
      /^__Host-staff-pending=[A-Za-z0-9_-]{43}; Max-Age=300; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const pending = pendingCookie(login)!;
    // The pending cookie opens nothing else.
    expect((await staffRequest("/api/staff/me", pending)).status).toBe(401);
    await env.DB.prepare("UPDATE staff_pending_sign_ins SET expires_at = ?2 WHERE staff_id = ?1")
      .bind(account.id, new Date(Date.now() - 1_000).toISOString())
      .run();
    const late = await postCode(await freshCode(account.email), pending, { ip });
    expect(late.status).toBe(401);
    expect(await late.json()).toMatchObject({
      error: "sign_in_expired",
      message: expect.stringMatching(/5 minutes/),
    });
    expect(late.headers.get("set-cookie")).toMatch(/__Host-staff-pending=; Max-Age=0/);
  });

  it("ends the pending sign-in once it succeeds, and refuses it when the account is disabled in between", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const pending = await passwordStep(account.email, ip);
    expect((await postCode(await freshCode(account.email), pending, { ip })).status).toBe(200);
    expect((await postCode(await freshCode(account.email), pending, { ip })).status).toBe(401);

    const second = await passwordStep(account.email, ip);
    await env.DB.prepare("UPDATE staff_accounts SET disabled_at = ?2 WHERE id = ?1")
      .bind(account.id, new Date().toISOString())
      .run();
    expect((await postCode(await freshCode(account.email), second, { ip })).status).toBe(401);
  });

  it("answers 403 enrolment_required to the right password of an account without two-step sign-in, 401 to a wrong one", async () => {
    const account = await createStaff({ enrolled: false });
    const right = await postLogin({ email: account.email, password: staffPassword });
    expect(right.status).toBe(403);
    expect(await right.json()).toMatchObject({ error: "enrolment_required" });
    expect(pendingCookie(right)).toBeUndefined();
    expect((await postLogin({ email: account.email, password: "not the password" })).status).toBe(401);
    expect((await actions(account.email)).map((r) => JSON.parse(r.detail!).reason)).toEqual([
      "not_enrolled",
      "wrong_password",
    ]);
  });

  it("answers 422 for a code that is neither 6 digits nor a recovery code, without counting it", async () => {
    const account = await createStaff();
    const ip = freshIp();
    const pending = await passwordStep(account.email, ip);
    for (const code of ["", "12345", "1234567", "x".repeat(50)]) {
      const res = await postCode(code, pending, { ip });
      expect(res.status, code).toBe(422);
      expect(await res.json()).toMatchObject({ error: "validation_failed", issues: [{ path: "code" }] });
    }
    expect((await signInSteps(account, { ip })).res.status).toBe(200);
  });
});
