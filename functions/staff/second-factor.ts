/**
 * The second factor, said once for the CLI (`scripts/staff.mjs`, which enrols accounts under
 * Node 24) and the Worker (which checks codes): TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second
 * steps) through the `otpauth` library, and single-use recovery codes. This module imports no
 * other module of ours, so Node can run it as it is.
 */
import { Secret, TOTP } from "otpauth";

/** What every authenticator app understands: the RFC 6238 defaults. */
const totpSettings = { algorithm: "SHA1", digits: 6, period: 30 } as const;

/** A code is accepted for the current step and one step either side (clock drift, slow typing). */
const totpWindow = 1;

/** Recovery codes an account gets at enrolment. */
const recoveryCodeCount = 10;

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous.
const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_LENGTH = 10;

/** A new TOTP secret: 20 random bytes (SHA-1's output size, as RFC 4226 recommends), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: { email: string; issuer: string }): string {
  return new TOTP({
    ...totpSettings,
    issuer: account.issuer,
    label: account.email,
    secret: Secret.fromBase32(secret),
  }).toString();
}

/** The TOTP time step (Unix time / 30 s) at `now`. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpSettings.period);
}

/** The 6-digit code of `secret` at `now` (the CLI's own check; tests compute codes with it). */
export function totpCode(secret: string, now: Date): string {
  return TOTP.generate({ ...totpSettings, secret: Secret.fromBase32(secret), timestamp: now.getTime() });
}

/**
 * The time step whose code `code` is, within ±1 step of `now`, or null when it matches none.
 * The caller accepts it only if it is later than the last step accepted for the account.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    ...totpSettings,
    secret: Secret.fromBase32(secret),
    token: code,
    timestamp: now.getTime(),
    window: totpWindow,
  });
  return delta === null ? null : totpStep(now) + delta;
}

/** Ten new recovery codes, as shown once: `xxxxx-xxxxx` (50 random bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(RECOVERY_LENGTH));
    const text = Array.from(bytes, (b) => RECOVERY_ALPHABET[b & 31]).join("");
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/** What was typed as the second factor: a 6-digit code, a recovery code, or neither. */
export type SecondFactorInput = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | null;

/**
 * Reads what was typed: spaces are ignored; 6 digits are a TOTP code; 10 Crockford base32
 * characters (a hyphen anywhere, any letter case, I and L read as 1, O as 0) are a recovery code.
 */
export function readSecondFactor(typed: string): SecondFactorInput {
  const text = typed.replace(/\s+/g, "");
  if (/^[0-9]{6}$/.test(text)) return { kind: "totp", code: text };
  const folded = text.replace(/-/g, "").toLowerCase().replace(/[il]/g, "1").replace(/o/g, "0");
  if (folded.length === RECOVERY_LENGTH && [...folded].every((ch) => RECOVERY_ALPHABET.includes(ch))) {
    return { kind: "recovery", code: folded };
  }
  return null;
}

/** SHA-256 (hex) of a recovery code in its folded form: what D1 stores. */
export async function recoveryCodeHash(code: string): Promise<string> {
  const folded = readSecondFactor(code);
  const text = folded?.kind === "recovery" ? folded.code : code;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
