/** Helpers for the staff desk's Worker tests: accounts, signing in, same-origin requests, seed data. */
import { env } from "cloudflare:workers";
import { api } from "../../functions/app";
import { todayInOregon } from "../../src/shared/dates";
import { recoveryCodeHash, totpCode, totpStep } from "../../functions/staff/second-factor";
import type { StaffRole } from "../../src/shared/staff-contract";
import { mvaClaimBody, newKey, prescriptionBody } from "../fixtures/submissions";
import { staffPassword, staffPasswordHash, staffTotpSecret } from "../fixtures/staff";

export const origin = "http://localhost";

type Bindings = Record<string, unknown>;

let ipCounter = 0;
/** A distinct client IP per call, so throttles only bite where a test wants them. */
export function freshIp(): string {
  ipCounter += 1;
  return `10.9.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
}

let emailCounter = 0;
/**
 * Creates a staff account (the fixture password; enrolled with the fixture TOTP secret unless
 * `enrolled: false`; role `staff` unless told) and returns its email and id.
 */
export async function createStaff(
  options: {
    email?: string;
    name?: string;
    disabled?: boolean;
    role?: StaffRole;
    enrolled?: boolean;
    recoveryCodes?: readonly string[];
  } = {},
): Promise<{ id: number; email: string; name: string }> {
  emailCounter += 1;
  const email = options.email ?? `staff${emailCounter}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const name = options.name ?? `Staff Member ${emailCounter}`;
  const row = await env.DB.prepare(
    `INSERT INTO staff_accounts (email, name, password_hash, disabled_at, created_at, role, totp_secret)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id`,
  )
    .bind(
      email,
      name,
      staffPasswordHash,
      options.disabled ? new Date().toISOString() : null,
      new Date().toISOString(),
      options.role ?? "staff",
      options.enrolled === false ? null : staffTotpSecret,
    )
    .first<{ id: number }>();
  for (const code of options.recoveryCodes ?? []) {
    await env.DB.prepare("INSERT INTO staff_recovery_codes (staff_id, code_hash) VALUES (?1, ?2)")
      .bind(row!.id, await recoveryCodeHash(code))
      .run();
  }
  return { id: row!.id, email, name };
}

type RequestOptions = { ip?: string; bindings?: Bindings; headers?: Record<string, string> };

/** POSTs JSON to a sign-in route from the desk's own origin. */
function postSignIn(path: string, body: unknown, options: RequestOptions & { cookie?: string }) {
  return api.request(
    path,
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: origin,
        "CF-Connecting-IP": options.ip ?? freshIp(),
        ...(options.cookie ? { Cookie: options.cookie } : {}),
        ...options.headers,
      },
      body: JSON.stringify(body),
    },
    { ...env, ...options.bindings },
  );
}

/** The password step: POST /api/staff/login. */
export function postLogin(body: unknown, options: RequestOptions = {}) {
  return postSignIn("/api/staff/login", body, options);
}

/** The code step: POST /api/staff/login/totp with the pending cookie. */
export function postCode(code: string, pending: string | undefined, options: RequestOptions = {}) {
  return postSignIn("/api/staff/login/totp", { code }, { ...options, cookie: pending });
}

/** The pending sign-in cookie (`name=value`) from a password step's response, or undefined. */
export function pendingCookie(res: Response): string | undefined {
  const value = /__Host-staff-pending=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  return value ? `__Host-staff-pending=${value}` : undefined;
}

/** The fixture secret's code for `at` (default: now). */
export function codeAt(at: Date = new Date()): string {
  return totpCode(staffTotpSecret, at);
}

/**
 * A code the account has not used yet: the current step's or the next one's (both accepted, and
 * still accepted if the clock moves on one step before the server checks), after its last
 * accepted one. Tests sign one account in many times within a minute, which a person cannot;
 * when neither step is left, the account's last accepted step is forgotten first.
 */
export async function freshCode(email: string): Promise<string> {
  const row = await env.DB.prepare("SELECT id, totp_last_step FROM staff_accounts WHERE email = ?1")
    .bind(email)
    .first<{ id: number; totp_last_step: number | null }>();
  const now = totpStep(new Date());
  let step = Math.max(now, (row?.totp_last_step ?? -Infinity) + 1);
  if (step > now + 1) {
    await env.DB.prepare("UPDATE staff_accounts SET totp_last_step = NULL WHERE id = ?1").bind(row!.id).run();
    step = now;
  }
  return codeAt(new Date(step * 30_000 + 1_000));
}

/** The `__Host-session` cookie's value from a response, or undefined. */
export function sessionToken(res: Response): string | undefined {
  return /__Host-session=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1] || undefined;
}

/**
 * Both sign-in steps from one client, with the fixture password and a fresh code: the last
 * step's response, and the session cookie when it gave one.
 */
export async function signInSteps(
  account: { email: string },
  options: RequestOptions = {},
): Promise<{ res: Response; cookie?: string; token?: string }> {
  const ip = options.ip ?? freshIp();
  const login = await postLogin({ email: account.email, password: staffPassword }, { ...options, ip });
  if (login.status !== 200) return { res: login };
  const res = await postCode(await freshCode(account.email), pendingCookie(login), { ...options, ip });
  const token = sessionToken(res);
  return token ? { res, cookie: `__Host-session=${token}`, token } : { res };
}

/** Signs in (creating an account unless one is given) and returns a Cookie header value. */
export async function signIn(
  account?: { email: string },
  options: RequestOptions = {},
): Promise<{ cookie: string; token: string; email: string }> {
  const { email } = account ?? (await createStaff());
  const { res, cookie, token } = await signInSteps({ email }, options);
  if (res.status !== 200 || !cookie || !token) throw new Error(`sign-in failed with ${res.status}`);
  return { cookie, token, email };
}

/** POST /api/staff/reauth with the fixture password and a fresh code (or `body`). */
export async function reauth(cookie: string, email: string, body?: { password: string; code: string }) {
  return staffRequest("/api/staff/reauth", cookie, {
    method: "POST",
    body: body ?? { password: staffPassword, code: await freshCode(email) },
  });
}

/** Signs in as a new admin and re-authenticates, so export and deletion work for 5 minutes. */
export async function signInAsAdmin(options: { name?: string } = {}) {
  const account = await createStaff({ role: "admin", ...options });
  const session = await signIn(account);
  const res = await reauth(session.cookie, account.email);
  if (res.status !== 200) throw new Error(`re-authentication failed with ${res.status}`);
  return { ...session, id: account.id };
}

/** A staff API request with the session cookie; changes carry the desk's Origin. */
export function staffRequest(
  path: string,
  cookie: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; bindings?: Bindings } = {},
) {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { "CF-Connecting-IP": freshIp(), ...init.headers };
  if (cookie) headers.Cookie = cookie;
  if (method !== "GET" && !("Origin" in headers)) headers.Origin = origin;
  if (init.body !== undefined) headers["Content-Type"] ??= "application/json";
  return api.request(
    path,
    { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) },
    { ...env, ...init.bindings },
  );
}

/** Today in Oregon plus `days`, as the API computes deadlines. */
export function oregonDaysFromToday(days: number): string {
  const today = todayInOregon();
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function submit(
  path: string,
  body: Record<string, string>,
): Promise<{ id: number; reference: string }> {
  const res = await api.request(
    path,
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "CF-Connecting-IP": freshIp(),
        "Idempotency-Key": newKey(),
      },
      body: JSON.stringify(body),
    },
    env,
  );
  if (res.status !== 201) throw new Error(`submission failed with ${res.status}: ${await res.text()}`);
  const { reference } = await res.json<{ reference: string }>();
  const row = await env.DB.prepare("SELECT id FROM submissions WHERE reference = ?1")
    .bind(reference)
    .first<{ id: number }>();
  return { id: row!.id, reference };
}

/** Submits a prescription through the public API (valid dates relative to today in Oregon). */
export function submitPrescription(overrides: Record<string, string> = {}) {
  return submit(
    "/api/prescriptions",
    prescriptionBody({ startDate: oregonDaysFromToday(-7), endDate: oregonDaysFromToday(77), ...overrides }),
  );
}

/** Submits a car accident claim through the public API. */
export function submitClaim(overrides: Record<string, string> = {}) {
  return submit("/api/mva-claims", mvaClaimBody({ accidentDate: oregonDaysFromToday(-30), ...overrides }));
}

/** The audit rows of one submission, oldest first. */
export async function auditOf(submissionId: number) {
  const { results } = await env.DB.prepare(
    "SELECT actor, action, detail FROM audit_log WHERE submission_id = ?1 ORDER BY id",
  )
    .bind(submissionId)
    .all<{ actor: string; action: string; detail: string | null }>();
  return results;
}
