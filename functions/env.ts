/**
 * Worker secrets, set with `npx wrangler secret put NAME` (locally in `.dev.vars`, which
 * `npm start` creates): not in wrangler.toml, so not in the generated `Env`.
 */
export interface Secrets {
  /** The field-encryption keys, newest first: `k2:<base64>,k1:<base64>` (see field-crypto.ts). */
  FIELD_ENCRYPTION_KEYS?: string;
}

/**
 * The Worker's environment as every Hono app of the API sees it. `D1_METER` is never configured:
 * only the benchmark sets it, locally (see `d1-meter.ts`).
 */
export type AppEnv = { Bindings: Env & Secrets & { D1_METER?: string } };
