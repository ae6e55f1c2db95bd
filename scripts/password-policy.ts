/**
 * What a staff password must be, checked where passwords are set: the staff CLI
 * (`scripts/staff.mjs`). The Worker never sets a password, so the 49,000-password list stays out
 * of its bundle and out of every browser. At least 12 characters (at most 1,024), not one of the
 * common passwords of `@zxcvbn-ts/language-common` (with or without digits and symbols around
 * it), and not containing the name part of the account's email address.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

export const minPasswordLength = 12;
const maxPasswordLength = 1024;

const commonPasswords = new Set(dictionary["passwords-common"]);

/** How many common passwords the check knows. */
export const commonPasswordCount = commonPasswords.size;

/** The name part of an email and its pieces of 3 or more characters: `jo.smith@…` → jo.smith, smith. */
function nameParts(email: string): string[] {
  const local = email.split("@")[0]!.toLowerCase();
  return [local, ...local.split(/[._+-]+/)].filter((part) => part.length >= 3);
}

/** Why `password` cannot be used for the account `email`, or null when it can. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < minPasswordLength) {
    return `The password must have at least ${minPasswordLength} characters. A few unrelated words work well.`;
  }
  if (length > maxPasswordLength) return `The password can have at most ${maxPasswordLength} characters.`;
  const lower = password.toLowerCase();
  // Also a common password with digits or symbols around it ("password123456", "!iloveyou2026").
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if ([lower, lower.replace(/\s+/g, ""), core].some((text) => commonPasswords.has(text))) {
    return "That password is on a list of common passwords that attackers try first. Choose another one.";
  }
  if (nameParts(email).some((part) => lower.includes(part))) {
    return "The password must not contain the name part of your email address. Choose another one.";
  }
  return null;
}
