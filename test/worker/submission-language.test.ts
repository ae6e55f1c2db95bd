/**
 * The language a submission was sent in is stored in its own column, not among the sealed
 * answers; staff read it on the detail answer and in the CSV export's last column.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { exportPages, type ExportedSubmission } from "../../functions/db/queue";
import { saveSubmission } from "../../functions/db/submissions";
import { fieldKeys } from "../../functions/field-crypto";
import { submissionsCsvLines } from "../../functions/staff/csv";
import { prescriptionSchema } from "../../src/shared/schemas/prescription";
import { csvColumns } from "../../src/shared/submissions/registry";
import { newKey, prescriptionBody } from "../fixtures/submissions";
import { openFields } from "./sealed";
import { formsEn } from "../../src/shared/i18n/forms-en";

async function save(lastName: string, language?: string) {
  const input = prescriptionSchema({ messages: formsEn }).parse(
    prescriptionBody({ patientLastName: lastName }),
  );
  const { website: _w, idempotencyKey: _k, ...fields } = input as Record<string, unknown>;
  const keys = await fieldKeys((env as { FIELD_ENCRYPTION_KEYS?: string }).FIELD_ENCRYPTION_KEYS);
  const saved = await saveSubmission(
    env.DB,
    keys,
    { kind: "prescription", input: language ? { ...fields, language } : fields } as never,
    newKey(),
  );
  if (saved.outcome !== "created") throw new Error(saved.outcome);
  return { reference: saved.reference, keys };
}

describe("the language of a submission", () => {
  it("is stored in its own column, English unless the form said Spanish", async () => {
    const spanish = await save("Quintana", "es");
    const english = await save("Underwood");
    const odd = await save("Vasquez", "fr");
    const row = (reference: string) =>
      env.DB.prepare("SELECT reference, fields, language FROM submissions WHERE reference = ?1")
        .bind(reference)
        .first<{ reference: string; fields: string; language: string }>();
    const stored = await row(spanish.reference);
    expect(stored?.language).toBe("es");
    expect(await openFields(stored!)).not.toHaveProperty("language");
    expect((await row(english.reference))?.language).toBe("en");
    expect((await row(odd.reference))?.language).toBe("en");
  });

  it("is the CSV export's last column, in staff's words", async () => {
    const { reference, keys } = await save("Zamora", "es");
    const pages = exportPages(env.DB, keys, { q: "Zamora", sort: "received" }, "2026-12-01");
    const rows: ExportedSubmission[] = (await pages.next()).value ?? [];
    expect(rows.map((r) => r.submission.reference)).toEqual([reference]);
    expect(rows[0]!.submission.language).toBe("es");
    expect(csvColumns.at(-1)).toBe("Language");
    const line = submissionsCsvLines(rows).trim();
    expect(line.split(",").at(-1)).toBe('"Spanish"');
  });
});
