#!/usr/bin/env node
// The Worker's local secrets in .dev.vars (git-ignored), read by `wrangler dev` and `astro dev`:
// a field-encryption key is made on first run, so a fresh clone works with no setup. Production
// keys are set with `npx wrangler secret put FIELD_ENCRYPTION_KEYS` (see the README).
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { newKeyEntry } from "../functions/field-crypto.ts";

/** Makes sure .dev.vars holds a FIELD_ENCRYPTION_KEYS line; returns the file's path. */
export function ensureDevVars(file = path.resolve(import.meta.dirname, "..", ".dev.vars")) {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (!/^FIELD_ENCRYPTION_KEYS=/m.test(current)) {
    const separator = current && !current.endsWith("\n") ? "\n" : "";
    appendFileSync(file, `${separator}FIELD_ENCRYPTION_KEYS=${newKeyEntry("local1")}\n`, { mode: 0o600 });
    console.log(`Made a local field-encryption key in ${path.basename(file)}.`);
  }
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) ensureDevVars();
