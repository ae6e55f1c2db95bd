import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { clientKey } from "../../functions/client-key";
import { mvaClaimBody, newKey, prescriptionBody } from "../fixtures/submissions";
import { openFields } from "./sealed";

let ipCounter = 0;
/** A distinct client IP per request, so the per-IP rate limit only bites where a test wants it. */
function freshIp(): string {
  ipCounter += 1;
  return `10.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}.7`;
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return api.request(
    path,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp(), ...headers },
      body: JSON.stringify(body),
    },
    env,
  );
}

function postForm(path: string, body: Record<string, string>, headers: Record<string, string> = {}) {
  return api.request(
    path,
    {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "CF-Connecting-IP": freshIp(),
        ...headers,
      },
      body: new URLSearchParams(body).toString(),
    },
    env,
  );
}

async function countRows(where = "1 = 1", ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM submissions WHERE ${where}`)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

const endpoints = [
  { path: "/api/prescriptions", body: prescriptionBody, prefix: "RX", kind: "prescription" },
  { path: "/api/mva-claims", body: mvaClaimBody, prefix: "MVA", kind: "mva_claim" },
] as const;

describe.each(endpoints)("POST $path", ({ path, body, prefix, kind }) => {
  it("stores a JSON submission once, with status new and an audit row, and answers 201 with a reference", async () => {
    const res = await postJson(path, body(), { "Idempotency-Key": newKey() });
    expect(res.status).toBe(201);
    const { reference } = await res.json<{ reference: string }>();
    expect(reference).toMatch(new RegExp(`^${prefix}-[2-9A-HJKMNP-TV-Z]{7}$`));
    const row = await env.DB.prepare(
      "SELECT id, reference, kind, status, fields FROM submissions WHERE reference = ?1",
    )
      .bind(reference)
      .first<{ id: number; reference: string; kind: string; status: string; fields: string }>();
    expect(row).toMatchObject({ kind, status: "new" });
    expect(await openFields(row!)).not.toHaveProperty("website");
    const audit = await env.DB.prepare("SELECT actor, action FROM audit_log WHERE submission_id = ?1")
      .bind(row!.id)
      .all();
    expect(audit.results).toEqual([{ actor: "public form", action: "submitted" }]);
    expect(res.headers.get("set-cookie")).toMatch(
      /received=.+; Max-Age=1800; Path=\/forms\/received; HttpOnly; Secure; SameSite=Strict/,
    );
  });

  it("answers a form post with 303 to the confirmation page, the reference only in a cookie", async () => {
    const res = await postForm(path, { ...body(), idempotencyKey: newKey() });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/forms/received");
    const cookie = res.headers.get("set-cookie") ?? "";
    const reference = /received=([^;.]+)/.exec(cookie)?.[1];
    expect(await countRows("reference = ?1", reference)).toBe(1);
  });

  it("returns the same reference for a retry with the same key and stores one row", async () => {
    const key = newKey();
    const first = await postJson(path, body(), { "Idempotency-Key": key });
    const second = await postJson(path, body(), { "Idempotency-Key": key });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await second.json<{ reference: string }>()).reference).toBe(
      (await first.json<{ reference: string }>()).reference,
    );
    expect(await countRows("idempotency_key = ?1", key)).toBe(1);
  });

  it("makes one row when retries with one key race", async () => {
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => postJson(path, body(), { "Idempotency-Key": key })),
    );
    const references = await Promise.all(responses.map((r) => r.json<{ reference: string }>()));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(references.map((r) => r.reference)).size).toBe(1);
    expect(await countRows("idempotency_key = ?1", key)).toBe(1);
  });

  it("refuses a reused key with a different form (409) and stores nothing new", async () => {
    const key = newKey();
    await postJson(path, body(), { "Idempotency-Key": key });
    const res = await postJson(path, body({ patientFirstName: "Changed" }), { "Idempotency-Key": key });
    expect(res.status).toBe(409);
    expect(await countRows("idempotency_key = ?1", key)).toBe(1);
  });

  it("answers invalid JSON input with 422, field paths and messages, never the values", async () => {
    const secret = "Zebediah-Quux";
    const before = await countRows();
    const res = await postJson(
      path,
      body({ patientFirstName: "", phone: secret, dateOfBirth: "31/31/1999" }),
    );
    expect(res.status).toBe(422);
    const payload = await res.json<{ error: string; issues: { path: string; message: string }[] }>();
    expect(payload.error).toBe("validation_failed");
    expect(payload.issues.map((i) => i.path).sort()).toEqual(["dateOfBirth", "patientFirstName", "phone"]);
    for (const issue of payload.issues) expect(issue.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(payload)).not.toContain(secret);
    expect(JSON.stringify(payload)).not.toContain("31/31/1999");
    expect(await countRows()).toBe(before);
  });

  it("answers an invalid form post with an accessible HTML page listing each problem", async () => {
    const secret = "Zebediah-Quux";
    const res = await postForm(path, { ...body({ phone: secret, consent: "" }), idempotencyKey: newKey() });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("<h1>");
    expect(page).toMatch(/data-field="phone"/);
    expect(page).toMatch(/data-field="consent"/);
    expect(page).toMatch(/Back/);
    expect(page).not.toContain(secret);
    const csp = res.headers.get("content-security-policy") ?? "";
    const styleHash = /style-src '(sha256-[^']+)'/.exec(csp)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? "";
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style));
    expect(`sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`).toBe(styleHash);
  });

  it("answers 415 for an unsupported content type, 400 for malformed JSON, 413 for a body over 64 KB", async () => {
    const text = await api.request(
      path,
      {
        method: "POST",
        headers: { "Content-Type": "text/plain", "CF-Connecting-IP": freshIp() },
        body: "hi",
      },
      env,
    );
    expect(text.status).toBe(415);
    const malformed = await api.request(
      path,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
        body: '{"patientFirstName": ',
      },
      env,
    );
    expect(malformed.status).toBe(400);
    const huge = await postJson(path, body({ message: "x".repeat(70 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it("fakes success for a filled honeypot and stores nothing", async () => {
    const before = await countRows();
    const res = await postJson(path, body({ website: "http://spam.example" }), {
      "Idempotency-Key": newKey(),
    });
    expect(res.status).toBe(201);
    expect((await res.json<{ reference: string }>()).reference).toMatch(
      new RegExp(`^${prefix}-[2-9A-HJKMNP-TV-Z]{7}$`),
    );
    expect(await countRows()).toBe(before);
  });

  it.each([1, true, {}, ["x"], "  spam  ", 0])(
    "fakes success and stores nothing for a honeypot of any non-empty value (%j)",
    async (website) => {
      const before = await countRows();
      const res = await postJson(path, { ...body(), website }, { "Idempotency-Key": newKey() });
      expect(res.status).toBe(201);
      expect(await countRows()).toBe(before);
    },
  );

  it("answers a huge list of bad codes with one small issue per field, not one per code", async () => {
    const res = await postJson(path, body({ diagnosisCodes: "x,".repeat(30_000), patientFirstName: "" }));
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(2_000);
    const paths = (JSON.parse(text) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("limits one client to 10 submissions a minute, then answers 429 with Retry-After", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await postJson(path, body(), { "CF-Connecting-IP": ip, "Idempotency-Key": newKey() });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses[0]).toBe(201);
  });
});

describe("prescription rules at the API", () => {
  it("rejects a header ICD-10 code and suggests its billable codes", async () => {
    const res = await postJson("/api/prescriptions", prescriptionBody({ diagnosisCodes: "M54.5" }));
    expect(res.status).toBe(422);
    const { issues } = await res.json<{ issues: { path: string; message: string }[] }>();
    expect(issues[0]!.path).toBe("diagnosisCodes.0");
    for (const child of ["M54.50", "M54.51", "M54.59"]) expect(issues[0]!.message).toContain(child);
  });

  it("normalises a forgiving code and accepts an unlisted well-formed one with a notice", async () => {
    const res = await postJson("/api/prescriptions", prescriptionBody({ diagnosisCodes: "s134xxa z00.00" }), {
      "Idempotency-Key": newKey(),
    });
    expect(res.status).toBe(201);
    const { reference, notices } = await res.json<{ reference: string; notices: string[] }>();
    expect(notices.join(" ")).toMatch(/staff will confirm/i);
    const row = await env.DB.prepare("SELECT reference, fields FROM submissions WHERE reference = ?1")
      .bind(reference)
      .first<{ reference: string; fields: string }>();
    expect((await openFields(row!)).diagnosisCodes).toEqual(["S13.4XXA", "Z00.00"]);
  });

  it("rejects a malformed code and a bad NPI check digit", async () => {
    const res = await postJson(
      "/api/prescriptions",
      prescriptionBody({ diagnosisCodes: "M5", prescriberNpi: "1234567890" }),
    );
    const { issues } = await res.json<{ issues: { path: string }[] }>();
    expect(issues.map((i) => i.path).sort()).toEqual(["diagnosisCodes.0", "prescriberNpi"]);
  });
});

describe("MVA claim warnings", () => {
  it("accepts an accident more than two years ago with a PIP warning", async () => {
    const old = new Date(Date.now() - 800 * 86_400_000).toISOString().slice(0, 10);
    const res = await postJson("/api/mva-claims", mvaClaimBody({ accidentDate: old }), {
      "Idempotency-Key": newKey(),
    });
    expect(res.status).toBe(201);
    const { notices } = await res.json<{ notices: string[] }>();
    expect(notices.join(" ")).toMatch(/two years/);
  });
});

describe("no request shape produces a server error", () => {
  const jsonValue = fc.jsonValue({ maxDepth: 3 });
  const formishObject = fc.dictionary(
    fc.oneof(
      fc.constantFrom(...Object.keys(prescriptionBody()), ...Object.keys(mvaClaimBody())),
      fc.string(),
    ),
    fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
  );

  for (const { path, kind } of endpoints) {
    it(`${path}: arbitrary JSON never gets a 5xx and nothing invalid is stored`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(jsonValue, formishObject), async (value) => {
          const res = await postJson(path, value, { "Idempotency-Key": newKey() });
          expect(res.status).toBeLessThan(500);
          if (res.status === 201) expect(await countRows("kind = ?1", kind)).toBeGreaterThan(0);
        }),
        { numRuns: 60 },
      );
    });

    it(`${path}: arbitrary form bodies never get a 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(formishObject, async (fields) => {
          const form = new URLSearchParams();
          for (const [name, value] of Object.entries(fields)) {
            for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
          }
          const res = await api.request(
            path,
            {
              method: "POST",
              headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": freshIp() },
              body: form.toString(),
            },
            env,
          );
          expect(res.status).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("stores only rows that pass the schema", async () => {
    const rows = await env.DB.prepare("SELECT reference, kind, fields FROM submissions").all<{
      reference: string;
      kind: string;
      fields: string;
    }>();
    for (const row of rows.results) {
      const fields = await openFields(row);
      expect(fields.consent).toBe(true);
      expect(typeof fields.patientFirstName).toBe("string");
    }
  });
});

describe("rate-limit keys", () => {
  it("group IPv6 clients by /64 and keep IPv4 addresses whole", () => {
    expect(clientKey("2001:db8:abcd:12:1::7")).toBe("2001:db8:abcd:12::/64");
    expect(clientKey("2001:0db8:abcd:0012:ffff:1:2:3")).toBe("2001:db8:abcd:12::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("203.0.113.9")).toBe("203.0.113.9");
  });

  it("treat an IPv4-mapped IPv6 address as the IPv4 client behind it, not one shared bucket", () => {
    expect(clientKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey("0:0:0:0:0:ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(clientKey("::ffff:203.0.113.9")).not.toBe(clientKey("::ffff:198.51.100.4"));
    expect(clientKey("2001:DB8:ABCD:12::1")).toBe("2001:db8:abcd:12::/64");
    expect(clientKey(undefined)).toBe("unknown");
    expect(clientKey("not an address")).toBe("unknown");
  });

  it("share one submission limit between both forms for a client", async () => {
    const ip = `198.51.101.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      for (const [path, body] of [
        ["/api/prescriptions", prescriptionBody()],
        ["/api/mva-claims", mvaClaimBody()],
      ] as const) {
        const res = await postJson(path, body, { "CF-Connecting-IP": ip, "Idempotency-Key": newKey() });
        statuses.push(res.status);
      }
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
  });

  it("limit an IPv6 client that rotates addresses inside its /64", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await postJson("/api/mva-claims", mvaClaimBody(), {
        "CF-Connecting-IP": `2001:db8:77:1::${i + 1}`,
        "Idempotency-Key": newKey(),
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
  });
});

describe("invisible characters", () => {
  it("are removed from free text before it is stored", async () => {
    const res = await postJson(
      "/api/mva-claims",
      mvaClaimBody({ message: "\u0000Sore neck\u202E after the crash" }),
      {
        "Idempotency-Key": newKey(),
      },
    );
    expect(res.status).toBe(201);
    const { reference } = await res.json<{ reference: string }>();
    const row = await env.DB.prepare("SELECT reference, fields FROM submissions WHERE reference = ?1")
      .bind(reference)
      .first<{ reference: string; fields: string }>();
    expect((await openFields(row!)).message).toBe("Sore neck after the crash");
  });
});
