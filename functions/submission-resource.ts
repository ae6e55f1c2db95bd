import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { maxScanBytes, scanField, scanKind } from "../src/shared/scan-types";
import { formatIssues, idempotencyKeyPattern, type FieldIssue } from "../src/shared/schemas/common";
import {
  confirmationCookie,
  kindSpec,
  submissionKindIds,
  type NewSubmission,
  type SubmissionKind,
} from "../src/shared/submissions/registry";
import { confirmationValue } from "../src/shared/submissions/receipt";
import { requestClientKey } from "./client-key";
import { newReference, saveSubmission } from "./db/submissions";
import type { AppEnv } from "./env";
import type { FieldKeys } from "./field-crypto";
import { requireFieldKeys } from "./field-keys";
import { formErrorPage } from "./form-error-page";
import { notifyStaff } from "./notify-staff";
import { readScan, saveSubmissionWithScan } from "./scans";
import { formMessages } from "../src/shared/i18n/forms";
import { formPagesEn } from "../src/shared/i18n/form-pages-en";
import { formPagesEs } from "../src/shared/i18n/form-pages-es";
import type { Lang } from "../src/shared/i18n/messages";
import { readLang } from "../src/shared/schemas/builders";
import { localizedPath } from "../src/shared/site-pages";

const formPages = { en: formPagesEn, es: formPagesEs };

/** Largest accepted request body: a filled form is a few KB. */
const maxBodyBytes = 64 * 1024;

const isMultipart = (c: Context) => /^multipart\/form-data\b/i.test(c.req.header("content-type") ?? "");

/**
 * The language to answer in before the body is read (a refusal of the body itself): the
 * `Content-Language` the form's script sends beside the body's `language` field; English otherwise.
 */
const headerLang = (c: Context): Lang => readLang(c.req.header("content-language")?.split(",")[0]);

/** The body limit: a multipart prescription may carry a signed prescription of up to 10 MB. */
function bodyLimitFor(kind: SubmissionKind) {
  const onError = (c: Context) =>
    c.json({ error: "payload_too_large", message: formPages[headerLang(c)].api.payloadTooLarge }, 413);
  const small = bodyLimit({ maxSize: maxBodyBytes, onError });
  const withScan = bodyLimit({ maxSize: maxScanBytes + maxBodyBytes, onError });
  return createMiddleware((c, next) => (kind === scanKind && isMultipart(c) ? withScan : small)(c, next));
}

type Body = { mode: "json" | "form"; value: unknown; scanParts: (File | string)[] } | { error: Response };

async function readBody(c: Context): Promise<Body> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") {
    try {
      return { mode: "json", value: await c.req.json(), scanParts: [] };
    } catch {
      return { error: c.json({ error: "malformed_json" }, 400) };
    }
  }
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") {
    try {
      const form = await c.req.parseBody({ all: true });
      const value: Record<string, unknown> = {};
      let scanParts: (File | string)[] = [];
      for (const [name, field] of Object.entries(form)) {
        if (name === scanField) {
          scanParts = Array.isArray(field) ? field : [field];
          continue;
        }
        const values = (Array.isArray(field) ? field : [field]).filter((v) => typeof v === "string");
        value[name] = values.length > 1 ? values : values[0];
      }
      // A script (or the form page, in-process) asks for JSON answers; a browser's own post, pages.
      const mode = /application\/json/i.test(c.req.header("accept") ?? "") ? "json" : "form";
      return { mode, value, scanParts };
    } catch {
      return { error: c.json({ error: "malformed_body" }, 400) };
    }
  }
  return {
    error: c.json(
      { error: "unsupported_media_type", message: formPages[headerLang(c)].api.unsupported },
      415,
    ),
  };
}

function idempotencyKeyOf(c: Context, body: unknown): string | null | undefined {
  const fromHeader = c.req.header("idempotency-key");
  const fromBody =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>).idempotencyKey : undefined;
  const key = fromHeader ?? (typeof fromBody === "string" ? fromBody : undefined);
  if (key === undefined) return undefined;
  return idempotencyKeyPattern.test(key) ? key : null;
}

/**
 * One public submission resource (`POST /`): JSON → 201 `{ reference }`, a form post → 303 to the
 * confirmation page; invalid → 422 with field paths and messages (JSON) or an accessible HTML list
 * (form post). Stores each submission exactly once per idempotency key.
 */
function submissionResource(kind: SubmissionKind) {
  const spec = kindSpec(kind);
  const schemas = { en: spec.schema("en"), es: spec.schema("es") };
  const succeed = (
    c: Context,
    mode: "json" | "form",
    reference: string,
    notices: string[] = [],
    idempotencyKey?: string,
    lang: Lang = "en",
  ) => {
    // The key lets the confirmation page show what was sent (`GET /api/receipt`), in this browser only.
    setCookie(
      c,
      confirmationCookie.name,
      confirmationValue(reference, idempotencyKey),
      // Sent only to the confirmation page in the form's language.
      { ...confirmationCookie.options, path: localizedPath(confirmationCookie.options.path, lang) },
    );
    c.header("Cache-Control", "no-store");
    if (mode === "form") return c.redirect(localizedPath("/forms/received", lang), 303);
    return c.json({ reference, notices }, 201);
  };

  const invalid = (c: Context, mode: "json" | "form", issues: FieldIssue[], lang: Lang) =>
    mode === "json"
      ? c.json({ error: "validation_failed", issues }, 422)
      : formErrorPage(c, { issues, kind, formPath: spec.formPath, lang });

  return new Hono<AppEnv & { Variables: { fieldKeys: FieldKeys } }>().post(
    "/",
    bodyLimitFor(kind),
    async (c, next) => {
      // One limit for every form a client sends, whichever kind.
      const { success } = await c.env.SUBMIT_LIMIT.limit({ key: `submit:${requestClientKey(c)}` });
      if (!success) {
        c.header("Retry-After", "60");
        return c.json({ error: "rate_limited" }, 429);
      }
      await next();
    },
    requireFieldKeys,
    async (c) => {
      const body = await readBody(c);
      if ("error" in body) return body.error;

      const record = typeof body.value === "object" && body.value !== null ? body.value : {};
      const honeypot = (record as Record<string, unknown>).website;
      // The form's own language (its hidden `language` field), else the header's: every answer is in it.
      const language = (record as Record<string, unknown>).language;
      const lang = language === undefined ? headerLang(c) : readLang(language);
      const m = formMessages[lang];
      // A bot filled the hidden field, with any value of any type: a normal-looking answer, nothing stored.
      if (honeypot != null && !(typeof honeypot === "string" && honeypot.trim() === "")) {
        return succeed(c, body.mode, newReference(kind), [], undefined, lang);
      }

      const key = idempotencyKeyOf(c, body.value);
      if (key === null) {
        return invalid(c, body.mode, [{ path: "idempotencyKey", message: m.outOfDate }], lang);
      }

      const parsed = schemas[lang].safeParse(body.value);
      const { scan, issue } = kind === scanKind ? await readScan(body.scanParts, m.scan) : {};
      if (!parsed.success || issue)
        return invalid(
          c,
          body.mode,
          [...(parsed.success ? [] : formatIssues(parsed.error)), ...(issue ? [issue] : [])],
          lang,
        );

      const { website: _honeypot, idempotencyKey: _key, ...fields } = parsed.data as Record<string, unknown>;
      // The language it was sent in goes on with the answers (staff see it; 0011 gives it a column).
      const submission = { kind, input: { ...fields, language: lang } } as NewSubmission;
      const storedKey = key ?? crypto.randomUUID();
      const result = scan
        ? await saveSubmissionWithScan(c.env, c.var.fieldKeys, submission, storedKey, scan)
        : await saveSubmission(c.env.DB, c.var.fieldKeys, submission, storedKey);
      if (result.outcome === "key_conflict") {
        const message = m.keyConflict;
        return body.mode === "json"
          ? c.json({ error: "idempotency_key_reused", message }, 409)
          : formErrorPage(c, {
              issues: [{ path: "", message }],
              kind,
              formPath: spec.formPath,
              lang,
              status: 409,
            });
      }
      if (result.outcome === "replayed") c.header("Idempotent-Replayed", "true");
      else notifyStaff(c);
      return succeed(c, body.mode, result.reference, spec.notices(parsed.data, lang), storedKey, lang);
    },
  );
}

/** Every kind's public resource, mounted at its `apiPath` (`POST /api/prescriptions`, …). */
export const submissionResources = new Hono<AppEnv>();
for (const kind of submissionKindIds)
  submissionResources.route(kindSpec(kind).apiPath, submissionResource(kind));
