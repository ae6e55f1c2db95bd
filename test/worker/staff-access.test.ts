import { Jwt } from "hono/utils/jwt";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { accessConfig, accessSetting, forgetAccessKeys } from "../../functions/staff/access";
import { staffPassword } from "../fixtures/staff";
import { createStaff, postLogin, sessionToken, signIn, signInSteps, staffRequest } from "./staff-helpers";

const teamDomain = "clinic-test.cloudflareaccess.com";
const audience = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
const accessBindings = { ACCESS_TEAM_DOMAIN: teamDomain, ACCESS_AUD: audience };
const certsUrl = `https://${teamDomain}/cdn-cgi/access/certs`;

type Jwk = JsonWebKey & { kid: string; alg: string };

async function rsaKey(kid: string): Promise<{ publicJwk: Jwk; privateJwk: Jwk }> {
  const pair = (await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const publicJwk = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey;
  const privateJwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return { publicJwk: { ...publicJwk, kid, alg: "RS256" }, privateJwk: { ...privateJwk, kid, alg: "RS256" } };
}

let teamKey: { publicJwk: Jwk; privateJwk: Jwk };
let strangerKey: { publicJwk: Jwk; privateJwk: Jwk };
let certsFetches = 0;

beforeAll(async () => {
  teamKey = await rsaKey("team-key-1");
  strangerKey = await rsaKey("stranger-key");
});

beforeEach(() => {
  forgetAccessKeys();
  certsFetches = 0;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== certsUrl) throw new Error(`unexpected fetch to ${url}`);
    certsFetches += 1;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicOnly } = teamKey.publicJwk;
    return Response.json({ keys: [publicOnly], public_cert: { kid: teamKey.publicJwk.kid, cert: "…" } });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const now = () => Math.floor(Date.now() / 1000);

function accessToken(claims: Record<string, unknown> = {}, key: Jwk = teamKey.privateJwk): Promise<string> {
  return Jwt.sign(
    {
      aud: [audience],
      email: "desk@example.org",
      exp: now() + 3600,
      iat: now() - 10,
      nbf: now() - 10,
      iss: `https://${teamDomain}`,
      type: "app",
      sub: "7335d417-61da-459d-899c-0a01c76a2f94",
      ...claims,
    },
    key,
  );
}

async function signInThroughAccess(jwt: string) {
  const account = await createStaff();
  const { res } = await signInSteps(account, {
    bindings: accessBindings,
    headers: { "Cf-Access-Jwt-Assertion": jwt },
  });
  return { res, cookie: `__Host-session=${sessionToken(res)}` };
}

describe("Cloudflare Access in front of the staff desk", () => {
  it("is off when neither ACCESS_TEAM_DOMAIN nor ACCESS_AUD is set, on when both are, misconfigured otherwise", () => {
    expect(accessSetting({})).toEqual({ status: "off" });
    expect(accessSetting({ ACCESS_TEAM_DOMAIN: " ", ACCESS_AUD: "" })).toEqual({ status: "off" });
    expect(accessConfig({})).toBeNull();
    expect(accessConfig({ ACCESS_TEAM_DOMAIN: `https://${teamDomain}/`, ACCESS_AUD: audience })).toEqual({
      issuer: `https://${teamDomain}`,
      certsUrl,
      audience,
    });
    expect(accessSetting({ ACCESS_TEAM_DOMAIN: teamDomain })).toEqual({
      status: "misconfigured",
      problems: ["ACCESS_AUD"],
    });
    expect(accessSetting({ ACCESS_TEAM_DOMAIN: teamDomain, ACCESS_AUD: "  " })).toEqual({
      status: "misconfigured",
      problems: ["ACCESS_AUD"],
    });
    expect(accessSetting({ ACCESS_AUD: audience })).toEqual({
      status: "misconfigured",
      problems: ["ACCESS_TEAM_DOMAIN"],
    });
    expect(accessSetting({ ACCESS_TEAM_DOMAIN: "evil.example/path?", ACCESS_AUD: audience })).toMatchObject({
      status: "misconfigured",
    });
    expect(accessConfig({ ACCESS_TEAM_DOMAIN: teamDomain })).toBeNull();
  });

  it.each([
    ["only ACCESS_TEAM_DOMAIN", { ACCESS_TEAM_DOMAIN: teamDomain }],
    ["only ACCESS_AUD", { ACCESS_AUD: audience }],
    ["ACCESS_AUD blank", { ACCESS_TEAM_DOMAIN: teamDomain, ACCESS_AUD: " " }],
  ])(
    "fails closed with %s set: every staff request gets 503, logged without PHI",
    async (_label, bindings) => {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const account = await createStaff();
      const { cookie } = await signIn(account);
      const jwt = await accessToken();
      const requests = [
        () =>
          postLogin(
            { email: account.email, password: staffPassword },
            { bindings, headers: { "Cf-Access-Jwt-Assertion": jwt } },
          ),
        () =>
          staffRequest("/api/staff/me", cookie, { bindings, headers: { "Cf-Access-Jwt-Assertion": jwt } }),
        () => staffRequest("/api/staff/submissions", cookie, { bindings }),
        () => staffRequest("/api/staff/submissions.csv", cookie, { bindings }),
        () => staffRequest("/api/staff/logout", cookie, { method: "POST", bindings }),
      ];
      for (const request of requests) {
        const res = await request();
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ error: "access_misconfigured" });
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(sessionToken(res)).toBeUndefined();
      }
      // The session was not ended by the refused sign-out.
      expect((await staffRequest("/api/staff/me", cookie)).status).toBe(200);
      expect(certsFetches).toBe(0);
      const logged = errors.mock.calls.map((args) => args.join(" "));
      expect(logged.length).toBeGreaterThanOrEqual(requests.length);
      for (const line of logged) {
        expect(JSON.parse(line)).toMatchObject({ event: "access_misconfigured" });
        expect(line).not.toContain(account.email);
        expect(line).not.toContain(audience);
        expect(line).not.toContain(teamDomain);
        expect(line).not.toContain(cookie.split("=")[1]);
      }
    },
  );

  it("accepts a valid token on sign-in and on later requests, fetching the team's keys once", async () => {
    const jwt = await accessToken();
    const { res, cookie } = await signInThroughAccess(jwt);
    expect(res.status).toBe(200);
    const me = await staffRequest("/api/staff/me", cookie, {
      bindings: accessBindings,
      headers: { "Cf-Access-Jwt-Assertion": jwt },
    });
    expect(me.status).toBe(200);
    expect(certsFetches).toBe(1);
  });

  it("refuses a request without the token, even with a live session (403)", async () => {
    const { cookie } = await signInThroughAccess(await accessToken());
    const res = await staffRequest("/api/staff/me", cookie, { bindings: accessBindings });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "access_required" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    const login = await postLogin(
      { email: "a@example.org", password: staffPassword },
      { bindings: accessBindings },
    );
    expect(login.status).toBe(403);
  });

  it.each([
    ["for another application (aud)", { aud: ["someone-elses-aud"] }],
    ["expired", { exp: now() - 60, iat: now() - 3700, nbf: now() - 3700 }],
    ["not valid yet (nbf)", { nbf: now() + 600 }],
    ["from another team (iss)", { iss: "https://other-team.cloudflareaccess.com" }],
    ["without an expiry", { exp: undefined }],
  ])("refuses a token %s", async (_label, claims) => {
    const { res } = await signInThroughAccess(await accessToken(claims));
    expect(res.status).toBe(403);
  });

  it("refuses a token signed by a key that is not the team's, and a tampered one", async () => {
    const stranger = await accessToken({}, strangerKey.privateJwk);
    expect((await signInThroughAccess(stranger)).res.status).toBe(403);
    const forgedKid = await accessToken({}, { ...strangerKey.privateJwk, kid: teamKey.publicJwk.kid });
    expect((await signInThroughAccess(forgedKid)).res.status).toBe(403);
    const [header, , signature] = (await accessToken()).split(".");
    const payload = btoa(JSON.stringify({ aud: [audience], iss: `https://${teamDomain}`, exp: now() + 60 }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    expect((await signInThroughAccess(`${header}.${payload}.${signature}`)).res.status).toBe(403);
    expect((await signInThroughAccess("not-a-jwt")).res.status).toBe(403);
  });

  it("refuses an HS256 token made with the public key as secret (algorithm confusion)", async () => {
    const { publicJwk } = teamKey;
    const hs = await Jwt.sign(
      { aud: [audience], iss: `https://${teamDomain}`, exp: now() + 60 },
      JSON.stringify(publicJwk),
      "HS256",
    );
    expect((await signInThroughAccess(hs)).res.status).toBe(403);
  });
});
