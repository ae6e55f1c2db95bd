import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "8790";
const baseURL = `http://localhost:${port}`;
const state = path.join(root, `.wrangler/e2e-state-${port}`);

let server: ChildProcess | undefined;

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server?.exitCode != null) throw new Error("wrangler dev exited before it was ready");
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The site did not answer at ${baseURL} within 60 s`);
}

/** Serves the built site on a fresh local D1 for the browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, "dist/server/wrangler.json"))) {
    throw new Error("No build found: run `npm run build:e2e` first (npm test does it for you).");
  }
  // The contact tests expect the settings of .env.example; a plain `astro build` has none.
  if (!readFileSync(path.join(root, "dist/client/index.html"), "utf8").includes('href="tel:')) {
    throw new Error(
      "The build has no contact settings: run `npm run build:e2e` (the settings of .env.example).",
    );
  }
  rmSync(state, { recursive: true, force: true });
  server = spawn(process.execPath, ["scripts/serve.mjs", "--port", port, "--persist-to", state], {
    cwd: root,
    env: {
      ...process.env,
      PATH: `${path.join(root, "node_modules/.bin")}:${process.env.PATH}`,
      // A made-up identity for issued Good Faith Estimates (1234567893 passes the NPI check).
      CLINIC_LEGAL_NAME: "Hillcrest Massage Therapy LLC",
      CLINIC_NPI: "1234567893",
      CLINIC_TIN: "12-3456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  try {
    await waitForHealth(Date.now() + 60_000);
  } catch (error) {
    console.error(log);
    throw error;
  }
  project.provide("baseURL", baseURL);
  project.provide("d1State", state);

  return () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    d1State: string;
  }
}
