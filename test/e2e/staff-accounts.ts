/**
 * Staff accounts for the browser tests: made with the staff CLI against the served site's local
 * D1, with each account's TOTP secret read from the `otpauth://` line the CLI prints, and codes
 * computed from it as an authenticator app would.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, inject } from "vitest";
import { totpCode, totpStep } from "../../functions/staff/second-factor";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs the staff CLI against the served site's local D1 (or `persistTo`). */
export function staffCli(args: string[], input?: string, persistTo: string = inject("d1State")): string {
  return execFileSync(process.execPath, ["scripts/staff.mjs", ...args, "--persist-to", persistTo], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
}

const secrets = new Map<string, string>();
const lastSteps = new Map<string, number>();

/** Creates an account with the CLI (`extra`: `--role admin`…), keeps its secret, gives the output. */
export function addStaff(email: string, name: string, password: string, extra: string[] = []): string {
  const out = staffCli(
    ["add", "--email", email, "--name", name, "--password-stdin", ...extra],
    `${password}\n`,
  );
  const uri = /^otpauth:\/\/totp\/\S+$/m.exec(out)?.[0];
  expect(uri, out).toBeDefined();
  secrets.set(email, new URL(uri!).searchParams.get("secret")!);
  return out;
}

/**
 * A code of the account's secret it has not used yet (each is accepted once): this step's or the
 * next one's, waiting for the clock when both were used.
 */
export async function nextCode(email: string): Promise<string> {
  const step = Math.max(totpStep(new Date()), (lastSteps.get(email) ?? 0) + 1);
  while (step > totpStep(new Date()) + 1) await new Promise((resolve) => setTimeout(resolve, 1_000));
  lastSteps.set(email, step);
  return totpCode(secrets.get(email)!, new Date(step * 30_000));
}
