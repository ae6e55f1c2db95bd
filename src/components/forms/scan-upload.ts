/**
 * The signed prescription's file input, enhanced: the file's size and first bytes are checked
 * before sending (the same rule as the API, `shared/scan-types.ts`), and a form with a file is
 * sent as multipart with XMLHttpRequest, whose upload events drive a labelled `<progress>` and a
 * polite status ("Sending: 40%"). Without a file the form's usual JSON post is used.
 */
import type { FieldIssue } from "../../shared/schemas/common";
import type { PrescriptionMessages } from "../../shared/i18n/forms-en";
import { scanField, scanProblem, scanSniffBytes } from "../../shared/scan-types";
import { pageLang } from "./form-words";

/** The form's `check` and `sender` for `enhanceSubmissionForm`, or nothing when the form has no file field. */
export function enhanceScanUpload(form: HTMLFormElement, words: PrescriptionMessages) {
  const input = form.querySelector<HTMLInputElement>(`input[type=file][name="${scanField}"]`);
  const progressBox = form.querySelector<HTMLElement>("[data-scan-progress]");
  const progress = progressBox?.querySelector("progress");
  const status = form.querySelector<HTMLElement>("[data-scan-status]");
  if (!input || !progressBox || !progress || !status) return {};
  const lang = pageLang();
  const say = words.scan;
  const chosen = () => input.files?.[0] ?? null;
  const [box, line] = [progressBox, status];

  const check = async (): Promise<FieldIssue[]> => {
    const files = input.files ? Array.from(input.files) : [];
    if (files.length > 1) return [{ path: scanField, message: say.several }];
    const file = chosen();
    if (!file) return [];
    const head = new Uint8Array(await file.slice(0, scanSniffBytes).arrayBuffer());
    const problem = scanProblem(file.size, head, say);
    return problem ? [{ path: scanField, message: problem }] : [];
  };

  let announced = -1;
  const showProgress = (loaded: number, total: number) => {
    const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
    progress.value = percent;
    progress.textContent = `${percent}%`;
    // Every quarter, so a screen reader hears progress without a flood of numbers.
    const quarter = Math.floor(percent / 25);
    if (percent === 100) status.textContent = say.sent;
    else if (quarter !== announced) status.textContent = say.sending(percent);
    announced = quarter;
  };

  const sender = (url: string, values: Record<string, string>, key: string): Promise<Response> | null => {
    const file = chosen();
    if (!file) return null;
    const body = new FormData();
    for (const [name, value] of Object.entries(values)) body.append(name, value);
    body.append(scanField, file);
    announced = -1;
    progressBox.hidden = false;
    showProgress(0, file.size);
    return new Promise((resolve, reject) => {
      const fail = () => {
        box.hidden = true;
        line.textContent = "";
        reject(new TypeError("The form could not be sent."));
      };
      const request = new XMLHttpRequest();
      request.open("POST", url);
      request.setRequestHeader("Accept", "application/json");
      request.setRequestHeader("Idempotency-Key", key);
      request.setRequestHeader("Content-Language", lang);
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) showProgress(event.loaded, event.total);
      });
      request.addEventListener("load", () => {
        if (request.status !== 201) {
          box.hidden = true;
          line.textContent = "";
        }
        try {
          resolve(new Response(request.responseText, { status: request.status }));
        } catch {
          fail();
        }
      });
      request.addEventListener("error", fail);
      request.addEventListener("abort", fail);
      request.send(body);
    });
  };

  return { check, sender };
}
