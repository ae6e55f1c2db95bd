/**
 * What the staff pages' no-JavaScript forms need around a POST, and the answers they give: no
 * answer of a staff page may be cached, redirects included. Nothing here needs the Worker's
 * bindings, so it runs (and is tested) anywhere.
 *
 * Astro's `checkOrigin` refuses a cross-site POST only for the form content types; a JSON or
 * text/plain POST reached `Request.formData()`, which threw (500). `readStaffForm` refuses those
 * before parsing, whatever the content type.
 */
import { isSameOrigin } from "../shared/same-origin";

/** Largest form body a staff page reads: a note is at most 2,000 characters. */
export const maxStaffFormBytes = 16 * 1024;

const formTypes = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

const noStore = { "Cache-Control": "no-store" } as const;

/** A 303 to `location` that no cache keeps; `Set-Cookie` values are passed on. */
export function seeOther(location: string, setCookies: readonly string[] = []): Response {
  const headers = new Headers({ Location: location, ...noStore });
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** A short plain-text answer that no cache keeps. */
export function plainAnswer(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore, ...headers },
  });
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

class TooLarge extends Error {}

/**
 * Reads and drops what is left of a refused body, up to 1 MiB, before answering: `wrangler dev`'s
 * proxy (4.151) otherwise drops the connection and turns the answer into a 500. Larger bodies are
 * left alone (Cloudflare's own limits apply in production).
 */
async function discardBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  let read = 0;
  try {
    while (read <= 1024 * 1024) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // the client went away
  }
}

/** The body's bytes, refusing (TooLarge) as soon as it passes `limit`, whatever Content-Length said. */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(limit);
  let length = 0;
  if (!request.body) return bytes.subarray(0, 0);
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > limit) {
      reader.releaseLock();
      await discardBody(request);
      throw new TooLarge();
    }
    bytes.set(value, length);
    length += value.byteLength;
  }
  return bytes.subarray(0, length);
}

/** Why a posted form was not read: the status to answer with. */
export type FormRefusal = 403 | 413 | 415 | 400;

/**
 * The posted form, or why it was not read: 403 for a POST from another origin (any content
 * type), 415 for anything but a urlencoded or multipart form, 413 for a body over `limit` bytes,
 * 400 for one that cannot be parsed. Never throws.
 */
export async function readFormPost(
  request: Request,
  limit: number,
): Promise<{ ok: true; form: FormData } | { ok: false; status: FormRefusal }> {
  const refuse = async (status: FormRefusal) => {
    await discardBody(request);
    return { ok: false as const, status };
  };
  if (!isSameOrigin(request)) return refuse(403);
  const contentType = request.headers.get("content-type");
  if (!formTypes.has(mediaType(contentType))) return refuse(415);
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > limit)) {
    return refuse(/^\d+$/.test(declared.trim()) ? 413 : 400);
  }
  try {
    const bytes = await readAtMost(request, limit);
    const form = await new Response(bytes, { headers: { "Content-Type": contentType! } }).formData();
    return { ok: true, form };
  } catch (error) {
    return { ok: false, status: error instanceof TooLarge ? 413 : 400 };
  }
}

const staffRefusals: Record<FormRefusal, string> = {
  403: "This form only works from the staff desk's own pages. Go back, reload the page and try again.",
  415: "Send this form from the staff desk's page.",
  413: "That form is too large to send. Shorten what you typed and try again.",
  400: "That form could not be read. Reload the page and try again.",
};

export type StaffForm = { ok: true; form: FormData } | { ok: false; response: Response };

/** The posted form of a staff page (at most 16 KB), or the plain answer to give instead. */
export async function readStaffForm(request: Request): Promise<StaffForm> {
  const posted = await readFormPost(request, maxStaffFormBytes);
  return posted.ok
    ? posted
    : { ok: false, response: plainAnswer(posted.status, staffRefusals[posted.status]) };
}

/** A form field as text ("" when it is missing or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
