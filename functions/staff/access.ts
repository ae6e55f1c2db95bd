/**
 * Cloudflare Access as a second lock on the staff desk. When `ACCESS_TEAM_DOMAIN` and
 * `ACCESS_AUD` are set, every staff request must carry the `Cf-Access-Jwt-Assertion` that Access
 * adds at the edge: RS256, signed by a key from the team's certs endpoint, issued by the team
 * domain, for this application's audience, and not expired. Checking it in the Worker means a
 * request that reaches the Worker some other way (a workers.dev route, a misconfigured Access
 * policy) still cannot reach the staff desk. When only one of them is set (or one is blank), every
 * staff request is refused with 503 until the deployment is fixed: it fails closed. See
 * https://developers.cloudflare.com/cloudflare-one/identity/authorization-cookie/validating-json/
 */
import { Jwt } from "hono/utils/jwt";

type HonoJsonWebKey = NonNullable<Parameters<typeof Jwt.verifyWithJwks>[1]["keys"]>[number];

/** The optional Access settings; they are secrets or vars set per deployment, not in wrangler.toml. */
export interface AccessVars {
  /** e.g. `clinic.cloudflareaccess.com` (a leading `https://` and a trailing `/` are ignored). */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's audience (AUD) tag. */
  ACCESS_AUD?: string;
}

export interface AccessConfig {
  issuer: string;
  certsUrl: string;
  audience: string;
}

export const accessHeader = "Cf-Access-Jwt-Assertion";

const KEYS_FRESH_MS = 60 * 60_000;
const REFETCH_GAP_MS = 60_000;

/**
 * Whether Access is required: "off" when neither setting is set (absent or blank), "on" when both
 * are, and "misconfigured" when only one is (or the team domain is not a host name). A
 * half-configured deployment must fail closed, never silently drop Access.
 */
export type AccessSetting =
  | { status: "off" }
  | { status: "on"; config: AccessConfig }
  | { status: "misconfigured"; problems: ("ACCESS_TEAM_DOMAIN" | "ACCESS_AUD")[] };

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export function accessSetting(vars: AccessVars): AccessSetting {
  const domain = (vars.ACCESS_TEAM_DOMAIN ?? "")
    .trim()
    .replace(/^https?:\/\//, "")
    .replace(/\/+$/, "");
  const audience = (vars.ACCESS_AUD ?? "").trim();
  if (!vars.ACCESS_TEAM_DOMAIN?.trim() && !audience) return { status: "off" };
  const problems: ("ACCESS_TEAM_DOMAIN" | "ACCESS_AUD")[] = [];
  if (!HOST_NAME.test(domain)) problems.push("ACCESS_TEAM_DOMAIN");
  if (!audience) problems.push("ACCESS_AUD");
  if (problems.length) return { status: "misconfigured", problems };
  return {
    status: "on",
    config: { issuer: `https://${domain}`, certsUrl: `https://${domain}/cdn-cgi/access/certs`, audience },
  };
}

/** The Access settings when both are set and valid, else null. */
export function accessConfig(vars: AccessVars): AccessConfig | null {
  const setting = accessSetting(vars);
  return setting.status === "on" ? setting.config : null;
}

let cache: { certsUrl: string; keys: HonoJsonWebKey[]; fetchedAt: number } | undefined;

async function signingKeys(config: AccessConfig, kid: string | undefined): Promise<HonoJsonWebKey[]> {
  const now = Date.now();
  const cached = cache?.certsUrl === config.certsUrl ? cache : undefined;
  const known = cached?.keys.some((key) => key.kid === kid);
  if (
    cached &&
    now - cached.fetchedAt < KEYS_FRESH_MS &&
    (known || now - cached.fetchedAt < REFETCH_GAP_MS)
  ) {
    return cached.keys;
  }
  const res = await fetch(config.certsUrl);
  if (!res.ok) throw new Error(`Access certs answered ${res.status}`);
  const body = await res.json<{ keys?: HonoJsonWebKey[] }>();
  if (!Array.isArray(body.keys)) throw new Error("Access certs without keys");
  cache = { certsUrl: config.certsUrl, keys: body.keys, fetchedAt: now };
  return body.keys;
}

/** Forgets the cached signing keys (tests use their own keys one after another). */
export function forgetAccessKeys(): void {
  cache = undefined;
}

/** True when `token` is a valid Access token for `config`. Never throws for a bad token. */
export async function isValidAccessToken(token: string | undefined, config: AccessConfig): Promise<boolean> {
  if (!token) return false;
  try {
    const { kid } = Jwt.decode(token).header as { kid?: string };
    const keys = await signingKeys(config, kid);
    const payload = await Jwt.verifyWithJwks(token, {
      keys,
      allowedAlgorithms: ["RS256"],
      verification: { iss: config.issuer, aud: config.audience },
    });
    // Hono checks `exp` and `nbf` only when present; an Access token always has `exp`.
    return typeof payload.exp === "number";
  } catch {
    return false;
  }
}
