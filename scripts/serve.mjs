// Serves the built site (dist/) with `wrangler dev` on a local D1 after applying migrations.
// Used by `npm start` (persisting to .wrangler/state) and by the browser tests and benchmark
// (each with a throwaway state folder). Usage: node scripts/serve.mjs [--port N] [--persist-to DIR]
// [--var NAME:VALUE …] [--inspector-port N] (passed to wrangler dev; the benchmark sets D1_METER:on
// and reads the Worker's heap through the inspector this way).
import { spawn, spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { ensureDevVars } from "./dev-vars.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8787" },
    "persist-to": { type: "string" },
    var: { type: "string", multiple: true, default: [] },
    "inspector-port": { type: "string" },
  },
});

const env = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  ASTRO_TELEMETRY_DISABLED: "1",
};
const persist = values["persist-to"] ? ["--persist-to", values["persist-to"]] : [];

const devVars = ensureDevVars();
// The clinic's identity on issued Good Faith Estimates, when the shell sets it (the browser tests do).
const vars = ["CLINIC_LEGAL_NAME", "CLINIC_NPI", "CLINIC_TIN"].flatMap((name) =>
  process.env[name] ? ["--var", `${name}:${process.env[name]}`] : [],
);

const migrate = spawnSync(
  "wrangler",
  ["d1", "migrations", "apply", "DB", "--local", "-c", "wrangler.toml", ...persist],
  {
    env,
    stdio: "inherit",
  },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const server = spawn(
  "wrangler",
  [
    "dev",
    "--port",
    values.port,
    "--show-interactive-dev-session=false",
    "--env-file",
    devVars,
    ...vars,
    ...persist,
    ...values.var.flatMap((v) => ["--var", v]),
    ...(values["inspector-port"] ? ["--inspector-port", values["inspector-port"]] : []),
  ],
  { env, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
