#!/usr/bin/env node
// Staff accounts for the staff desk, written to D1 through `wrangler d1 execute`.
//
//   node scripts/staff.mjs add --email <email> [--name <name>] [--role admin|staff] [--password-stdin]
//                              [--reset] [--reset-2fa] [--remote]
//   node scripts/staff.mjs role --email <email> --role admin|staff [--remote]
//   node scripts/staff.mjs disable --email <email> [--remote]
//
// `add` asks for the password twice without showing it (or reads it from stdin with
// --password-stdin, for scripts), checks it (scripts/password-policy.ts), stores only a
// PBKDF2-SHA256 hash, and enrols two-step sign-in: it prints the otpauth:// address on a line of
// its own, a QR code to scan, and 10 single-use recovery codes (stored only hashed). The first
// account is an admin; later ones are `staff` unless `--role admin`. `--reset` gives an existing
// account a new password; `--reset-2fa` a new TOTP secret and recovery codes (how an account made
// before two-step sign-in gets enrolled); both sign it out everywhere. `role` changes a role (the
// last active admin stays one). `disable` blocks an account and ends its sessions. Local by
// default; `--remote` writes to the deployed D1; `--persist-to <dir>` picks the local state folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { renderUnicodeCompact } from "uqr";
// Node 24 runs the Worker's TypeScript modules as they are (type stripping): one PBKDF2 and one
// TOTP for both.
import { hashPassword } from "../functions/staff/password.ts";
import {
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpUri,
} from "../functions/staff/second-factor.ts";
import { minPasswordLength, passwordProblem } from "./password-policy.ts";

export { hashPassword };

const root = path.resolve(import.meta.dirname, "..");

const roles = ["admin", "staff"];

const usage = `Usage:
  npm run staff:add -- --email <email> [--name <name>] [--role admin|staff] [--password-stdin] [--remote]
  npm run staff:add -- --email <email> --reset [--reset-2fa] [--remote]
  npm run staff:add -- --email <email> --reset-2fa [--remote]
  npm run staff:role -- --email <email> --role admin|staff [--remote]
  npm run staff:disable -- --email <email> [--remote]

Options:
  --email <email>     the staff member's email address (how they sign in)
  --name <name>       their name as the staff desk shows it (default: the part before @)
  --role <role>       admin (exports, manages accounts) or staff (default; the first account is admin)
  --password-stdin    read the password from standard input instead of asking for it
  --reset             give an existing account a new password (signs it out everywhere)
  --reset-2fa         give an existing account a new authenticator secret and recovery codes
                      (signs it out everywhere; the old codes stop working)
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

export function checkPassword(password, email) {
  const problem = passwordProblem(password, email);
  if (problem) throw new Error(problem);
  return password;
}

function checkRole(role) {
  if (role !== undefined && !roles.includes(role)) throw new Error("Give --role admin or --role staff.");
  return role;
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

async function readPassword(fromStdin, email) {
  if (fromStdin) return checkPassword(await readStdin(), email);
  if (!process.stdin.isTTY) {
    throw new Error("No terminal to ask for the password: pipe it in and add --password-stdin.");
  }
  const first = checkPassword(
    await askHidden(`Password (at least ${minPasswordLength} characters): `),
    email,
  );
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

function query(target, sql) {
  const result = d1(target, sql, { json: true });
  if (!result.ok) fail("Could not read the staff accounts.", result);
  const parsed = JSON.parse(result.stdout.slice(result.stdout.indexOf("[")));
  return parsed[0]?.results ?? [];
}

function findAccount(target, email) {
  const sql = `SELECT id, role, disabled_at FROM staff_accounts WHERE email = ${sqlText(email)}`;
  return query(target, sql)[0] ?? null;
}

function fail(message, result) {
  const detail = result ? `\n${result.stderr || result.stdout}`.trimEnd() : "";
  throw new Error(`${message}${detail}`);
}

function audit(action, email, at, extra = {}) {
  const pairs = Object.entries({ email, ...extra }).map(([k, v]) => `${sqlText(k)}, ${sqlText(v)}`);
  return `INSERT INTO audit_log (at, actor, action, detail)
VALUES (${sqlText(at)}, 'staff CLI', ${sqlText(action)}, json_object(${pairs.join(", ")}));\n`;
}

/** The authenticator app's name for the desk: the clinic's name when it is configured. */
function issuer() {
  const name = (process.env.PUBLIC_CLINIC_NAME ?? "").replace(/[:\u0000-\u001f]/g, "").trim();
  return name ? `${name} staff desk` : "Clinic staff desk";
}

/** A new TOTP secret and recovery codes for the account `idSql`, as SQL, and what to print. */
async function enrolment(idSql, email) {
  const secret = newTotpSecret();
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => recoveryCodeHash(code)));
  const sql = `UPDATE staff_accounts SET totp_secret = ${sqlText(secret)}, totp_last_step = NULL WHERE id = ${idSql};
DELETE FROM staff_recovery_codes WHERE staff_id = ${idSql};
${hashes.map((hash) => `INSERT INTO staff_recovery_codes (staff_id, code_hash) VALUES (${idSql}, ${sqlText(hash)});`).join("\n")}
DELETE FROM staff_pending_sign_ins WHERE staff_id = ${idSql};\n`;
  const uri = totpUri(secret, { email, issuer: issuer() });
  const text = [
    "",
    "Two-step sign-in: scan this QR code with an authenticator app (Google Authenticator,",
    "Microsoft Authenticator, 1Password, Aegis…), or add this address to it:",
    "",
    uri,
    "",
    renderUnicodeCompact(uri, { border: 2 }),
    "",
    "Recovery codes: each one works once, instead of a code from the app. Keep them somewhere",
    "safe, away from the password. They are not shown again.",
    "",
    ...codes.map((code) => `  ${code}`),
    "",
  ].join("\n");
  return { sql, text };
}

async function add(values, target) {
  const email = checkEmail(values.email);
  const role = checkRole(values.role);
  const name = (values.name ?? email.split("@")[0]).trim();
  if (!name || name.length > 100) throw new Error("Give a name of 1 to 100 characters with --name.");
  const existing = findAccount(target, email);
  const resetting = values.reset || values["reset-2fa"];
  if (existing && !resetting) {
    throw new Error(
      `An account for ${email} already exists. Add --reset for a new password, or --reset-2fa for a new authenticator.`,
    );
  }
  if (!existing && resetting) throw new Error(`There is no account for ${email} to reset.`);
  if (existing && role) throw new Error("To change a role, use npm run staff:role.");
  const at = new Date().toISOString();
  if (existing) {
    const id = String(Number(existing.id));
    let sql = "";
    if (values.reset) {
      const hash = await hashPassword(await readPassword(values["password-stdin"], email));
      sql += `UPDATE staff_accounts SET password_hash = ${sqlText(hash)} WHERE id = ${id};\n${audit("staff_password_reset", email, at)}`;
    }
    const enrol = values["reset-2fa"] ? await enrolment(id, email) : null;
    if (enrol) sql += `${enrol.sql}${audit("staff_2fa_reset", email, at)}`;
    sql += `DELETE FROM staff_sessions WHERE staff_id = ${id};\n`;
    const result = executeFile(target, sql);
    if (!result.ok) fail("Nothing was changed.", result);
    console.log(
      `${[values.reset && "New password", enrol && "New authenticator"].filter(Boolean).join(" and ")} set for ${email}; their sessions were ended.`,
    );
    if (enrol) console.log(enrol.text);
    return;
  }
  const first = query(target, "SELECT count(*) AS n FROM staff_accounts")[0]?.n === 0;
  const finalRole = first ? "admin" : (role ?? "staff");
  const password = await readPassword(values["password-stdin"], email);
  const hash = await hashPassword(password);
  const idSql = `(SELECT id FROM staff_accounts WHERE email = ${sqlText(email)})`;
  const enrol = await enrolment(idSql, email);
  const sql = `INSERT INTO staff_accounts (email, name, password_hash, created_at, role)
VALUES (${sqlText(email)}, ${sqlText(name)}, ${sqlText(hash)}, ${sqlText(at)}, ${sqlText(finalRole)});
${enrol.sql}${audit("staff_account_created", email, at, { role: finalRole })}`;
  const result = executeFile(target, sql);
  if (!result.ok) fail("The account was not saved.", result);
  console.log(
    `Staff account created for ${name} <${email}> as ${finalRole}${first && role === "staff" ? " (the first account is always an admin)" : ""}${target.remote ? " in the remote database" : ""}.`,
  );
  console.log(enrol.text);
}

function setRole(values, target) {
  const email = checkEmail(values.email);
  const role = checkRole(values.role);
  if (!role) throw new Error("Give --role admin or --role staff.");
  const existing = findAccount(target, email);
  if (!existing) throw new Error(`There is no account for ${email}.`);
  if (existing.role === role) return console.log(`${email} is already ${role}.`);
  const admins = query(
    target,
    "SELECT count(*) AS n FROM staff_accounts WHERE role = 'admin' AND disabled_at IS NULL",
  )[0]?.n;
  if (role === "staff" && existing.role === "admin" && admins <= 1) {
    throw new Error(`${email} is the only active admin. Make another account admin first.`);
  }
  const at = new Date().toISOString();
  const id = Number(existing.id);
  // Sessions end so the new role applies at once.
  const sql = `UPDATE staff_accounts SET role = ${sqlText(role)} WHERE id = ${id};
DELETE FROM staff_sessions WHERE staff_id = ${id};
${audit("staff_role_changed", email, at, { from: existing.role, to: role })}`;
  const result = executeFile(target, sql);
  if (!result.ok) fail("The role was not changed.", result);
  console.log(`${email} is now ${role}; their sessions were ended.`);
}

function disable(values, target) {
  const email = checkEmail(values.email);
  const existing = findAccount(target, email);
  if (!existing) throw new Error(`There is no account for ${email}.`);
  const at = new Date().toISOString();
  const sql = `UPDATE staff_accounts SET disabled_at = ${sqlText(at)} WHERE id = ${Number(existing.id)} AND disabled_at IS NULL;
DELETE FROM staff_sessions WHERE staff_id = ${Number(existing.id)};
DELETE FROM staff_pending_sign_ins WHERE staff_id = ${Number(existing.id)};
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
      role: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      reset: { type: "boolean", default: false },
      "reset-2fa": { type: "boolean", default: false },
      remote: { type: "boolean", default: false },
      local: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !["add", "role", "disable"].includes(command)) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  if (values.remote && values.local) throw new Error("Choose --local or --remote, not both.");
  if (values.remote && values["persist-to"]) throw new Error("--persist-to is for the local database only.");
  const target = { remote: values.remote, persistTo: values["persist-to"] };
  if (command === "add") await add(values, target);
  else if (command === "role") setRole(values, target);
  else disable(values, target);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
