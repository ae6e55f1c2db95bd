import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { formsEn } from "../../src/shared/i18n/forms-en";
import { formsEs } from "../../src/shared/i18n/forms-es";
import { mvaClaimBody, newKey, prescriptionBody } from "../fixtures/submissions";
import { openFields } from "./sealed";

let ip = 0;
function post(path: string, body: unknown, init: { type?: string; headers?: Record<string, string> } = {}) {
  ip += 1;
  const type = init.type ?? "application/json";
  return api.request(
    path,
    {
      method: "POST",
      headers: { "Content-Type": type, "CF-Connecting-IP": `10.9.${ip % 250}.3`, ...init.headers },
      body:
        type === "application/json"
          ? JSON.stringify(body)
          : new URLSearchParams(body as Record<string, string>).toString(),
    },
    env,
  );
}

type Issues = { issues: { path: string; message: string }[] };
const messageAt = (answer: Issues, path: string) => answer.issues.find((i) => i.path === path)?.message;

describe("the API answers in the language of the form that posted", () => {
  it('gives Spanish validation messages to a JSON post with language "es", English without', async () => {
    const body = prescriptionBody({ patientFirstName: "", visitsAuthorized: "0" });
    const spanish = await post("/api/prescriptions", { ...body, language: "es" });
    expect(spanish.status).toBe(422);
    const es = await spanish.json<Issues>();
    expect(messageAt(es, "patientFirstName")).toBe(formsEs.patient.patientFirstName.missing);
    expect(messageAt(es, "visitsAuthorized")).toBe(formsEs.prescription.visitsAuthorized.tooFew);

    const english = await post("/api/prescriptions", body);
    const en = await english.json<Issues>();
    expect(messageAt(en, "patientFirstName")).toBe("Enter the patient's first name.");
    expect(messageAt(en, "visitsAuthorized")).toBe(formsEn.prescription.visitsAuthorized.tooFew);
    // An unknown language is English, never a refusal.
    const other = await post("/api/prescriptions", { ...body, language: "fr" });
    expect(messageAt(await other.json<Issues>(), "patientFirstName")).toBe("Enter the patient's first name.");
  });

  it("answers a Spanish claim's date problems and notice in Spanish", async () => {
    const res = await post("/api/mva-claims", {
      ...mvaClaimBody({ accidentDate: "" }),
      "accidentDate-month": "13",
      "accidentDate-day": "4",
      "accidentDate-year": "2026",
      language: "es",
    });
    const answer = await res.json<Issues>();
    expect(messageAt(answer, "accidentDate.month")).toBe(
      "Fecha del accidente: el mes debe ser un número del 1 al 12.",
    );
  });

  it("sends a Spanish no-JS post to the Spanish confirmation, and its errors on a Spanish page", async () => {
    const stored = await post(
      "/api/prescriptions",
      { ...prescriptionBody(), language: "es" },
      {
        type: "application/x-www-form-urlencoded",
        headers: { "Idempotency-Key": newKey() },
      },
    );
    expect(stored.status).toBe(303);
    expect(stored.headers.get("location")).toBe("/es/forms/received");

    const refused = await post(
      "/api/prescriptions",
      { ...prescriptionBody({ patientLastName: "" }), language: "es" },
      {
        type: "application/x-www-form-urlencoded",
      },
    );
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain(formsEs.patient.patientLastName.missing);
    expect(page).toContain('href="/es/forms/prescription"');
  });

  it("says 413 and 415 in Spanish when the form's script says Content-Language: es", async () => {
    const unsupported = await post("/api/prescriptions", "x", {
      type: "text/plain",
      headers: { "Content-Language": "es" },
    });
    expect(unsupported.status).toBe(415);
    expect((await unsupported.json<{ message: string }>()).message).toMatch(
      /^Nuestro sitio web no pudo leer/,
    );
    const large = await post(
      "/api/prescriptions",
      { ...prescriptionBody(), message: "x".repeat(70_000) },
      { headers: { "Content-Language": "es" } },
    );
    expect(large.status).toBe(413);
    expect((await large.json<{ message: string }>()).message).toMatch(/^Su formulario es demasiado largo/);
  });

  it("stores the language in its own column (migration 0011), not among the sealed fields", async () => {
    const res = await post(
      "/api/prescriptions",
      { ...prescriptionBody(), language: "es" },
      {
        headers: { "Idempotency-Key": newKey() },
      },
    );
    expect(res.status).toBe(201);
    const { reference } = await res.json<{ reference: string }>();
    const row = await env.DB.prepare(
      "SELECT reference, fields, language FROM submissions WHERE reference = ?1",
    )
      .bind(reference)
      .first<{ reference: string; fields: string; language: string }>();
    expect(row?.language).toBe("es");
    const fields = await openFields(row!);
    expect(fields.patientFirstName).toBeDefined();
    expect(fields).not.toHaveProperty("language");
  });
});
