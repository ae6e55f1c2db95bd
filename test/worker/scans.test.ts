/**
 * The signed prescription: sent with `POST /api/prescriptions` as multipart (type from the first
 * bytes, at most 10 MB, stored once per idempotency key, never an object without its row),
 * downloaded by staff through `GET /api/staff/submissions/:id/scan` (signed in, audited), and
 * deleted with its submission.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { runDailyJobs } from "../../functions/scheduled";
import { maxScanBytes } from "../../src/shared/scan-types";
import { newKey, prescriptionBody } from "../fixtures/submissions";
import {
  auditOf,
  freshIp,
  oregonDaysFromToday,
  signIn,
  signInAsAdmin,
  staffRequest,
  submitClaim,
} from "./staff-helpers";
import { formsEn } from "../../src/shared/i18n/forms-en";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)),
  );

/** The first bytes of each accepted type, followed by some body. */
const samples = {
  pdf: bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF\0", [1, 1, 0, 0, 1, 0, 1, 0, 0]),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR", [0, 0, 0, 1, 0, 0, 0, 1]),
  heic: bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic"),
};

function prescriptionForm(
  files: { name: string; type?: string; body: Uint8Array<ArrayBuffer> }[] = [],
  overrides: Record<string, string> = {},
): FormData {
  const form = new FormData();
  const fields = prescriptionBody({
    startDate: oregonDaysFromToday(-7),
    endDate: oregonDaysFromToday(77),
    idempotencyKey: newKey(),
    ...overrides,
  });
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append("signedPrescription", new File([file.body], file.name, { type: file.type ?? "" }));
  return form;
}

function post(form: FormData, headers: Record<string, string> = {}, bindings: Record<string, unknown> = {}) {
  return api.request(
    "/api/prescriptions",
    {
      method: "POST",
      headers: { Accept: "application/json", "CF-Connecting-IP": freshIp(), ...headers },
      body: form,
    },
    { ...env, ...bindings },
  );
}

async function scanRows(reference: string) {
  const { results } = await env.DB.prepare(
    `SELECT x.submission_id AS id, x.object_key, x.content_type, x.byte_size FROM submission_scans x
     JOIN submissions s ON s.id = x.submission_id WHERE s.reference = ?1`,
  )
    .bind(reference)
    .all<{ id: number; object_key: string; content_type: string; byte_size: number }>();
  return results;
}

async function objectCount(): Promise<number> {
  return (await env.SCANS.list({ prefix: "scans/" })).objects.length;
}

async function sent(res: Response) {
  expect(res.status).toBe(201);
  return (await res.json<{ reference: string }>()).reference;
}

async function issuesOf(res: Response) {
  expect(res.status).toBe(422);
  return (await res.json<{ issues: { path: string; message: string }[] }>()).issues;
}

describe("POST /api/prescriptions with a signed prescription", () => {
  it.each([
    ["pdf", "application/pdf"],
    ["jpeg", "image/jpeg"],
    ["png", "image/png"],
    ["heic", "image/heic"],
  ] as const)("stores a %s under a random key with the type its bytes say", async (type, contentType) => {
    // The declared type and name say nothing true: only the bytes count.
    const body = samples[type];
    const reference = await sent(
      await post(prescriptionForm([{ name: "scan.bin", type: "text/plain", body }])),
    );
    const [row] = await scanRows(reference);
    expect(row).toMatchObject({ content_type: contentType, byte_size: body.byteLength });
    expect(row!.object_key).toMatch(/^scans\/[0-9a-f-]{36}$/);
    const object = await env.SCANS.get(row!.object_key);
    expect(object?.httpMetadata?.contentType).toBe(contentType);
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(body);
  });

  it("refuses a file whose name and declared type say PDF but whose bytes do not, storing nothing", async () => {
    const before = await objectCount();
    const form = prescriptionForm([
      { name: "prescription.pdf", type: "application/pdf", body: bytes("<html>hi") },
    ]);
    const issues = await issuesOf(await post(form));
    expect(issues).toEqual([{ path: "signedPrescription", message: formsEn.scan.wrongType }]);
    expect(issues[0]!.message).toMatch(/^Signed prescription: /);
    expect(await objectCount()).toBe(before);
  });

  it("refuses an empty file, a file over 10 MB (422) and a body far over it (413)", async () => {
    const empty = prescriptionForm([{ name: "scan.pdf", body: new Uint8Array(0) }]);
    expect(await issuesOf(await post(empty))).toEqual([
      { path: "signedPrescription", message: formsEn.scan.empty },
    ]);

    const big = new Uint8Array(maxScanBytes + 1);
    big.set(samples.pdf);
    const tooLarge = await issuesOf(await post(prescriptionForm([{ name: "scan.pdf", body: big }])));
    expect(tooLarge).toEqual([{ path: "signedPrescription", message: formsEn.scan.tooLarge }]);

    const huge = new Uint8Array(maxScanBytes + 200 * 1024);
    huge.set(samples.pdf);
    const res = await post(prescriptionForm([{ name: "scan.pdf", body: huge }]));
    expect(res.status).toBe(413);
  });

  it("reports the file's problem with the other fields' problems together", async () => {
    const form = prescriptionForm([{ name: "x.png", body: bytes("GIF89a....") }], { patientFirstName: "" });
    const paths = (await issuesOf(await post(form))).map((issue) => issue.path);
    expect(paths).toContain("patientFirstName");
    expect(paths).toContain("signedPrescription");
  });

  it("takes a multipart post with no file (an empty, unnamed part) and a JSON post, as before", async () => {
    const form = prescriptionForm([{ name: "", type: "application/octet-stream", body: new Uint8Array(0) }]);
    expect(await scanRows(await sent(await post(form)))).toEqual([]);

    const res = await api.request(
      "/api/prescriptions",
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "CF-Connecting-IP": freshIp(),
          "Idempotency-Key": newKey(),
        },
        body: JSON.stringify(
          prescriptionBody({ startDate: oregonDaysFromToday(-7), endDate: oregonDaysFromToday(77) }),
        ),
      },
      env,
    );
    expect(await scanRows(await sent(res))).toEqual([]);
  });

  it("answers a browser's own multipart post (no JSON asked for) with the confirmation page", async () => {
    const res = await post(prescriptionForm([{ name: "scan.png", body: samples.png }]), {
      Accept: "text/html",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/forms/received");
  });

  it("stores the file once when the same form is sent again with its idempotency key", async () => {
    const key = newKey();
    const before = await objectCount();
    const form = () => prescriptionForm([{ name: "scan.pdf", body: samples.pdf }], { idempotencyKey: key });
    const first = await sent(await post(form()));
    const retry = await post(form());
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await sent(retry)).toBe(first);
    expect(await scanRows(first)).toHaveLength(1);
    expect(await objectCount()).toBe(before + 1);

    // The same key with a different file is a different form: refused, nothing uploaded.
    const other = prescriptionForm([{ name: "scan.png", body: samples.png }], { idempotencyKey: key });
    expect((await post(other)).status).toBe(409);
    expect(await objectCount()).toBe(before + 1);
  });

  it("leaves no object behind when D1 fails to save the form", async () => {
    const before = await objectCount();
    const failingDb = new Proxy(env.DB, {
      get: (target, name) =>
        name === "batch"
          ? () => Promise.reject(new Error("D1 is unavailable"))
          : (Reflect.get(target, name) as unknown as { bind?: unknown }) instanceof Function
            ? (Reflect.get(target, name) as (...args: unknown[]) => unknown).bind(target)
            : Reflect.get(target, name),
    });
    const res = await post(
      prescriptionForm([{ name: "scan.pdf", body: samples.pdf }]),
      {},
      { DB: failingDb },
    );
    expect(res.status).toBe(500);
    expect(await objectCount()).toBe(before);
  });

  it("gives no 500 for odd shapes: two files, a file in a text field, text in the file field", async () => {
    const two = prescriptionForm([
      { name: "a.pdf", body: samples.pdf },
      { name: "b.pdf", body: samples.pdf },
    ]);
    expect(await issuesOf(await post(two))).toEqual([
      { path: "signedPrescription", message: formsEn.scan.several },
    ]);

    const fileAsName = prescriptionForm();
    fileAsName.set("patientFirstName", new File([samples.pdf], "name.pdf"));
    expect((await issuesOf(await post(fileAsName))).map((i) => i.path)).toContain("patientFirstName");

    const textAsFile = prescriptionForm();
    textAsFile.set("signedPrescription", "not a file");
    expect(await scanRows(await sent(await post(textAsFile)))).toEqual([]);
  });
});

describe("GET /api/staff/submissions/:id/scan", () => {
  it("refuses without a session, answers 404 for other kinds and ids, and sends the file to staff, audited", async () => {
    const reference = await sent(await post(prescriptionForm([{ name: "x", body: samples.pdf }])));
    const [row] = await scanRows(reference);
    const path = `/api/staff/submissions/${row!.id}/scan`;

    const anonymous = await staffRequest(path, undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-disposition")).toBeNull();

    const { cookie, email } = await signIn();
    const claim = await submitClaim();
    const noScan = await sent(await post(prescriptionForm()));
    const noScanId = (await env.DB.prepare("SELECT id FROM submissions WHERE reference = ?1")
      .bind(noScan)
      .first<{ id: number }>())!.id;
    for (const other of [claim.id, noScanId, 999_999_999, "abc"])
      expect((await staffRequest(`/api/staff/submissions/${other}/scan`, cookie)).status).toBe(404);

    const res = await staffRequest(path, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${reference}-prescription.pdf"`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(samples.pdf);
    const downloads = (await auditOf(row!.id)).filter((entry) => entry.action === "scan_downloaded");
    expect(downloads).toEqual([
      {
        actor: email,
        action: "scan_downloaded",
        detail: JSON.stringify({ type: "PDF", bytes: samples.pdf.byteLength }),
      },
    ]);

    const detail = await (
      await staffRequest(`/api/staff/submissions/${row!.id}`, cookie)
    ).json<{ scan: unknown }>();
    expect(detail.scan).toEqual({ contentType: "application/pdf", byteSize: samples.pdf.byteLength });
    const without = await (
      await staffRequest(`/api/staff/submissions/${noScanId}`, cookie)
    ).json<{ scan: unknown }>();
    expect(without.scan).toBeNull();
  });
});

describe("deleting a submission deletes its signed prescription", () => {
  it("on a patient's request, by the retention purge, and an orphan object by the daily sweep", async () => {
    const admin = await signInAsAdmin();
    const asked = await sent(await post(prescriptionForm([{ name: "x", body: samples.png }])));
    const [askedRow] = await scanRows(asked);
    const res = await staffRequest(`/api/staff/submissions/${askedRow!.id}`, admin.cookie, {
      method: "DELETE",
      body: { reason: "patient_request", confirmReference: asked },
    });
    expect(res.status).toBe(200);
    expect(await env.SCANS.head(askedRow!.object_key)).toBeNull();
    const deleted = (await auditOf(askedRow!.id)).find((entry) => entry.action === "deleted");
    expect(JSON.parse(deleted!.detail!)).toMatchObject({ scans: 1 });

    const old = await sent(await post(prescriptionForm([{ name: "x", body: samples.jpeg }])));
    const [oldRow] = await scanRows(old);
    await env.DB.prepare("UPDATE submissions SET last_activity_at = '2001-01-01T00:00:00Z' WHERE id = ?1")
      .bind(oldRow!.id)
      .run();
    const kept = await sent(await post(prescriptionForm([{ name: "x", body: samples.heic }])));
    const [keptRow] = await scanRows(kept);
    await env.SCANS.put("scans/left-by-an-interrupted-upload", samples.pdf);

    // Two hours on: the orphan is old enough to be no upload in progress.
    const result = await runDailyJobs(env, new Date(Date.now() + 2 * 3_600_000));
    expect(result.orphanScansDeleted).toBe(1);
    expect(await env.SCANS.head(oldRow!.object_key)).toBeNull();
    expect(await scanRows(old)).toEqual([]);
    expect(await env.SCANS.head("scans/left-by-an-interrupted-upload")).toBeNull();
    expect(await env.SCANS.head(keptRow!.object_key)).not.toBeNull();
  });
});
