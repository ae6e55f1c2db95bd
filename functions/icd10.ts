import { Hono } from "hono";
import { searchIcd10 } from "../src/shared/icd10";
import type { AppEnv } from "./env";

/** `GET /api/icd10?q=`: up to 20 ICD-10-CM codes by code prefix or by words, for the diagnosis-code combobox. */
export const icd10 = new Hono<AppEnv>().get("/", (c) => {
  const q = (c.req.query("q") ?? "").slice(0, 100);
  // What a patient types here can describe their health: keep it out of shared caches.
  c.header("Cache-Control", "private, no-store");
  return c.json({ results: searchIcd10(q, 20) });
});
