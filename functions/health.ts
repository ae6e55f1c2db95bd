import { Hono } from "hono";
import type { AppEnv } from "./env";

/** `GET /api/health`: 200 when D1 answers a trivial query, 503 when it does not. */
export const health = new Hono<AppEnv>().get("/", async (c) => {
  c.header("Cache-Control", "no-store");
  try {
    await c.env.DB.prepare("SELECT 1 AS ok").first();
    return c.json({ status: "ok" });
  } catch {
    return c.json({ status: "unavailable" }, 503);
  }
});
