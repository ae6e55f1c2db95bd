/**
 * The benchmark's data generator: a Worker that `bench/scale.mjs` runs with `wrangler dev` on the
 * benchmark's throwaway local D1, never deployed. `POST /seed?from=N&count=M` stores submissions
 * N to N+M-1 of one deterministic, realistic sequence through the project's own insert path:
 * each form is validated by its kind's server schema (as on the day it arrived) and stored by
 * the same statements `saveSubmission` runs (registry columns, audit row, and the triggers that
 * keep counts and search in step), a few hundred to a batch.
 *
 * The sequence models a clinic group receiving about 70 forms a day: submission 0 arrived today,
 * each next one a little earlier, so 10,000 are the last five months and 100,000 four years.
 * Older work is finished (closed or declined); the open caseload stays about the same size as the
 * history grows. Statuses and visits are then set as staff would have left them.
 */
import { addDays, todayInOregon } from "../src/shared/dates";
import { diagnosisCodeError } from "../src/shared/icd10";
import { formsEn } from "../src/shared/i18n/forms-en";
import { mvaClaimSchema } from "../src/shared/schemas/mva-claim";
import { prescriptionSchema } from "../src/shared/schemas/prescription";
import { submissionKinds, type NewSubmission } from "../src/shared/submissions/registry";
import type { SubmissionStatus } from "../src/shared/submissions/statuses";
import { payloadHash, submissionInsertStatements } from "../functions/db/submissions";
import { fieldKeys, fieldsContext, seal, type FieldKeys } from "../functions/field-crypto";
import { mvaClaimBody, prescriptionBody } from "../test/fixtures/submissions";

const perDay = 70;
const perBatch = 250;

// prettier-ignore
const lastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "Rodríguez", "Martínez", "Hernández", "López", "González", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Pérez", "Thompson", "White", "Harris", "Sánchez", "Clark", "Ramírez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyễn", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gómez", "Phillips", "Evans", "Turner", "Díaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutiérrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chávez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Álvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jiménez", "O'Brien", "Núñez", "Schäfer", "Müller", "Björk", "Søren", "Dubois", "Lefèvre", "Kowalski", "Nowak", "Yamamoto", "Tanaka", "Chen", "Wang", "Singh", "Kaur", "Haddad", "Nakamura", "MacDonald", "Van der Berg"];
// prettier-ignore
const firstNames = ["María", "José", "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Ana", "Luis", "Sofía", "Mateo", "Chloé", "Zoë", "Renée", "André", "Noël", "Siobhán", "Mei", "Hiroshi", "Priya", "Omar", "Fatima", "Lars", "Ingrid", "Raúl", "Inés", "Thảo"];
const carriers = [
  "Regence BlueCross BlueShield",
  "Providence Health Plan",
  "PacificSource",
  "Moda Health",
  "Aetna",
  "Cigna",
];
const autoInsurers = ["State Farm", "GEICO", "Progressive", "Allstate", "Farmers", "USAA", "Oregon Mutual"];
const codes = [
  "M54.2",
  "M54.50",
  "S13.4XXA",
  "M62.830",
  "G44.209",
  "M79.7",
  "S16.1XXA",
  "S33.5XXA",
  "M54.59",
];

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Submission `i`'s reference: distinct for every i (multiplying by a number prime to 30 permutes 30^7). */
function reference(kind: keyof typeof submissionKinds, i: number): string {
  let n = (i * 1_000_003) % 30 ** 7;
  let code = "";
  for (let k = 0; k < 7; k++, n = Math.floor(n / 30)) code += ALPHABET[n % 30];
  return `${submissionKinds[kind].referencePrefix}-${code}`;
}

/** A small deterministic generator (mulberry32), so every run stores the same submissions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("");

/** Submission `i` of the sequence: the form as sent, when it arrived, and where staff left it. */
function generate(i: number, today: string) {
  const r = random(i * 2654435761);
  const ageDays = Math.floor(i / perDay);
  const received = addDays(today, -ageDays);
  const at = new Date(Date.parse(`${received}T16:00:00Z`) + Math.floor(r() * 8 * 3600_000) - 4 * 3600_000);
  const patient = {
    patientFirstName: pick(r, firstNames),
    patientLastName: pick(r, lastNames),
    dateOfBirth: `${1940 + Math.floor(r() * 65)}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`,
    phone: `541-555-${digits(r, 4)}`,
  };
  const isClaim = r() < 0.35;
  let body: Record<string, string>;
  let visitsAuthorized = 0;
  let endDate = "";
  if (isClaim) {
    body = mvaClaimBody({
      ...patient,
      autoInsurer: pick(r, autoInsurers),
      claimNumber: `${pick(r, ["CLM", "PIP", "AC"])}-${received.slice(0, 4)}-${digits(r, 6)}`,
      accidentDate: addDays(received, -1 - Math.floor(r() * 60)),
    });
  } else {
    const startDate = addDays(received, -Math.floor(r() * 14));
    visitsAuthorized = 4 + Math.floor(r() * 9);
    endDate = addDays(startDate, 7 * (4 + Math.floor(r() * 9)));
    body = prescriptionBody({
      ...patient,
      startDate,
      endDate,
      visitsAuthorized: String(visitsAuthorized),
      diagnosisCodes: `${pick(r, codes)}, ${pick(r, codes)}`,
      insuranceCarrier: pick(r, carriers),
      memberId: `XZ${digits(r, 9)}`,
    });
  }
  // Where staff left it: recent forms still open, older ones finished.
  const roll = r();
  let status: SubmissionStatus;
  if (ageDays < 7) status = roll < 0.6 ? "new" : "in_review";
  else if (ageDays < 30)
    status = roll < 0.3 ? "in_review" : roll < 0.45 ? "needs_info" : roll < 0.95 ? "accepted" : "declined";
  else if (ageDays < 90 && (isClaim || endDate >= today)) status = roll < 0.9 ? "accepted" : "declined";
  else status = roll < 0.88 ? "closed" : "declined";
  const elapsed = isClaim ? 0 : Math.min(1, ageDays / 60);
  const visitsUsed =
    status === "accepted" || status === "closed"
      ? Math.floor(visitsAuthorized * elapsed * (0.6 + 0.4 * r()))
      : 0;
  return {
    kind: isClaim ? ("mva_claim" as const) : ("prescription" as const),
    body,
    at,
    received,
    status,
    visitsUsed,
  };
}

// One schema per day of arrival (a schema checks dates against its own "today").
const schemas = new Map<
  string,
  { safeParse: (body: unknown) => { success: boolean; data?: unknown; error?: unknown } }
>();
function schemaFor(kind: "prescription" | "mva_claim", today: string) {
  const key = `${kind} ${today}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema =
      kind === "prescription"
        ? prescriptionSchema({ today, messages: formsEn, checkDiagnosisCode: diagnosisCodeError })
        : mvaClaimSchema({ today, messages: formsEn });
    schemas.set(key, schema);
  }
  return schema;
}

async function seed(db: D1Database, keys: FieldKeys, from: number, count: number): Promise<number> {
  const today = todayInOregon();
  let stored = 0;
  for (let start = from; start < from + count; start += perBatch) {
    const statements: D1PreparedStatement[] = [];
    for (let i = start; i < Math.min(start + perBatch, from + count); i++) {
      const g = generate(i, today);
      const options = { today: g.received };
      const parsed = schemaFor(g.kind, options.today).safeParse(g.body) as
        { success: true; data: unknown } | { success: false; error: { issues: unknown } };
      if (!parsed.success)
        throw new Error(`submission ${i} is invalid: ${JSON.stringify(parsed.error.issues)}`);
      const submission = { kind: g.kind, input: parsed.data } as NewSubmission;
      const ref = reference(g.kind, i);
      statements.push(
        ...submissionInsertStatements(db, submission, {
          reference: ref,
          idempotencyKey: `bench-seed-${i}`,
          payloadHash: await payloadHash(submission),
          at: g.at.toISOString(),
          sealedFields: await seal(keys, JSON.stringify(submission.input), fieldsContext(ref)),
        }),
        db
          .prepare("UPDATE submissions SET status = ?2, visits_used = ?3 WHERE reference = ?1")
          .bind(ref, g.status, g.visitsUsed),
      );
      stored += 1;
    }
    await db.batch(statements);
  }
  return stored;
}

export default {
  async fetch(request: Request, env: { DB: D1Database; FIELD_ENCRYPTION_KEYS?: string }): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== "POST" || url.pathname !== "/seed")
      return new Response("not found", { status: 404 });
    const from = Number(url.searchParams.get("from") ?? 0);
    const count = Number(url.searchParams.get("count") ?? 0);
    const started = Date.now();
    const stored = await seed(env.DB, await fieldKeys(env.FIELD_ENCRYPTION_KEYS), from, count);
    return Response.json({ stored, ms: Date.now() - started });
  },
};
