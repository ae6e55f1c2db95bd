/**
 * Request validation for the API, through `@hono/zod-validator` with one hook, so every
 * refusal has one shape: 415 for a body that is not JSON, 400 for JSON that cannot be read, 422
 * `{ error: "validation_failed", issues }` with field paths and messages (never the values), and
 * 404 for a path parameter that names nothing.
 */
import { zValidator } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { formatIssues } from "../src/shared/schemas/common";
import type { ValidationFailed } from "../src/shared/staff-contract";
import { hasNoInvisibleCharacters } from "../src/shared/text";

/** For zod's `refine`: no control or text-direction characters. */
export const safeText = hasNoInvisibleCharacters;

/** Refuses a body that is not JSON (415) or cannot be parsed (400), before validation reads it. */
export const requireJson = createMiddleware(async (c, next) => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return c.json({ error: "unsupported_media_type" }, 415);
  try {
    await c.req.json();
  } catch {
    return c.json({ error: "malformed_json" }, 400);
  }
  await next();
});

/** Validates one part of the request with `schema`; the handler reads it with `c.req.valid(target)`. */
export function valid<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    if (target === "param") return c.json({ error: "not_found" as const }, 404);
    const body: ValidationFailed = { error: "validation_failed", issues: formatIssues(result.error) };
    return c.json(body, 422);
  });
}

/** A numeric id in a path (`/submissions/:id`); anything else answers 404. */
export const idParam = z.object({
  id: z
    .string()
    .regex(/^[0-9]{1,15}$/)
    .transform(Number),
});

/** The API's one 404 answer. */
export const notFound = (c: Context) => c.json({ error: "not_found" as const }, 404);
