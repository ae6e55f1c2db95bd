/**
 * What the sign-in steps and the re-authentication form tell staff for each answer of
 * `POST /api/staff/login`, `POST /api/staff/login/totp` and `POST /api/staff/reauth`.
 */

export interface SignInIssue {
  /** The field the message belongs to ("email", "password"), or "" for the form as a whole. */
  path: string;
  message: string;
}

export const signInMessages = {
  emailMissing: "Enter your email address.",
  passwordMissing: "Enter your password.",
  codeMissing: "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
  unavailable: "Signing in is not working right now. Wait a minute, then try again.",
} as const;

/** The problems to show for a refused sign-in, from its status and JSON body. */
export function signInIssues(status: number, body: unknown): SignInIssue[] {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof record.message === "string" ? record.message : undefined;
  if (status === 422 && Array.isArray(record.issues)) {
    return (record.issues as SignInIssue[]).map((issue) => ({
      path: issue.path === "password" ? "password" : issue.path === "email" ? "email" : "",
      message: issue.message,
    }));
  }
  if ((status === 401 || status === 429) && message) return [{ path: "email", message }];
  if (status === 403 && message) return [{ path: "", message }];
  return [{ path: "", message: signInMessages.unavailable }];
}

/** The problems to show for a refused code (the code step, or re-authentication). */
function codeIssues(status: number, body: unknown): SignInIssue[] {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof record.message === "string" ? record.message : undefined;
  if (status === 422 && Array.isArray(record.issues)) {
    return (record.issues as SignInIssue[]).map((issue) => ({
      path: issue.path === "password" ? "password" : "code",
      message: issue.message,
    }));
  }
  if (status === 401 && record.error === "invalid_credentials" && message)
    return [{ path: "password", message }];
  if ((status === 401 || status === 429) && message) return [{ path: "code", message }];
  return [{ path: "", message: signInMessages.unavailable }];
}

/** Which second-factor field a staff member filled in: a recovery code has letters, so its own field. */
export type SecondFactorField = "code" | "recovery";

/** The code a staff form carries (a recovery code wins) and the field it came from. */
export function secondFactorOf(text: (name: string) => string): { field: SecondFactorField; code: string } {
  const recovery = text("recovery").trim();
  return recovery ? { field: "recovery", code: recovery } : { field: "code", code: text("code").trim() };
}

/** The issues of a refused code, with "code" moved to the field the person actually used. */
export function secondFactorIssues(status: number, body: unknown, field: SecondFactorField): SignInIssue[] {
  return codeIssues(status, body).map((issue) => ({
    ...issue,
    path: issue.path === "code" ? field : issue.path,
  }));
}
