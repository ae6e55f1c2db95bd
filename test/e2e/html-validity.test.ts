import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { publicPages, spanishPages } from "../../src/shared/site-pages";
import { newKey, prescriptionBody } from "../fixtures/submissions";
import { baseURL } from "./browser";

const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
}

it("every page, as served, passes the Nu Html Checker with 0 errors", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vnu-"));
  const pages: Record<string, string> = {};
  for (const { path: p } of [...publicPages, ...spanishPages])
    pages[p] = await (await fetch(new URL(p, baseURL))).text();
  for (const p of [
    "/no-such-page",
    "/es/no-existe",
    "/forms/received",
    "/es/forms/received",
    "/staff/login",
  ]) {
    const res = await fetch(new URL(p, baseURL));
    if (p !== "/staff/login" || res.status === 200) pages[p] = await res.text();
  }
  const errorPage = await fetch(new URL("/api/prescriptions", baseURL), {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseURL,
      "CF-Connecting-IP": "10.77.0.1",
    },
    body: new URLSearchParams({ ...prescriptionBody({ phone: "" }), idempotencyKey: newKey() }).toString(),
  });
  expect(errorPage.status).toBe(422);
  pages["form error page"] = await errorPage.text();
  // The Spanish form page shown again without JavaScript, and the API's own Spanish error page.
  const post = (url: string, ip: string) =>
    fetch(new URL(url, baseURL), {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: baseURL,
        "CF-Connecting-IP": ip,
      },
      body: new URLSearchParams({
        ...prescriptionBody({ phone: "" }),
        idempotencyKey: newKey(),
        language: "es",
      }).toString(),
    });
  const spanishForm = await post("/es/forms/prescription", "10.77.0.2");
  expect(spanishForm.status).toBe(422);
  pages["Spanish form shown again"] = await spanishForm.text();
  const spanishErrorPage = await post("/api/prescriptions", "10.77.0.3");
  expect(spanishErrorPage.status).toBe(422);
  pages["Spanish form error page"] = await spanishErrorPage.text();

  const files = Object.entries(pages).map(([name, html], i) => {
    const file = path.join(dir, `${i}-${name.replace(/[^a-z0-9]+/gi, "_")}.html`);
    writeFileSync(file, html);
    return file;
  });
  // vnu writes its JSON report to stderr.
  const run = spawnSync(
    "java",
    ["-jar", vnuJar, "--format", "json", "--errors-only", "--exit-zero-always", ...files],
    {
      encoding: "utf8",
    },
  );
  expect(run.status, run.stderr.slice(0, 500)).toBe(0);
  const report = run.stderr;
  const messages = (JSON.parse(report) as { messages: VnuMessage[] }).messages;
  const errors = messages
    .filter((m) => m.type === "error")
    .map((m) => `${path.basename(m.url)}:${m.lastLine ?? "?"} ${m.message}`);
  expect(errors).toEqual([]);
  expect(files.length).toBeGreaterThanOrEqual(publicPages.length + spanishPages.length + 4);
});
