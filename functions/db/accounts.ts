/** Staff accounts, as the sign-in and the staff desk read them. Accounts are made by `scripts/staff.mjs`. */

/** A staff member as the desk shows them. */
export interface StaffMember {
  id: number;
  email: string;
  name: string;
}

/** An account with what sign-in needs to decide. */
export interface StaffAccount {
  member: StaffMember;
  passwordHash: string;
  disabled: boolean;
}

interface StaffAccountRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  disabled_at: string | null;
}

/** The account with this email (any letter case), for a `db.batch`. */
export function accountByEmailStatement(db: D1Database, email: string): D1PreparedStatement {
  return db
    .prepare("SELECT id, email, name, password_hash, disabled_at FROM staff_accounts WHERE email = ?1")
    .bind(email);
}

export function toStaffAccount(row: StaffAccountRow): StaffAccount {
  return {
    member: { id: row.id, email: row.email, name: row.name },
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
  };
}
