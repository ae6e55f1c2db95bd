/**
 * Staff accounts, as sign-in and the staff desk read them, and what the second factor changes.
 * Accounts are made, enrolled and given roles by `scripts/staff.mjs`; admins disable them here.
 */
import type { AccountSummary, StaffRole } from "../../src/shared/staff-contract";

/** A staff member as the desk shows them. */
export interface StaffMember {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
}

/** An account with what sign-in needs to decide. */
export interface StaffAccount {
  member: StaffMember;
  passwordHash: string;
  disabled: boolean;
  /** Base32; null until the account is enrolled (`npm run staff:add -- --reset-2fa`). */
  totpSecret: string | null;
}

export interface StaffAccountRow {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  disabled_at: string | null;
  totp_secret: string | null;
}

const accountColumns = "id, email, name, role, password_hash, disabled_at, totp_secret";

/** The account with this email (any letter case), for a `db.batch`. */
export function accountByEmailStatement(db: D1Database, email: string): D1PreparedStatement {
  return db.prepare(`SELECT ${accountColumns} FROM staff_accounts WHERE email = ?1`).bind(email);
}

/** The account with this id, or null. */
export async function accountById(db: D1Database, id: number): Promise<StaffAccount | null> {
  const row = await db
    .prepare(`SELECT ${accountColumns} FROM staff_accounts WHERE id = ?1`)
    .bind(id)
    .first<StaffAccountRow>();
  return row ? toStaffAccount(row) : null;
}

export function toStaffAccount(row: StaffAccountRow): StaffAccount {
  return {
    member: { id: row.id, email: row.email, name: row.name, role: row.role },
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
    totpSecret: row.totp_secret,
  };
}

/**
 * Accepts TOTP step `step` for the account if it is later than the last one accepted, in one
 * statement, so a code (or an earlier one) is never accepted twice, even by requests in parallel.
 */
export async function acceptTotpStep(db: D1Database, staffId: number, step: number): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE staff_accounts SET totp_last_step = ?2
       WHERE id = ?1 AND (totp_last_step IS NULL OR totp_last_step < ?2) RETURNING id`,
    )
    .bind(staffId, step)
    .first();
  return row !== null;
}

/**
 * Marks the account's unused recovery code with this hash used, in one statement (single use,
 * even in parallel). Gives how many unused codes are left, or null when the code is not one.
 */
export async function useRecoveryCode(
  db: D1Database,
  input: { staffId: number; codeHash: string; now: Date },
): Promise<{ left: number } | null> {
  const [used, left] = await db.batch<{ id?: number; n?: number }>([
    db
      .prepare(
        `UPDATE staff_recovery_codes SET used_at = ?3
         WHERE staff_id = ?1 AND code_hash = ?2 AND used_at IS NULL RETURNING id`,
      )
      .bind(input.staffId, input.codeHash, input.now.toISOString()),
    db
      .prepare("SELECT count(*) AS n FROM staff_recovery_codes WHERE staff_id = ?1 AND used_at IS NULL")
      .bind(input.staffId),
  ]);
  if (!used?.results.length) return null;
  return { left: Number(left?.results[0]?.n ?? 0) };
}

/** Every account, for admins: role, last sign-in, disabled or not; oldest first. */
export async function listAccounts(db: D1Database): Promise<AccountSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT id, email, name, role, last_sign_in_at, disabled_at, totp_secret IS NOT NULL AS enrolled
       FROM staff_accounts ORDER BY created_at, id`,
    )
    .all<{
      id: number;
      email: string;
      name: string;
      role: StaffRole;
      last_sign_in_at: string | null;
      disabled_at: string | null;
      enrolled: number;
    }>();
  return results.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    lastSignInAt: row.last_sign_in_at,
    disabledAt: row.disabled_at,
    enrolled: row.enrolled === 1,
  }));
}

/**
 * Disables an active account, audits it and ends its sessions and pending sign-ins, in one batch.
 * False when there is no such active account.
 */
export async function disableAccount(
  db: D1Database,
  input: { id: number; actor: string; now: Date },
): Promise<boolean> {
  const at = input.now.toISOString();
  const [disabled] = await db.batch([
    db
      .prepare(
        "UPDATE staff_accounts SET disabled_at = ?2 WHERE id = ?1 AND disabled_at IS NULL RETURNING id",
      )
      .bind(input.id, at),
    // Runs only when the account was active (the UPDATE changed one row).
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?2, ?3, 'staff_account_disabled', NULL, json_object('email', email)
         FROM staff_accounts WHERE id = ?1 AND changes() = 1`,
      )
      .bind(input.id, at, input.actor),
    db.prepare("DELETE FROM staff_sessions WHERE staff_id = ?1").bind(input.id),
    db.prepare("DELETE FROM staff_pending_sign_ins WHERE staff_id = ?1").bind(input.id),
  ]);
  return (disabled?.results.length ?? 0) > 0;
}
