import type { Context } from "hono";
import type { z } from "zod";
import { formatIssues } from "../../src/shared/schemas/common";

/** Largest staff request body: a note is at most 2,000 characters. */
export const maxStaffBodyBytes = 16 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * A JSON body validated by `schema`: 415 for another content type, 400 when it is not JSON, 422 with field paths and messages (never the values) when it does not validate.
 */
export async function parseJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<Parsed<z.output<S>>> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    return { ok: false, response: c.json({ error: "unsupported_media_type" }, 415) };
  }
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    return { ok: false, response: c.json({ error: "malformed_json" }, 400) };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      response: c.json({ error: "validation_failed", issues: formatIssues(parsed.error) }, 422),
    };
  }
  return { ok: true, data: parsed.data };
}
