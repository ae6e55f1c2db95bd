import { Hono } from "hono";
import { z } from "zod";
import { clinic, mailingAddress, type CptCode } from "../../src/shared/clinic";
import { addYears, parseDateInput, todayInOregon } from "../../src/shared/dates";
import {
  careFrequencies,
  itemizeCare,
  planCare,
  type CareFrequency,
  type EstimateProvider,
} from "../../src/shared/good-faith-estimate";
import { describeIcd10 } from "../../src/shared/icd10";
import { isValidNpi } from "../../src/shared/npi";
import { normalizeIcd10 } from "../../src/shared/schemas/common";
import type { EstimateList, EstimateView } from "../../src/shared/staff-contract";
import { maxRequestedVisits } from "../../src/shared/schemas/good-faith-estimate";
import {
  givenMethods,
  issueEstimate,
  listEstimates,
  recordEstimateGiven,
  viewEstimate,
  type GivenMethod,
} from "../db/good-faith-estimates";
import type { Secrets } from "../env";
import { requireFieldKeys } from "../field-keys";
import { idParam, notFound, requireJson, safeText, valid } from "../validate";
import { sessionOf, type StaffEnv } from "./auth";

/** The clinic's identity for an estimate from the Worker's variables, or the names not set. */
function estimateProvider(env: Secrets): { provider: EstimateProvider } | { missing: string[] } {
  const legalName = env.CLINIC_LEGAL_NAME?.trim();
  const npi = env.CLINIC_NPI?.replace(/\s/g, "");
  const tin = env.CLINIC_TIN?.replace(/[\s-]/g, "");
  const missing = [
    ...(legalName ? [] : ["CLINIC_LEGAL_NAME"]),
    ...(npi && isValidNpi(npi) ? [] : ["CLINIC_NPI"]),
    ...(tin && /^\d{9}$/.test(tin) ? [] : ["CLINIC_TIN"]),
  ];
  if (missing.length > 0) return { missing };
  return {
    provider: {
      name: clinic.name,
      legalName: legalName!,
      npi: npi!,
      tin: `${tin!.slice(0, 2)}-${tin!.slice(2)}`,
      address: mailingAddress(),
      phone: clinic.phone,
    },
  };
}

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const id = z.preprocess(blank, z.coerce.number().int().positive().max(1e15).optional());

const name = (which: string) =>
  z
    .string({ error: `Enter the patient's ${which} name.` })
    .trim()
    .min(1, { error: `Enter the patient's ${which} name.` })
    .max(100, { error: `Shorten the patient's ${which} name to 100 characters or fewer.` })
    .refine(safeText, { error: `Type the patient's ${which} name again, without invisible characters.` });

const isoDate = (missing: string) =>
  z.string({ error: missing }).transform((text, ctx) => {
    const iso = parseDateInput(text);
    if (iso === null) ctx.addIssue({ code: "custom", message: missing });
    return iso ?? "";
  });

const issueRequest = z
  .object(
    {
      requestId: id,
      replacesId: id,
      patientFirstName: name("first"),
      patientLastName: name("last"),
      dateOfBirth: isoDate("Enter the patient's date of birth as month/day/year, for example 4/27/1980."),
      description: z
        .string({ error: "Describe the care in plain words, for example massage therapy for low back pain." })
        .trim()
        .min(1, { error: "Describe the care in plain words, for example massage therapy for low back pain." })
        .max(500, { error: "Shorten the description of the care to 500 characters or fewer." })
        .refine(safeText, { error: "Type the description again, without invisible characters." }),
      cpt: z.enum(Object.keys(clinic.cptCodes) as [CptCode, ...CptCode[]], {
        error: "Choose the service code: 97124 or 97140.",
      }),
      minutes: z.coerce
        .number({ error: "Choose the length of each visit." })
        .refine((m) => (clinic.sessionLengths as readonly number[]).includes(m), {
          error: `Choose the length of each visit: ${clinic.sessionLengths.join(", ")} minutes.`,
        }),
      frequency: z.enum(Object.keys(careFrequencies) as [CareFrequency, ...CareFrequency[]], {
        error: "Choose how often the visits are.",
      }),
      visits: z.coerce
        .number({ error: "Enter the number of visits as a whole number." })
        .int({ error: "Enter the number of visits as a whole number." })
        .min(1, { error: "The number of visits must be at least 1." })
        .max(maxRequestedVisits, { error: `Enter at most ${maxRequestedVisits} visits.` }),
      careStart: isoDate("Enter the first day of care as month/day/year, for example 1/12/2027."),
      careUntil: z.preprocess(
        blank,
        isoDate("Enter the last day of care as month/day/year, or leave it empty.").optional(),
      ),
      diagnosisCodes: z.preprocess(
        (value) => (typeof value === "string" ? value.split(/[,;\s]+/).filter(Boolean) : (value ?? [])),
        z
          .array(z.string(), { error: "Enter diagnosis codes separated by commas, or leave it empty." })
          .max(12, { error: "Enter at most 12 diagnosis codes." }),
      ),
    },
    { error: "Send the estimate's fields." },
  )
  .superRefine((value, ctx) => {
    value.diagnosisCodes.forEach((code, index) => {
      if (normalizeIcd10(code) === null)
        ctx.addIssue({
          code: "custom",
          path: ["diagnosisCodes"],
          message: `Diagnosis code ${index + 1} is not written like an ICD-10 code, for example M54.50.`,
        });
    });
    const today = todayInOregon();
    if (value.dateOfBirth && value.dateOfBirth >= today)
      ctx.addIssue({
        code: "custom",
        path: ["dateOfBirth"],
        message: "The date of birth must be in the past.",
      });
    if (value.careStart && (value.careStart < today || value.careStart > addYears(today, 2)))
      ctx.addIssue({
        code: "custom",
        path: ["careStart"],
        message: "The first day of care must be today or later, within two years.",
      });
    if (value.careUntil && value.careStart && value.careUntil < value.careStart)
      ctx.addIssue({
        code: "custom",
        path: ["careUntil"],
        message: "The last day of care must be on or after the first day.",
      });
  });

const given = z.object(
  {
    method: z.enum(Object.keys(givenMethods) as [GivenMethod, ...GivenMethod[]], {
      error: "Choose how the estimate was given: in person, by mail or by email.",
    }),
  },
  { error: "Choose how the estimate was given." },
);

const viewQuery = z.object({ copy: z.enum(["print"]).optional() });

/**
 * Good Faith Estimates at the staff desk: `GET /good-faith-estimates` (the newest, and which
 * clinic settings are missing), `POST /good-faith-estimates` (issue one, from a request or for a
 * patient scheduling by phone; a change is a new one with `replacesId`), `GET /:id` (`?copy=print`
 * audits it as printed), `POST /:id/given { method }`. Every read and change is audited.
 */
export const staffEstimates = new Hono<StaffEnv>()
  .get("/good-faith-estimates", requireFieldKeys, async (c) => {
    const estimates = await listEstimates(c.env.DB, c.var.fieldKeys, {
      actor: sessionOf(c).member.email,
      now: c.var.now,
    });
    const identity = estimateProvider(c.env);
    const body: EstimateList = { estimates, missingSettings: "missing" in identity ? identity.missing : [] };
    return c.json(body);
  })
  .post("/good-faith-estimates", requireFieldKeys, requireJson, valid("json", issueRequest), async (c) => {
    const input = c.req.valid("json");
    const identity = estimateProvider(c.env);
    if ("missing" in identity) {
      return c.json({ error: "clinic_settings_missing" as const, missing: identity.missing }, 409);
    }
    if (input.requestId !== undefined) {
      const request = await c.env.DB.prepare("SELECT kind FROM submissions WHERE id = ?1")
        .bind(input.requestId)
        .first<{ kind: string }>();
      if (request?.kind !== "good_faith_estimate") return notFound(c);
    }
    const now = c.var.now;
    const issuedOn = todayInOregon(now);
    const actor = sessionOf(c).member.email;
    const care = planCare({
      start: input.careStart,
      frequency: input.frequency,
      visits: input.visits,
      until: input.careUntil,
    });
    const item = itemizeCare({ cpt: input.cpt, minutes: input.minutes, visits: care.visits });
    const codes = [...new Set(input.diagnosisCodes.map((code) => normalizeIcd10(code)!))];
    const result = await issueEstimate(c.env.DB, c.var.fieldKeys, {
      requestId: input.requestId ?? null,
      replacesId: input.replacesId ?? null,
      actor,
      now,
      issuedOn,
      build: (reference, replaces) => ({
        reference,
        issuedAt: now.toISOString(),
        issuedOn,
        issuedBy: sessionOf(c).member.name,
        patient: {
          firstName: input.patientFirstName,
          lastName: input.patientLastName,
          dateOfBirth: input.dateOfBirth,
        },
        description: input.description,
        items: [item],
        totalCents: item.totalCents,
        diagnoses: codes.map((code) => ({ code, description: describeIcd10(code) ?? null })),
        care,
        provider: identity.provider,
        replaces,
      }),
    });
    if ("refused" in result) {
      return result.refused === "replaced_missing"
        ? notFound(c)
        : c.json({ error: "already_replaced" as const }, 409);
    }
    return c.json(result, 201);
  })
  .get(
    "/good-faith-estimates/:id",
    requireFieldKeys,
    valid("param", idParam),
    valid("query", viewQuery),
    async (c) => {
      const record = await viewEstimate(c.env.DB, c.var.fieldKeys, {
        id: c.req.valid("param").id,
        actor: sessionOf(c).member.email,
        now: c.var.now,
        action: c.req.valid("query").copy === "print" ? "estimate_printed" : "estimate_viewed",
      });
      if (!record) return notFound(c);
      const body: EstimateView = record;
      return c.json(body);
    },
  )
  .post(
    "/good-faith-estimates/:id/given",
    valid("param", idParam),
    requireJson,
    valid("json", given),
    async (c) => {
      const recorded = await recordEstimateGiven(c.env.DB, {
        id: c.req.valid("param").id,
        actor: sessionOf(c).member.email,
        now: c.var.now,
        method: c.req.valid("json").method,
      });
      return recorded ? c.json({ given: true as const }) : notFound(c);
    },
  );
