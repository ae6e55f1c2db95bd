/**
 * The staff pages' server-side helpers, run in workerd against the real API: how a page answers
 * a refused API call, and the sign-out endpoint.
 */
import { env } from "cloudflare:workers";
import type { APIContext } from "astro";
import { describe, expect, it } from "vitest";
import { tokenHash } from "../../functions/staff/auth";
import { forbiddenMessages, refusal, requireStaff, serverTroubleMessage } from "../../src/server/staff-page";
import { POST as logout } from "../../src/pages/staff/logout";
import { freshIp, origin, signIn } from "./staff-helpers";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

describe("refusal(): a page's answer to a refused API call", () => {
  it("sends a 401 to the sign-in page (saying so when the session expired), passing cookies on", async () => {
    const expired = await refusal(
      json(401, { error: "unauthorized", reason: "expired" }, { "Set-Cookie": "__Host-session=; Max-Age=0" }),
    );
    expect(expired.status).toBe(303);
    expect(expired.headers.get("location")).toBe("/staff/login?expired=1");
    expect(expired.headers.get("cache-control")).toBe("no-store");
    expect(expired.headers.getSetCookie()).toEqual(["__Host-session=; Max-Age=0"]);
    const signedOut = await refusal(json(401, { error: "unauthorized", reason: "signed_out" }));
    expect(signedOut.headers.get("location")).toBe("/staff/login");
  });

  it("names the reason of a 403: Cloudflare Access, or a change from another origin", async () => {
    const access = await refusal(json(403, { error: "access_required", message: "…" }));
    expect(access.status).toBe(403);
    expect(await access.text()).toBe(forbiddenMessages.access_required);
    expect(access.headers.get("cache-control")).toBe("no-store");
    const crossOrigin = await refusal(json(403, { error: "cross_origin", message: "…" }));
    expect(crossOrigin.status).toBe(403);
    expect(await crossOrigin.text()).toBe(forbiddenMessages.cross_origin);
  });

  it.each([
    ["a 500", json(500, { error: "internal_error" })],
    ["a misconfigured Access (503)", json(503, { error: "access_misconfigured" })],
    ["a 502 that is not JSON", new Response("<html>Bad gateway</html>", { status: 502 })],
    ["an unexpected 404", json(404, { error: "not_found" })],
  ])("answers %s with a plain 503 'try again' page, not the Access message", async (_label, res) => {
    const page = await refusal(res);
    expect(page.status).toBe(503);
    const text = await page.text();
    expect(text).toBe(serverTroubleMessage);
    expect(text).toMatch(/^Something went wrong on our side\. Try again/);
    expect(text).not.toContain("Access");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  it("requireStaff answers a half-configured Access with the 503 page", async () => {
    const { cookie } = await signIn();
    // Pages call the API with the Worker's own `env`: set only one of the two Access settings.
    Object.assign(env, { ACCESS_TEAM_DOMAIN: "clinic.cloudflareaccess.com" });
    try {
      const request = new Request(`${origin}/staff`, { headers: { Cookie: cookie } });
      const result = await requireStaff({ request, url: new URL(request.url) });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.response.status).toBe(503);
      expect(await result.response.text()).toBe(serverTroubleMessage);
    } finally {
      delete (env as unknown as Record<string, unknown>).ACCESS_TEAM_DOMAIN;
    }
  });
});

function logoutContext(headers: Record<string, string>): APIContext {
  const request = new Request(`${origin}/staff/logout`, {
    method: "POST",
    headers: { "CF-Connecting-IP": freshIp(), ...headers },
  });
  return { request, url: new URL(request.url) } as unknown as APIContext;
}

/** A Set-Cookie that deletes `name` on `path`, with the staff cookies' attributes. */
function clears(name: string, path: string) {
  return (cookie: string) => {
    const [pair, ...attributes] = cookie.split(/;\s*/);
    return (
      pair === `${name}=` &&
      attributes.includes("Max-Age=0") &&
      attributes.includes(`Path=${path}`) &&
      ["HttpOnly", "Secure", "SameSite=Strict"].every((a) => attributes.includes(a))
    );
  };
}
const searchCleared = { test: clears("__Secure-staff-search", "/staff") };
const sessionCleared = { test: clears("__Host-session", "/") };
const pendingCleared = { test: clears("__Host-staff-pending", "/") };

describe("POST /staff/logout", () => {
  it("ends the session and clears the session, pending sign-in and search cookies, once each, with no-store", async () => {
    const { cookie, token } = await signIn();
    const res = await logout(
      logoutContext({ Origin: origin, Cookie: `${cookie}; __Secure-staff-search=Lopez` }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/login?signed_out=1");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const cookies = res.headers.getSetCookie();
    expect(cookies.filter((c) => searchCleared.test(c))).toHaveLength(1);
    expect(cookies.filter((c) => sessionCleared.test(c))).toHaveLength(1);
    expect(cookies.filter((c) => pendingCleared.test(c))).toHaveLength(1);
    expect(cookies).toHaveLength(3);
    const row = await env.DB.prepare("SELECT 1 FROM staff_sessions WHERE token_hash = ?1")
      .bind(await tokenHash(token))
      .first();
    expect(row).toBeNull();
  });

  it("clears the search cookie even when the session is already gone", async () => {
    for (const cookie of [
      "__Secure-staff-search=Lopez",
      "__Host-session=gone; __Secure-staff-search=Lopez",
    ]) {
      const res = await logout(logoutContext({ "Sec-Fetch-Site": "same-origin", Cookie: cookie }));
      expect(res.status).toBe(303);
      const cookies = res.headers.getSetCookie();
      expect(cookies.filter((c) => searchCleared.test(c))).toHaveLength(1);
      expect(cookies.filter((c) => sessionCleared.test(c))).toHaveLength(1);
    }
  });

  it("refuses a sign-out posted from another origin (403), leaving the session alone", async () => {
    const { cookie, token } = await signIn();
    const variants: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      {},
    ];
    for (const headers of variants) {
      const res = await logout(logoutContext({ ...headers, Cookie: cookie }));
      expect(res.status).toBe(403);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const row = await env.DB.prepare("SELECT 1 FROM staff_sessions WHERE token_hash = ?1")
      .bind(await tokenHash(token))
      .first();
    expect(row).not.toBeNull();
  });
});
