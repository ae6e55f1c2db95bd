import { Hono } from "hono";
import type { AppEnv } from "./env";

/**
 * `GET /api/health`: 200 when D1 accepts a write (one row, `health_probe`, rewritten in place:
 * the cheapest real write), 503 when it does not. A read alone (`SELECT 1`) answered 200 while
 * every form post was failing.
 */
export const health = new Hono<AppEnv>().get("/", async (c) => {
  c.header("Cache-Control", "no-store");
  try {
    await c.env.DB.prepare(
      "INSERT INTO health_probe (id, at) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET at = excluded.at",
    )
      .bind(new Date().toISOString())
      .run();
    return c.json({ status: "ok" });
  } catch {
    return c.json({ status: "unavailable" }, 503);
  }
});
