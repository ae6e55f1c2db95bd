import type { Context } from "hono";
import type { z } from "zod";
import { formatIssues } from "../../src/shared/schemas/common";

/** Largest staff request body: a note is at most 2,000 characters. */
export const maxStaffBodyBytes = 16 * 1024;

/**
 * Characters staff text must not hold: C0 controls other than tab, line feed and carriage return,
 * DEL, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text
 * display differently from what it says. A leading U+0000 also made SQLite's length() read 0, so
 * the notes' CHECK failed as a 500.
 */
export const unsafeTextPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** True when `text` holds none of `unsafeTextPattern`'s characters (for zod's `refine`). */
export function safeText(text: string): boolean {
  return !unsafeTextPattern.test(text);
}

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
