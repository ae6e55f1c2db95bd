/** The car-accident claim page's script: the form's enhancement and the two-year PIP notice. */
import { parseDateInput, todayInOregon } from "../../shared/dates";
import { mvaClaimSchema, mvaClaimWarnings } from "../../shared/schemas/mva-claim";
import { enhanceSubmissionForm } from "./submission-form";

const NOTICE_DELAY_MS = 400;

const form = document.querySelector<HTMLFormElement>('form[data-submission-form="mva-claim"]');
const accidentDate = form?.querySelector<HTMLInputElement>("#accidentDate");
const notice = form?.querySelector<HTMLElement>('[data-notice-for="accidentDate"]');

/** Shows the schema's warnings for the date as typed; a date that does not parse shows none (that is an error, on send). */
function updateNotice(): void {
  if (!accidentDate || !notice) return;
  const iso = parseDateInput(accidentDate.value);
  const today = todayInOregon();
  const warnings = iso && iso <= today ? mvaClaimWarnings({ accidentDate: iso }, today) : [];
  const text = warnings.join(" ");
  if (notice.textContent !== text) notice.textContent = text;
  const ids = (accidentDate.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter((id) => id && id !== notice.id);
  if (text) ids.push(notice.id);
  accidentDate.setAttribute("aria-describedby", ids.join(" "));
}

if (form) {
  enhanceSubmissionForm({ form, schema: mvaClaimSchema(), onRestore: updateNotice });
  let timer: ReturnType<typeof setTimeout> | undefined;
  accidentDate?.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(updateNotice, NOTICE_DELAY_MS);
  });
  accidentDate?.addEventListener("change", updateNotice);
}
