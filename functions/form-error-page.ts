import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { clinic } from "../src/shared/clinic";
import type { FieldIssue } from "../src/shared/schemas/common";
import { formPagesEn } from "../src/shared/i18n/form-pages-en";
import { formPagesEs } from "../src/shared/i18n/form-pages-es";
import type { Lang } from "../src/shared/i18n/messages";
import { localizedPath } from "../src/shared/site-pages";
import type { SubmissionKind } from "../src/shared/submissions/registry";

const style = `body{font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f23;margin:0}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}h1{color:#07443c;line-height:1.25}
.error-summary{border:4px solid #b3261e;padding:1rem 1.25rem}.error-summary h2{margin-top:0;color:#b3261e}
a{color:#0a50a0}:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1f23}`;

let styleHash: Promise<string> | undefined;
function hashStyle(): Promise<string> {
  styleHash ??= crypto.subtle
    .digest("SHA-256", new TextEncoder().encode(style))
    .then((d) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(d)))}'`);
  return styleHash;
}

/** Field paths like `diagnosisCodes.1` → the form control id `diagnosisCodes`. */
function fieldId(path: string): string {
  return path.split(".")[0] || "main";
}

/**
 * The answer to a form post that cannot be saved (JavaScript off): an accessible page listing each
 * problem, in our own words only — it never repeats what was typed — and the way back to the form,
 * where the browser has kept every answer.
 */
export async function formErrorPage(
  c: Context,
  page: {
    issues: FieldIssue[];
    kind: SubmissionKind;
    formPath: string;
    lang: Lang;
    status?: ContentfulStatusCode;
  },
) {
  const t = page.lang === "es" ? formPagesEs : formPagesEn;
  const words = t.errorPage;
  const formTitle = t.kinds[page.kind].formTitle;
  const formPath = localizedPath(page.formPath, page.lang);
  const [beforeBack, back, afterBack] = words.useBack(formTitle);
  const hash = await hashStyle();
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src ${hash}; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header("Cache-Control", "no-store");
  return c.html(
    html`<!doctype html>
      <html lang="${page.lang}">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${words.title} | ${clinic.name}</title>
          ${raw(`<style>${style}</style>`)}
        </head>
        <body>
          <main id="main">
            <h1>${words.heading}</h1>
            <div class="error-summary" role="alert" aria-labelledby="problems">
              <h2 id="problems">${words.fix(page.issues.length)}</h2>
              <ul>
                ${page.issues.map((issue) => html`<li data-field="${fieldId(issue.path)}">${issue.message}</li>`)}
              </ul>
            </div>
            <p><strong>${words.notLost}</strong> ${beforeBack} <strong>${back}</strong> ${afterBack}</p>
            <p>
              ${words.backFails}
              <a href="${formPath}">${words.openAgain(formTitle)}</a>.
            </p>
          </main>
        </body>
      </html>`,
    page.status ?? 422,
  );
}
