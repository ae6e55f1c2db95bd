import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { searchIcd10 } from "../src/shared/icd10";
import { readLang } from "../src/shared/schemas/builders";
import type { AppEnv } from "./env";
import { requireJson, valid } from "./validate";

const searchBody = z.object(
  {
    q: z
      .string({ error: "Send the words or code to look up as text." })
      .max(100, { error: "Look up at most 100 characters." }),
    /** The page's language: "es" also finds Spanish everyday words; anything else is English. */
    language: z.optional(z.unknown()),
  },
  { error: "Send the words or code to look up." },
);

/**
 * `POST /api/icd10/search { q, language? }`: up to 20 ICD-10-CM codes by code prefix or by words
 * (Spanish everyday words too with `language: "es"`), for the diagnosis-code combobox. What a
 * patient types here can describe their health, so it travels in the request body, never in a web address (which logs and traces keep), and no cache keeps it.
 */
export const icd10 = new Hono<AppEnv>().post(
  "/search",
  bodyLimit({ maxSize: 1024, onError: (c) => c.json({ error: "payload_too_large" }, 413) }),
  requireJson,
  valid("json", searchBody),
  (c) => {
    c.header("Cache-Control", "private, no-store");
    const { q, language } = c.req.valid("json");
    return c.json({ results: searchIcd10(q, 20, readLang(language)) });
  },
);
