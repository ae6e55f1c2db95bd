import { Hono } from "hono";
import { parseEstimateQuery } from "../src/shared/estimate-input";
import { estimateCost } from "../src/shared/estimator";
import type { AppEnv } from "./env";

/**
 * `GET /api/estimate?coverage=in_network&minutes=60&visits=8&allowedPerUnit=25…`: the estimate,
 * visit by visit, with its range and the self-pay comparison; 422 with field paths and messages
 * (never the values) when invalid, a field given twice included.
 */
export const estimate = new Hono<AppEnv>().get("/", (c) => {
  const parsed = parseEstimateQuery(new URL(c.req.url).searchParams);
  if (!parsed.success) {
    return c.json({ error: "validation_failed" as const, issues: parsed.issues }, 422);
  }
  // Only plan numbers, no identity or health information: safe for shared caches.
  c.header("Cache-Control", "public, max-age=300");
  return c.json(estimateCost(parsed.data), 200);
});
