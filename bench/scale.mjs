// The staff desk at scale, for `npm run bench`: fills a throwaway local D1 with 0, 10,000 and then
// 100,000 realistic submissions (bench/seed-worker.ts, through the project's own insert
// statements), serves the build on it with the D1 meter on, and measures each staff view's median
// time and D1 rows read, the CSV export's time and the Worker's peak memory during it, and a
// public page's latency while the export runs.
import { execFileSync, spawn } from "node:child_process";
import { ensureDevVars } from "../scripts/dev-vars.mjs";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { countSubmissions } from "../test/fixtures/local-d1.ts";

const sizes = (process.env.BENCH_SCALE_SIZES ?? "0,10000,100000").split(",").map(Number);
const viewRuns = Number(process.env.BENCH_VIEW_RUNS ?? 15);
const email = "bench-desk@example.org";
const password = "bench-desk-password-1234";

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (n) => Math.round(n * 10) / 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts a detached process group (so it and its workerd children stop together). */
function start(command, args, { root, env }) {
  return spawn(command, args, {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", process.env.BENCH_DEBUG ? "inherit" : "ignore"],
    detached: true,
  });
}

async function stop(child) {
  if (child.exitCode != null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // not there (yet), or gone
  }
  await Promise.race([exited, sleep(5000)]);
}

async function waitFor(url, child, init) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`${url}: the server exited before it was ready`);
    try {
      await fetch(url, init);
      return;
    } catch {
      // not there (yet), or gone
    }
    await sleep(250);
  }
  throw new Error(`no answer at ${url}`);
}

/** Resident memory (MiB) of the workerd processes in `child`'s process group. */
function workerdMemory(child) {
  let total = 0;
  const out = execFileSync("ps", ["-o", "pid=,comm=", "-g", String(child.pid)], { encoding: "utf8" });
  for (const line of out.trim().split("\n")) {
    const [pid, comm] = line.trim().split(/\s+/);
    if (comm !== "workerd") continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      // not there (yet), or gone
    }
  }
  return total;
}

/**
 * The Worker isolate's JavaScript heap (MiB) through wrangler dev's DevTools inspector: what the
 * Workers memory limit (128 MB per isolate) applies to. workerd's resident memory also holds the
 * local D1's SQLite page cache, which production D1 keeps elsewhere.
 */
async function heapProbe(inspectorPort) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  // The inspector proxy accepts a local origin (Node 24's WebSocket takes headers).
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl, {
    headers: { origin: `http://127.0.0.1:${inspectorPort}` },
  });
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let id = 0;
  const pending = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  };
  return {
    async usedMb() {
      id += 1;
      const answer = new Promise((resolve) => pending.set(id, resolve));
      socket.send(JSON.stringify({ id, method: "Runtime.getHeapUsage" }));
      const result = await Promise.race([answer, sleep(2000).then(() => null)]);
      return result ? result.usedSize / 2 ** 20 : NaN;
    },
    close: () => socket.close(),
  };
}

/** Adds submissions `from` to `to - 1` of the generator's sequence, in chunks. */
async function seed(ctx, state, from, to) {
  const seeder = start(
    "wrangler",
    [
      "dev",
      "-c",
      "bench/seed.wrangler.toml",
      "--persist-to",
      state,
      "--port",
      String(ctx.port),
      "--show-interactive-dev-session=false",
      // The site's own field-encryption key, so the desk can open what the generator seals.
      "--env-file",
      ensureDevVars(),
    ],
    ctx,
  );
  try {
    await waitFor(`${ctx.base}/ready`, seeder, { method: "POST" });
    const started = Date.now();
    for (let at = from; at < to; at += 5000) {
      const res = await fetch(`${ctx.base}/seed?from=${at}&count=${Math.min(5000, to - at)}`, {
        method: "POST",
      });
      if (!res.ok) throw new Error(`seeding failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
      ctx.log(`  seeded ${Math.min(at + 5000, to)} of ${to}`);
    }
    return Date.now() - started;
  } finally {
    await stop(seeder);
  }
}

async function signIn(base) {
  const res = await fetch(`${base}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "cf-connecting-ip": "10.77.0.1" },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`bench sign-in failed: ${res.status}`);
  return /__Host-session=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")[0];
}

async function timed(url, cookie) {
  const startedAt = performance.now();
  const res = await fetch(url, { headers: { cookie, "cf-connecting-ip": "10.77.0.2" } });
  const body = await res.text();
  const ms = performance.now() - startedAt;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
  return { ms, rowsRead: Number(res.headers.get("x-d1-rows-read") ?? NaN), body };
}

/** The staff views, with the reference, claim number and cursors this database holds. */
async function views(base, cookie) {
  const api = (query) => `${base}/api/staff/submissions?${new URLSearchParams(query)}`;
  const first = JSON.parse((await timed(api({}), cookie)).body);
  const claims = JSON.parse((await timed(api({ kind: "mva_claim" }), cookie)).body);
  const byName = JSON.parse((await timed(api({ sort: "name" }), cookie)).body);
  const reference = first.items[0]?.reference ?? "RX-2345678";
  const claim = (claims.items[0]?.claimNumber ?? "CLM-2026-000000").replace(/[-\s]/g, "");
  const list = [
    ["queue, page 1", {}],
    ["sorted by key date", { sort: "key_date" }],
    ["sorted by name", { sort: "name" }],
    ["kind: claims", { kind: "mva_claim" }],
    ["status: needs information, by name", { status: "needs_info", sort: "name" }],
    ["due: prescriptions", { due: "prescription" }],
    ["due: PIP windows", { due: "pip" }],
    ["search: surname (garcia)", { q: "garcia" }],
    ["search: full name (maria lopez)", { q: "maria lopez" }],
    ["search: reference", { q: reference }],
    ["search: claim number without dashes", { q: claim }],
    [
      "next page, by name",
      byName.next ? { sort: "name", after: String(byName.next.after), page: "2" } : { sort: "name" },
    ],
    ["last page, by name", { sort: "name", last: "1", page: String(byName.pageCount) }],
  ];
  return list.map(([name, query]) => ({ name, url: api(query) }));
}

/** The CSV of everything: time, bytes, the Worker's memory during it, and a public page meanwhile. */
async function measureExport(ctx, site, cookie) {
  const publicUrl = `${ctx.base}/estimate`;
  const idle = [];
  for (let i = 0; i < 10; i++) idle.push((await timed(publicUrl, "")).ms);
  const baseline = workerdMemory(site);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, workerdMemory(site))), 25);
  const heap = await heapProbe(ctx.inspectorPort);
  const heapBaseline = await heap.usedMb();
  let heapPeak = heapBaseline;
  let sampling = true;
  const heapSampler = (async () => {
    while (sampling) {
      const used = await heap.usedMb();
      if (used > heapPeak) heapPeak = used;
      await sleep(25);
    }
  })();
  const during = [];
  let exporting = true;
  const probe = (async () => {
    while (exporting) {
      during.push((await timed(publicUrl, "")).ms);
      await sleep(20);
    }
  })();
  const startedAt = performance.now();
  const res = await fetch(`${ctx.base}/api/staff/submissions.csv`, { headers: { cookie } });
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  const ms = performance.now() - startedAt;
  exporting = false;
  sampling = false;
  await Promise.all([probe, heapSampler]);
  heap.close();
  clearInterval(sampler);
  return {
    ms: Math.round(ms),
    megabytes: round1(bytes / 2 ** 20),
    heapGrowthMb: round1(heapPeak - heapBaseline),
    heapBaselineMb: round1(heapBaseline),
    processGrowthMb: round1(peak - baseline),
    publicIdleMs: round1(median(idle)),
    publicDuringMedianMs: round1(median(during.length ? during : [NaN])),
    publicDuringMaxMs: round1(Math.max(...during)),
    publicDuringRequests: during.length,
  };
}

/** Runs the whole scale section; returns its figures and records budgets through `budget`. */
export async function measureScale(ctx) {
  const state = path.join(ctx.root, ".wrangler/bench-scale-state");
  rmSync(state, { recursive: true, force: true });
  execFileSync(
    "wrangler",
    ["d1", "migrations", "apply", "DB", "--local", "-c", "wrangler.toml", "--persist-to", state],
    { cwd: ctx.root, env: ctx.env, stdio: "ignore" },
  );
  execFileSync(
    "node",
    [
      "scripts/staff.mjs",
      "add",
      "--email",
      email,
      "--name",
      "Bench Desk",
      "--password-stdin",
      "--persist-to",
      state,
    ],
    { cwd: ctx.root, env: ctx.env, input: `${password}\n`, stdio: ["pipe", "ignore", "inherit"] },
  );
  const results = [];
  let stored = 0;
  for (const size of sizes) {
    let seedMs = 0;
    if (size > stored) {
      ctx.log(`scale: seeding to ${size} submissions…`);
      seedMs = await seed(ctx, state, stored, size);
      stored = size;
    }
    const rows = countSubmissions(state, "1 = 1");
    if (rows !== size) throw new Error(`expected ${size} submissions, found ${rows}`);
    const site = start(
      process.execPath,
      [
        "scripts/serve.mjs",
        "--port",
        String(ctx.port),
        "--persist-to",
        state,
        "--var",
        "D1_METER:on",
        "--inspector-port",
        String(ctx.inspectorPort),
      ],
      ctx,
    );
    try {
      await waitFor(`${ctx.base}/api/health`, site);
      const cookie = await signIn(ctx.base);
      const list = await views(ctx.base, cookie);
      // Interleaved: every view once per round, so a slow moment of the machine hits all alike.
      const samples = new Map(list.map((v) => [v.name, { ms: [], rowsRead: [] }]));
      for (let round = 0; round < viewRuns + 2; round++) {
        for (const view of list) {
          const { ms, rowsRead } = await timed(view.url, cookie);
          if (round < 2) continue;
          samples.get(view.name).ms.push(ms);
          samples.get(view.name).rowsRead.push(rowsRead);
        }
      }
      const viewFigures = list.map((v) => ({
        name: v.name,
        ms: round1(median(samples.get(v.name).ms)),
        rowsRead: median(samples.get(v.name).rowsRead),
      }));
      ctx.log(`scale: ${size} submissions, CSV export…`);
      const csv = await measureExport(ctx, site, cookie);
      results.push({ size, seedMs, views: viewFigures, csv });
    } finally {
      await stop(site);
    }
  }
  const at = (size) => results.find((r) => r.size === size);
  const small = at(10_000);
  const large = at(100_000);
  if (small && large) {
    for (const view of large.views) {
      const before = small.views.find((v) => v.name === view.name);
      ctx.budget(`${view.name} at 100k reads ≤ 5,000 rows`, view.rowsRead, 5000, view.rowsRead <= 5000);
      const ratio = round1(view.ms / Math.max(before.ms, 0.1));
      ctx.budget(`${view.name} at 100k ≤ 3 × its 10k time`, `${ratio}×`, "3×", ratio <= 3);
    }
    const growth = round1(large.csv.heapGrowthMb - small.csv.heapGrowthMb);
    ctx.budget(
      "CSV export's Worker heap grows ≤ 32 MB from 10k to 100k",
      `${growth} MB`,
      "32 MB",
      growth <= 32,
    );
  }
  return results;
}
