#!/usr/bin/env node
// Staff accounts for the staff desk, written to D1 through `wrangler d1 execute`.
//
//   node scripts/staff.mjs add --email <email> [--name <name>] [--password-stdin] [--reset] [--remote]
//   node scripts/staff.mjs disable --email <email> [--remote]
//
// `add` asks for the password twice without showing it (or reads it from stdin with
// --password-stdin, for scripts) and stores only a PBKDF2-SHA256 hash. `--reset` gives an
// existing account a new password and signs it out everywhere. `disable` blocks an account and
// ends its sessions. Local by default; `--remote` writes to the deployed D1; `--persist-to <dir>`
// picks the local state folder (as `wrangler dev --persist-to`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
// Node 24 runs the Worker's TypeScript module as it is (type stripping): one PBKDF2 for both.
import { hashPassword, minPasswordLength } from "../functions/staff/password.ts";

export { hashPassword };
export const MIN_PASSWORD_LENGTH = minPasswordLength;
const MAX_PASSWORD_LENGTH = 1024;

const root = path.resolve(import.meta.dirname, "..");

const usage = `Usage:
  npm run staff:add -- --email <email> [--name <name>] [--password-stdin] [--reset] [--remote]
  npm run staff:disable -- --email <email> [--remote]

Options:
  --email <email>     the staff member's email address (how they sign in)
  --name <name>       their name as the staff desk shows it (default: the part before @)
  --password-stdin    read the password from standard input instead of asking for it
  --reset             give an existing account a new password (signs it out everywhere)
  --remote            write to the deployed D1 database instead of the local one
  --persist-to <dir>  local state folder, as given to \`wrangler dev --persist-to\``;

/** A SQL string literal: quotes doubled; control characters refused rather than escaped. */
export function sqlText(value) {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error("Text with control characters cannot be stored.");
  return `'${value.replace(/'/g, "''")}'`;
}

export function checkEmail(email) {
  const trimmed = (email ?? "").trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) || trimmed.length > 254) {
    throw new Error("Give a valid email address with --email, for example --email desk@example.org.");
  }
  return trimmed;
}

export function checkPassword(password) {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new Error(
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`,
    );
  }
  if (length > MAX_PASSWORD_LENGTH)
    throw new Error(`The password can have at most ${MAX_PASSWORD_LENGTH} characters.`);
  return password;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Reads one line from the terminal without echoing it. */
function askHidden(question) {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    input.setRawMode(true);
    process.stderr.write(question);
    input.resume();
    input.setEncoding("utf8");
    let answer = "";
    const finish = (error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (text) => {
      for (const char of text) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003") return finish(new Error("Cancelled."));
        if (char === "\u007f" || char === "\b") answer = [...answer].slice(0, -1).join("");
        else if (char >= " ") answer += char;
      }
    };
    input.on("data", onData);
  });
}

async function readPassword(fromStdin) {
  if (fromStdin) return checkPassword(await readStdin());
  if (!process.stdin.isTTY) {
    throw new Error("No terminal to ask for the password: pipe it in and add --password-stdin.");
  }
  const first = checkPassword(await askHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `));
  const second = await askHidden("The same password again: ");
  if (first !== second) throw new Error("The two passwords differ. Nothing was changed.");
  return first;
}

function wranglerBin() {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
}

/** Runs `wrangler d1 execute DB` on a SQL file (or a read-only command with --json). */
function d1(target, sqlOrFile, { json = false } = {}) {
  const where = target.remote ? ["--remote", "--yes"] : ["--local"];
  if (!target.remote && target.persistTo) where.push("--persist-to", path.resolve(target.persistTo));
  const input = json ? ["--command", sqlOrFile, "--json"] : ["--file", sqlOrFile];
  const result = spawnSync(
    process.execPath,
    [wranglerBin(), "d1", "execute", "DB", "--config", path.join(root, "wrangler.toml"), ...where, ...input],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  return { ok: result.status === 0, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

function executeFile(target, sql) {
  const dir = mkdtempSync(path.join(tmpdir(), "staff-"));
  const file = path.join(dir, "change.sql");
  try {
    writeFileSync(file, sql, { mode: 0o600 });
    return d1(target, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function findAccount(target, email) {
  const result = d1(target, `SELECT id, disabled_at FROM staff_accounts WHERE email = ${sqlText(email)}`, {
    json: true,
  });
  if (!result.ok) fail("Could not read the staff accounts.", result);
  const parsed = JSON.parse(result.stdout.slice(result.stdout.indexOf("[")));
  return parsed[0]?.results?.[0] ?? null;
}

function fail(message, result) {
  const detail = result ? `\n${result.stderr || result.stdout}`.trimEnd() : "";
  throw new Error(`${message}${detail}`);
}

function audit(action, email, at) {
  return `INSERT INTO audit_log (at, actor, action, detail)
VALUES (${sqlText(at)}, 'staff CLI', ${sqlText(action)}, json_object('email', ${sqlText(email)}));\n`;
}

async function add(values, target) {
  const email = checkEmail(values.email);
  const name = (values.name ?? email.split("@")[0]).trim();
  if (!name || name.length > 100) throw new Error("Give a name of 1 to 100 characters with --name.");
  const existing = findAccount(target, email);
  if (existing && !values.reset) {
    throw new Error(`An account for ${email} already exists. Add --reset to give it a new password.`);
  }
  if (!existing && values.reset) throw new Error(`There is no account for ${email} to reset.`);
  const password = await readPassword(values["password-stdin"]);
  const hash = await hashPassword(password);
  const at = new Date().toISOString();
  const sql = existing
    ? `UPDATE staff_accounts SET password_hash = ${sqlText(hash)} WHERE email = ${sqlText(email)};
DELETE FROM staff_sessions WHERE staff_id = ${Number(existing.id)};
${audit("staff_password_reset", email, at)}`
    : `INSERT INTO staff_accounts (email, name, password_hash, created_at)
VALUES (${sqlText(email)}, ${sqlText(name)}, ${sqlText(hash)}, ${sqlText(at)});
${audit("staff_account_created", email, at)}`;
  const result = executeFile(target, sql);
  if (!result.ok) fail("The account was not saved.", result);
  console.log(
    existing
      ? `New password set for ${email}; their sessions were ended.`
      : `Staff account created for ${name} <${email}>${target.remote ? " in the remote database" : ""}.`,
  );
}

function disable(values, target) {
  const email = checkEmail(values.email);
  const existing = findAccount(target, email);
  if (!existing) throw new Error(`There is no account for ${email}.`);
  const at = new Date().toISOString();
  const sql = `UPDATE staff_accounts SET disabled_at = ${sqlText(at)} WHERE id = ${Number(existing.id)} AND disabled_at IS NULL;
DELETE FROM staff_sessions WHERE staff_id = ${Number(existing.id)};
${audit("staff_account_disabled", email, at)}`;
  const result = executeFile(target, sql);
  if (!result.ok) fail("The account was not disabled.", result);
  console.log(
    existing.disabled_at
      ? `${email} was already disabled; any sessions were ended.`
      : `${email} is disabled and signed out everywhere.`,
  );
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      reset: { type: "boolean", default: false },
      remote: { type: "boolean", default: false },
      local: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !["add", "disable"].includes(command)) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  if (values.remote && values.local) throw new Error("Choose --local or --remote, not both.");
  if (values.remote && values["persist-to"]) throw new Error("--persist-to is for the local database only.");
  const target = { remote: values.remote, persistTo: values["persist-to"] };
  if (command === "add") await add(values, target);
  else disable(values, target);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
