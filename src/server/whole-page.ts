/**
 * On-demand pages, read to their end before they are sent. Astro streams a page, so an exception
 * after its first bytes (status already sent) would leave the browser an empty page that never
 * finishes loading. Read whole, a failure becomes a short "Something went wrong" page, status 500,
 * in the page's language, with the clinic's phone number.
 */
import { clinic } from "../shared/clinic";
import { messages, type Lang } from "../shared/i18n/messages";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page shown when a page fails while it renders: plain HTML, no script, no style. */
export function serverErrorPage(lang: Lang, phone: string | undefined = clinic.phone): string {
  const t = messages[lang].serverError;
  const help = phone ? t.call(phone) : t.noPhone;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.title)}</title></head>
<body><main><h1>${escapeHtml(t.heading)}</h1><p>${escapeHtml(t.lead)}</p><p>${escapeHtml(t.tryAgain)}</p><p>${escapeHtml(help)}</p></main></body>
</html>
`;
}

/**
 * The response with its body read whole; a body that fails while it is read gives the error page.
 * `log` hears only the error's name (a message could quote what someone typed).
 */
export async function wholePage(
  response: Response,
  lang: Lang,
  log: (line: string) => void = console.error,
): Promise<Response> {
  if (!response.body) return response;
  try {
    const body = await response.arrayBuffer();
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    log(`a page failed while it rendered: ${error instanceof Error ? error.name : typeof error}`);
    return new Response(serverErrorPage(lang), {
      status: 500,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
}
