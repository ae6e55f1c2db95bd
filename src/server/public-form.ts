/**
 * A public form posted without JavaScript: the form page reads the post, sends it to the API
 * in-process (the same rules and exactly-once storage as the script's JSON post), and on any
 * failure shows the form page itself again, in the site's layout, with every answer kept, the
 * error summary, inline errors, and a plain message saying what happened and that nothing was
 * stored. Nothing typed ever goes into a web address.
 */
import { formatIssues, idempotencyKeyPattern, type FieldIssue } from "../shared/schemas/common";
import { maxScanBytes, scanField, scanKind } from "../shared/scan-types";
import { formMessages } from "../shared/i18n/forms";
import { formPagesEn } from "../shared/i18n/form-pages-en";
import { formPagesEs } from "../shared/i18n/form-pages-es";
import type { Lang } from "../shared/i18n/messages";
import { localizedPath } from "../shared/site-pages";
import { kindSpec, type SubmissionKind } from "../shared/submissions/registry";
import { postToApi, type PageContext } from "./staff-client";
import { readFormPost, seeOther } from "./staff-forms";

/** What the form page shows after a failed post. */
export interface FormState {
  /** What was typed, field by field (several values joined by ", "). */
  values: Record<string, string>;
  /** The problems with particular fields. */
  issues: FieldIssue[];
  /** A problem with the post as a whole: what happened, that nothing was stored, what to do. */
  alert?: string;
  /** The key the next post must use: the same one after a fault, so a retry is stored once. */
  idempotencyKey: string;
  status: number;
  /** A file was chosen: the browser does not keep it, so the page asks for it again. */
  scanSent?: boolean;
}

/** Largest form post read: a filled form is a few KB (the API allows 64 KB). */
const maxFormBytes = 64 * 1024;

/**
 * With a signed prescription, up to twice the largest file: a file somewhat over 10 MB gets the
 * field's error with every answer kept, instead of a post that cannot be read.
 */
const maxScanFormBytes = 2 * maxScanBytes + maxFormBytes;

/** The files posted for the signed prescription (a browser sends an empty, unnamed part for none). */
function scanParts(form: FormData): File[] {
  return form
    .getAll(scanField)
    .filter((part): part is File => typeof part !== "string" && !(part.size === 0 && !part.name));
}

/** The form's fields and files as multipart, for the API. */
function multipart(record: Record<string, string | string[]>, files: File[]): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(record))
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  for (const file of files) body.append(scanField, file);
  return body;
}

/** The form's fields as the API reads them: one string per field, a list for a repeated one. */
function answers(form: FormData): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name).filter((value): value is string => typeof value === "string");
    if (values.length > 0) record[name] = values.length > 1 ? values : values[0]!;
  }
  return record;
}

function typed(record: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    if (name !== "website") values[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return values;
}

/**
 * Handles a form page's POST: a 303 to the confirmation page (with its cookie) once stored, or
 * the state to render the form again with. Never throws.
 */
export async function postPublicForm(
  page: PageContext,
  kind: SubmissionKind,
  lang: Lang = "en",
): Promise<{ response: Response } | { state: FormState }> {
  const alerts = (lang === "es" ? formPagesEs : formPagesEn).alerts;
  const withScan = kind === scanKind;
  const posted = await readFormPost(page.request, withScan ? maxScanFormBytes : maxFormBytes);
  const fresh = crypto.randomUUID();
  if (!posted.ok) {
    return {
      state: {
        values: {},
        issues: [],
        alert: withScan && posted.status === 413 ? alerts.scanTooLargeToRead : alerts[posted.status],
        idempotencyKey: fresh,
        status: posted.status,
      },
    };
  }
  const record = answers(posted.form);
  const files = withScan ? scanParts(posted.form) : [];
  const values = typed(record);
  const postedKey = typeof record.idempotencyKey === "string" ? record.idempotencyKey : "";
  const key = idempotencyKeyPattern.test(postedKey) ? postedKey : fresh;
  const state = (
    status: number,
    issues: FieldIssue[],
    alert?: string,
    idempotencyKey = key,
  ): { state: FormState } => ({
    state: {
      values: { ...values, idempotencyKey },
      issues,
      alert,
      idempotencyKey,
      status,
      scanSent: files.length > 0,
    },
  });

  // A file over 10 MB would be refused whole by the API: the field's error and the other fields' problems here.
  if (files.some((file) => file.size > maxScanBytes)) {
    const parsed = kindSpec(kind).schema(lang).safeParse(record);
    const tooLarge = { path: scanField, message: formMessages[lang].scan.tooLarge };
    return state(422, [...(parsed.success ? [] : formatIssues(parsed.error)), tooLarge]);
  }

  // The page's language goes with the answers, so the API answers in it.
  const fields = { ...record, idempotencyKey: key, language: lang };
  let res: Response;
  try {
    res = await postToApi(
      page,
      kindSpec(kind).apiPath,
      files.length ? multipart(fields, files) : fields,
      key,
    );
  } catch {
    return state(503, [], alerts[503]);
  }
  if (res.status === 201)
    return { response: seeOther(localizedPath("/forms/received", lang), res.headers.getSetCookie()) };
  if (res.status === 422) {
    const body = (await res.json().catch(() => ({}))) as { issues?: FieldIssue[] };
    return state(422, body.issues ?? []);
  }
  if (res.status === 409) return state(409, [], alerts[409], fresh);
  if (res.status === 429) return state(429, [], alerts[429]);
  if (res.status === 413) return state(413, [], alerts[413]);
  return state(503, [], alerts[503]);
}

/**
 * A form page's request in either language: its cache headers, and on a POST (no JavaScript) the
 * post handled — a response to send (the confirmation's 303), or the state to show the form again in.
 */
export async function formPage(
  page: PageContext & { response: ResponseInit & { headers: Headers }; currentLocale: string | undefined },
  kind: SubmissionKind,
): Promise<{ response: Response } | { state: FormState | undefined; lang: Lang }> {
  const lang: Lang = page.currentLocale === "es" ? "es" : "en";
  // Not no-store: the browser must keep the page to bring back what was typed when the patient presses Back.
  page.response.headers.set("Cache-Control", "private, no-cache");
  if (page.request.method !== "POST") return { state: undefined, lang };
  const posted = await postPublicForm(page, kind, lang);
  if ("response" in posted) return posted;
  page.response.status = posted.state.status;
  // This answer holds what was typed: no cache may keep it.
  page.response.headers.set("Cache-Control", "no-store");
  return { state: posted.state, lang };
}
