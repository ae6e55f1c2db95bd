import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";

describe("GET /api/health", () => {
  it("answers ok when D1 answers", async () => {
    const res = await api.request("/api/health", {}, env);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when D1 answers reads but cannot write, and writes one row however often it is asked", async () => {
    // A real D1 that reads (SELECT 1 works) but where the probe's write fails: it has no tables.
    const readable = await env.MIGRATION_DB.prepare("SELECT 1 AS ok").first<{ ok: number }>();
    expect(readable!.ok).toBe(1);
    const res = await api.request("/api/health", {}, { ...env, DB: env.MIGRATION_DB });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable" });
    for (let i = 0; i < 3; i++) expect((await api.request("/api/health", {}, env)).status).toBe(200);
    const probes = await env.DB.prepare("SELECT count(*) AS n FROM health_probe").first<{ n: number }>();
    expect(probes!.n).toBe(1);
  });

  it("answers 503 when D1 fails", async () => {
    const brokenDb = {
      prepare() {
        throw new Error("D1_ERROR: database unavailable");
      },
    } as unknown as D1Database;
    const res = await api.request("/api/health", {}, { ...env, DB: brokenDb });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable" });
  });
});

describe("unknown API paths", () => {
  it("answer a JSON 404", async () => {
    const res = await api.request("/api/does-not-exist", {}, env);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: "not_found" });
  });
});

describe("security headers on API responses", () => {
  for (const path of ["/api/health", "/api/does-not-exist"]) {
    it(`are set on ${path}`, async () => {
      const res = await api.request(path, {}, env);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      const hsts = res.headers.get("strict-transport-security") ?? "";
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31536000);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("permissions-policy")).toContain("camera=()");
    });
  }
});
