import { createMiddleware } from "hono/factory";
import type { Secrets } from "./env";
import { fieldKeys, type FieldKeys } from "./field-crypto";

/**
 * Puts the field-encryption keys in `c.var.fieldKeys` for the routes that store or read what
 * patients wrote; without usable keys the route answers 503 and stores nothing (never unsealed).
 */
export const requireFieldKeys = createMiddleware<{
  Bindings: Secrets;
  Variables: { fieldKeys: FieldKeys };
}>(async (c, next) => {
  try {
    c.set("fieldKeys", await fieldKeys(c.env.FIELD_ENCRYPTION_KEYS));
  } catch {
    // Which setting is wrong, never a value.
    console.error(JSON.stringify({ event: "field_keys_unavailable" }));
    c.header("Retry-After", "300");
    return c.json({ error: "unavailable" }, 503);
  }
  await next();
});
