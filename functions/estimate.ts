import { Hono } from "hono";
import { estimateInputSchema } from "../src/shared/estimate-input";
import { estimateCost } from "../src/shared/estimator";
import type { AppEnv } from "./env";

/**
 * `GET /api/estimate?minutes=60&visits=8&allowedPerUnit=25…`: the out-of-pocket estimate, visit by
 * visit, with the self-pay comparison; 422 with field paths and messages (never the values) when invalid.
 */
export const estimate = new Hono<AppEnv>().get("/", (c) => {
  const parsed = estimateInputSchema.safeParse(c.req.query());
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    return c.json({ error: "validation_failed" as const, issues }, 422);
  }
  // Only plan numbers, no identity or health information: safe for shared caches.
  c.header("Cache-Control", "public, max-age=300");
  return c.json(estimateCost(parsed.data), 200);
});
