#!/usr/bin/env node
// The field-encryption keys (see functions/field-crypto.ts).
//
//   node scripts/keys.mjs new [--id <id>]                 print a new key entry to put first in the secret
//   node scripts/keys.mjs reencrypt [--remote] [--persist-to <dir>]
//                                                        re-seal every stored value under the first key
//
// `reencrypt` reads FIELD_ENCRYPTION_KEYS from the environment (or, for the local database,
// from .dev.vars), opens every submission's fields and every note with whichever listed key
// sealed them, and writes them back sealed under the first key. After it has run on every
// database, older keys can be removed from the secret.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
// Node 24 runs the Worker's TypeScript module as it is (type stripping): one cipher for both.
import {
  estimateContext,
  fieldKeys,
  fieldsContext,
  newKeyEntry,
  noteContext,
  seal,
  sealedKeyId,
  unseal,
} from "../functions/field-crypto.ts";

const root = path.resolve(import.meta.dirname, "..");

const usage = `Usage:
  npm run keys -- new [--id <id>]
  npm run keys -- reencrypt [--remote] [--persist-to <dir>]`;

/** FIELD_ENCRYPTION_KEYS from the environment, else from .dev.vars (local only). */
export function readSecret(remote) {
  if (process.env.FIELD_ENCRYPTION_KEYS) return process.env.FIELD_ENCRYPTION_KEYS;
  const file = path.join(root, ".dev.vars");
  if (!remote && existsSync(file)) {
    const line = readFileSync(file, "utf8")
      .split("\n")
      .find((l) => l.startsWith("FIELD_ENCRYPTION_KEYS="));
    if (line) return line.slice("FIELD_ENCRYPTION_KEYS=".length).replace(/^"|"$/g, "");
  }
  throw new Error("Set FIELD_ENCRYPTION_KEYS (the new key first, then the old ones) to re-encrypt.");
}

function wranglerBin() {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
}

function d1(target, args) {
  const where = target.remote ? ["--remote", "--yes"] : ["--local"];
  if (!target.remote && target.persistTo) where.push("--persist-to", path.resolve(target.persistTo));
  const result = spawnSync(
    process.execPath,
    [wranglerBin(), "d1", "execute", "DB", "--config", path.join(root, "wrangler.toml"), ...where, ...args],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  if (result.status !== 0) throw new Error(`wrangler d1 execute failed:\n${result.stderr || result.stdout}`);
  return result.stdout;
}

function query(target, sql) {
  const out = d1(target, ["--command", sql, "--json"]);
  return JSON.parse(out.slice(out.indexOf("[")))[0]?.results ?? [];
}

const quote = (text) => `'${text.replace(/'/g, "''")}'`;

/** The new sealed value, or null when `stored` is already sealed under the current key. */
export async function reseal(keys, stored, context) {
  if (sealedKeyId(stored) === keys.current.id) return null;
  return seal(keys, await unseal(keys, stored, context), context);
}

/** Every sealed column: its table, and how to build the context its values are sealed with. */
const sealedColumns = [
  {
    table: "submissions",
    column: "fields",
    with: "reference",
    context: (row) => fieldsContext(row.reference),
  },
  {
    table: "submission_notes",
    column: "text",
    with: "submission_id",
    context: (row) => noteContext(row.submission_id),
  },
  {
    table: "good_faith_estimates",
    column: "document",
    with: "reference",
    context: (row) => estimateContext(row.reference),
  },
];

async function reencrypt(target) {
  const keys = await fieldKeys(readSecret(target.remote));
  const statements = [];
  for (const sealedColumn of sealedColumns) {
    const { table, column } = sealedColumn;
    for (let lastId = 0; ;) {
      const rows = query(
        target,
        `SELECT id, ${sealedColumn.with}, ${column} FROM ${table} WHERE id > ${lastId} ORDER BY id LIMIT 500`,
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const sealed = await reseal(keys, row[column], sealedColumn.context(row));
        if (sealed)
          statements.push(`UPDATE ${table} SET ${column} = ${quote(sealed)} WHERE id = ${Number(row.id)};`);
        lastId = row.id;
      }
    }
  }
  if (statements.length === 0) {
    console.log(`Everything is already sealed under key "${keys.current.id}".`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "keys-"));
  try {
    const file = path.join(dir, "reencrypt.sql");
    writeFileSync(file, statements.join("\n"), { mode: 0o600 });
    d1(target, ["--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Re-sealed ${statements.length} stored values under key "${keys.current.id}".`);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: "string" },
      remote: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !["new", "reencrypt"].includes(command)) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  if (command === "new") {
    console.log(newKeyEntry(values.id ?? `k${new Date().toISOString().slice(0, 10).replace(/-/g, "")}`));
    return;
  }
  await reencrypt({ remote: values.remote, persistTo: values["persist-to"] });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
