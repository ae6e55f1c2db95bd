/**
 * On-demand pages, read to their end before they are sent. Astro streams a page, so an exception
 * after its first bytes (status already sent) would leave the browser an empty page that never
 * finishes loading. Read whole, a failure becomes a short "Something went wrong" page, status 500,
 * in the page's language, with the clinic's phone number. Only HTML is read whole: a download
 * (the staff CSV export) keeps streaming.
 */
import { html } from "hono/html";
import { clinic } from "../shared/clinic";
import { messages, type Lang } from "../shared/i18n/messages";

/** The page shown when a page fails while it renders: plain HTML, no script, no style. */
export function serverErrorPage(lang: Lang, phone: string | undefined = clinic.phone): string {
  const t = messages[lang].serverError;
  const help = phone ? t.call(phone) : t.noPhone;
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${t.title}</title>
      </head>
      <body>
        <main>
          <h1>${t.heading}</h1>
          <p>${t.lead}</p>
          <p>${t.tryAgain}</p>
          <p>${help}</p>
        </main>
      </body>
    </html> `.toString();
}

/**
 * The response with its HTML body read whole; a body that fails while it is read gives the error
 * page. `log` hears the page's route and the error's name only (a message could quote what
 * someone typed).
 */
export async function wholePage(
  response: Response,
  lang: Lang,
  route: string,
  log: (line: string) => void = console.error,
): Promise<Response> {
  if (!response.body || !response.headers.get("content-type")?.startsWith("text/html")) return response;
  let body: ArrayBuffer;
  try {
    body = await response.arrayBuffer();
  } catch (error) {
    log(`the page ${route} failed while it rendered: ${error instanceof Error ? error.name : typeof error}`);
    return new Response(serverErrorPage(lang), {
      status: 500,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const { status, statusText, headers } = response;
  return new Response([101, 204, 205, 304].includes(status) ? null : body, { status, statusText, headers });
}
