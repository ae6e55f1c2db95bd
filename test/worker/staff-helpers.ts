/** Helpers for the staff desk's Worker tests: accounts, signing in, same-origin requests, seed data. */
import { env } from "cloudflare:workers";
import { api } from "../../functions/app";
import { todayInOregon } from "../../src/shared/dates";
import { mvaClaimBody, newKey, prescriptionBody } from "../fixtures/submissions";
import { staffPassword, staffPasswordHash } from "../fixtures/staff";

export const origin = "http://localhost";

type Bindings = Record<string, unknown>;

let ipCounter = 0;
/** A distinct client IP per call, so throttles only bite where a test wants them. */
export function freshIp(): string {
  ipCounter += 1;
  return `10.9.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
}

let emailCounter = 0;
/** Creates a staff account (with the fixture password) and returns its email and id. */
export async function createStaff(
  options: { email?: string; name?: string; disabled?: boolean } = {},
): Promise<{ id: number; email: string; name: string }> {
  emailCounter += 1;
  const email = options.email ?? `staff${emailCounter}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const name = options.name ?? `Staff Member ${emailCounter}`;
  const row = await env.DB.prepare(
    `INSERT INTO staff_accounts (email, name, password_hash, disabled_at, created_at)
     VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id`,
  )
    .bind(
      email,
      name,
      staffPasswordHash,
      options.disabled ? new Date().toISOString() : null,
      new Date().toISOString(),
    )
    .first<{ id: number }>();
  return { id: row!.id, email, name };
}

/** POSTs JSON to the sign-in route from the desk's own origin. */
export function postLogin(
  body: unknown,
  options: { ip?: string; bindings?: Bindings; headers?: Record<string, string> } = {},
) {
  return api.request(
    "/api/staff/login",
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: origin,
        "CF-Connecting-IP": options.ip ?? freshIp(),
        ...options.headers,
      },
      body: JSON.stringify(body),
    },
    { ...env, ...options.bindings },
  );
}

/** The `__Host-session` cookie's value from a response, or undefined. */
export function sessionToken(res: Response): string | undefined {
  return /__Host-session=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1] || undefined;
}

/** Signs in (creating an account unless one is given) and returns a Cookie header value. */
export async function signIn(
  account?: { email: string },
  options: { bindings?: Bindings; headers?: Record<string, string> } = {},
): Promise<{ cookie: string; token: string; email: string }> {
  const { email } = account ?? (await createStaff());
  const res = await postLogin({ email, password: staffPassword }, options);
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}`);
  const token = sessionToken(res)!;
  return { cookie: `__Host-session=${token}`, token, email };
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
