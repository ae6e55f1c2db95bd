/**
 * Worker secrets, set with `npx wrangler secret put NAME` (locally in `.dev.vars`, which
 * `npm start` creates): not in wrangler.toml, so not in the generated `Env`.
 */
export interface Secrets {
  /** The field-encryption keys, newest first: `k2:<base64>,k1:<base64>` (see field-crypto.ts). */
  FIELD_ENCRYPTION_KEYS?: string;
  /**
   * The clinic's identity on an issued Good Faith Estimate (Worker variables, read at run time
   * and only by the staff desk): its legal name, NPI (10 digits) and TIN (9 digits). Unset, the
   * desk drafts estimates but refuses to issue one.
   */
  CLINIC_LEGAL_NAME?: string;
  CLINIC_NPI?: string;
  CLINIC_TIN?: string;
  /**
   * Who is emailed when a new submission arrives (comma-separated; each a verified destination
   * of Email Routing, listed in wrangler.toml's `[[send_email]]`), and the sender (an address on
   * the clinic's domain). Either unset: no email.
   */
  STAFF_NOTIFY_TO?: string;
  STAFF_NOTIFY_FROM?: string;
}

/**
 * The Worker's environment as every Hono app of the API sees it. `D1_METER` is never configured:
 * only the benchmark sets it, locally (see `d1-meter.ts`).
 */
export type AppEnv = { Bindings: Env & Secrets & { D1_METER?: string } };
