import { Hono } from "hono";
import {
  readConfirmation,
  receiptLines,
  receiptSeconds,
  receiptSender,
  type Receipt,
} from "../src/shared/submissions/receipt";
import type { AppEnv } from "./env";
import { fieldsContext, unseal, type FieldKeys } from "./field-crypto";
import { requireFieldKeys } from "./field-keys";

/**
 * `GET /api/receipt` with the confirmation cookie's value in the `Receipt` header: what the
 * sender may keep of the form they sent (see `receipt.ts`), for 30 minutes after sending and only
 * with the form's own submission key, which never leaves the sender's browser; else 404.
 */
export const receipt = new Hono<AppEnv & { Variables: { fieldKeys: FieldKeys } }>().get(
  "/",
  requireFieldKeys,
  async (c) => {
    c.header("Cache-Control", "no-store");
    const confirmation = readConfirmation(c.req.header("receipt") ?? "");
    if (!confirmation?.idempotencyKey) return c.json({ error: "not_found" }, 404);
    const since = new Date(Date.now() - receiptSeconds * 1000).toISOString();
    const row = await c.env.DB.prepare(
      `SELECT reference, kind, received_at, fields FROM submissions
       WHERE reference = ?1 AND idempotency_key = ?2 AND received_at >= ?3`,
    )
      .bind(confirmation.reference, confirmation.idempotencyKey, since)
      .first<{ reference: string; kind: Receipt["kind"]; received_at: string; fields: string }>();
    if (!row) return c.json({ error: "not_found" }, 404);
    const input: unknown = JSON.parse(
      await unseal(c.var.fieldKeys, row.fields, fieldsContext(row.reference)),
    );
    const answer: Receipt = {
      reference: row.reference,
      kind: row.kind,
      receivedAt: row.received_at,
      sentBy: receiptSender(row.kind, input),
      // The confirmation page asks in its own language (Accept-Language: es on the Spanish page).
      lines: receiptLines(
        row.kind,
        input,
        /^es\b/i.test(c.req.header("accept-language") ?? "") ? "es" : "en",
      ),
    };
    return c.json(answer);
  },
);
