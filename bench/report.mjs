// The benchmark's printed tables, the README's performance section (between the bench markers), and
// which sections a run measures.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A plain-text table of `rows` for the terminal. */
export function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)));
  const line = (cells) => cells.map((c, i) => String(c ?? "").padEnd(widths[i])).join("  ");
  return [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map((c) => r[c]))),
  ].join("\n");
}

const thousands = (n) => n.toLocaleString("en-US");

function scaleLines(scale) {
  const sizes = scale.results.map((r) => r.size);
  const head = sizes.map((s) => thousands(s));
  return [
    `Staff desk at scale (measured ${scale.date.slice(0, 10)}): a throwaway local D1 filled by \`bench/seed-worker.ts\` through the project's own insert statements (${scale.results
      .filter((r) => r.seedMs)
      .map((r) => `to ${thousands(r.size)} in ${Math.round(r.seedMs / 1000)} s`)
      .join(
        ", ",
      )}); median of ${scale.viewRuns} interleaved runs per view over HTTP on \`wrangler dev\`, rows read as D1 reports them (\`meta.rows_read\`, summed per request).`,
    "",
    `| staff view | ${head.map((h) => `ms at ${h}`).join(" | ")} | ${head.map((h) => `rows read at ${h}`).join(" | ")} |`,
    `| --- | ${sizes.map(() => "---:").join(" | ")} | ${sizes.map(() => "---:").join(" | ")} |`,
    ...scale.results[0].views.map((v) => {
      const at = scale.results.map((r) => r.views.find((x) => x.name === v.name));
      return `| ${v.name} | ${at.map((x) => x.ms).join(" | ")} | ${at.map((x) => thousands(x.rowsRead)).join(" | ")} |`;
    }),
    "",
    "| CSV of everything | " + head.join(" | ") + " |",
    `| --- | ${sizes.map(() => "---:").join(" | ")} |`,
    `| time (ms) | ${scale.results.map((r) => r.csv.ms).join(" | ")} |`,
    `| size (MiB) | ${scale.results.map((r) => r.csv.megabytes).join(" | ")} |`,
    `| Worker heap growth during it (MiB, isolate heap via the inspector) | ${scale.results.map((r) => r.csv.heapGrowthMb).join(" | ")} |`,
    `| workerd process growth during it (MiB, resident, includes local D1's page cache) | ${scale.results.map((r) => r.csv.processGrowthMb).join(" | ")} |`,
    `| \`/estimate\` latency idle, median (ms) | ${scale.results.map((r) => r.csv.publicIdleMs).join(" | ")} |`,
    `| \`/estimate\` latency during the export, median / max (ms) | ${scale.results
      .map((r) => `${r.csv.publicDuringMedianMs} / ${r.csv.publicDuringMaxMs}`)
      .join(" | ")} |`,
  ];
}

/** Rewrites README.md between the performance markers with the figures in `result`. */
export function writeReadme(root, env, result) {
  const readmePath = path.join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const kb = (n) => (n / 1024).toFixed(1);
  const lines = [
    start,
    `Measured ${result.date.slice(0, 10)} on ${result.machine} (\`npm run bench\`; Lighthouse benchmarkIndex ${result.benchmarkIndex}, so CPU slowdown ${result.cpuSlowdown}x; API load ${result.rounds ? `in ${result.rounds} interleaved rounds of ` : ""}${result.loadSeconds} s per endpoint, ${result.connections} connections, \`wrangler dev\` on the build).`,
    "",
    "| page | transferred (KB) | JS gz (KB) | requests | performance | accessibility | best practices | SEO | LCP (ms) | CLS | TBT (ms) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...result.pages.map(
      (p) =>
        `| \`${p.path}\` | ${kb(p.bytes)} | ${kb(p.jsBytes)} | ${p.requests} | ${p.performance} | ${p.accessibility} | ${p.bestPractices} | ${p.seo} | ${p.lcpMs} | ${p.cls} | ${p.tbtMs} |`,
    ),
    "",
    "| endpoint | requests/s (median) | spread (lowest–highest) | p50 (ms) | p99 (ms) | ratio to static |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...result.api.map(
      (a) =>
        `| ${a.name} | ${a.requestsPerSecond} | ${a.minRequestsPerSecond ?? a.requestsPerSecond}–${a.maxRequestsPerSecond ?? a.requestsPerSecond} | ${a.p50Ms} | ${a.p99Ms} | ${a.ratioToStatic} |`,
    ),
    "",
    `Exactly once under load: ${result.exactlyOnce.sent} concurrent submissions, ${result.exactlyOnce.repeatedKeys} of them repeating an earlier key → ${result.exactlyOnce.newRows} new rows, ${result.exactlyOnce.responses5xx} responses ≥ 500.`,
    "",
    ...(result.scale ? [...scaleLines(result.scale), ""] : []),
    `Budgets: ${result.budgets.filter((b) => b.pass).length} of ${result.budgets.length} pass${
      result.budgets.every((b) => b.pass)
        ? ""
        : ` (failing: ${result.budgets
            .filter((b) => !b.pass)
            .map((b) => b.name)
            .join("; ")})`
    }.`,
    end,
  ];
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) throw new Error("README.md has no bench markers");
  writeFileSync(readmePath, readme.slice(0, from) + lines.join("\n") + readme.slice(to + end.length));
  execFileSync("prettier", ["--write", readmePath], { env, stdio: "ignore" });
}

/** Which sections to run: `--only pages,load,once,scale` (default: all of them). */
export function sections() {
  const i = process.argv.indexOf("--only");
  const all = ["pages", "load", "once", "scale"];
  if (i === -1) return new Set(all);
  const chosen = process.argv[i + 1]?.split(",") ?? [];
  if (!chosen.length || chosen.some((s) => !all.includes(s)))
    throw new Error(`--only takes some of ${all.join(",")}`);
  return new Set(chosen);
}

/** The previous run's figures, kept for the sections this run skips. */
export function previousResult(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, "bench/results/latest.json"), "utf8"));
  } catch {
    return {};
  }
}
