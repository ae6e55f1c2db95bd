/**
 * Progressive enhancement for a generated submission form: validates with the submission's own
 * schema, shows the GOV.UK error summary and inline errors, sends JSON with the page's
 * idempotency key (a retry after a failure can never store the form twice), and keeps a draft in
 * this tab's sessionStorage so a reload loses nothing.
 */
import type * as z from "zod/mini";
import { dateParts } from "../../shared/schemas/builders";
import { formatIssues, idempotencyKeyPattern, type FieldIssue } from "../../shared/schemas/common";
import { focusErrorSummary, showErrorSummary, type SummaryIssue } from "../error-summary";
import { enhanceChoices } from "./form-choices";
import type { CommonWords } from "../../shared/i18n/forms-en";
import { pageLang } from "./form-words";
import { localizedPath } from "../../shared/site-pages";

export interface SubmissionFormOptions {
  form: HTMLFormElement;
  /** The browser build of the submission schema (shape checks only). */
  schema: z.ZodMiniType;
  /** The page's words (`formMessagesOfPage`), the schema's language. */
  messages: CommonWords;
  /** Called after a draft was put back into the form, so page scripts can refresh notices. */
  onRestore?: () => void;
  /** Checks the schema cannot make (a chosen file's type and size), as field problems. */
  check?: () => Promise<FieldIssue[]>;
  /** Sends the answers another way than the JSON post (with a file: multipart), or null for JSON. */
  sender?: (url: string, values: Record<string, string>, key: string) => Promise<Response> | null;
}

const DRAFT_DELAY_MS = 300;
// The language is the page's own, never an earlier page's draft.
const NOT_DRAFTED = new Set(["website", "language"]);

type Values = Record<string, string>;

function formValues(form: HTMLFormElement): Values {
  const values: Values = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

function debounce(run: () => void, ms: number): { (): void; cancel(): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, ms);
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  /** Runs now what is waiting, if anything. */
  debounced.flush = () => {
    if (timer === undefined) return;
    debounced.cancel();
    run();
  };
  return debounced;
}

/** sessionStorage can throw (storage disabled, quota): a draft is a convenience, never a blocker. */
const storage = {
  read(key: string): Values | null {
    try {
      const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? "null");
      return typeof parsed === "object" && parsed !== null ? (parsed as Values) : null;
    } catch {
      return null;
    }
  },
  write(key: string, values: Values): void {
    try {
      sessionStorage.setItem(key, JSON.stringify(values));
    } catch {
      // the draft is lost on reload, nothing else
    }
  },
  remove(key: string): void {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
  },
};

/** Enhances one `SubmissionForm` (see SubmissionForm.astro for the markup it expects). */
export function enhanceSubmissionForm({
  form,
  schema,
  messages: words,
  onRestore,
  check,
  sender,
}: SubmissionFormOptions): void {
  const draftKey = `draft:${form.dataset.submissionForm}`;
  const lang = pageLang();
  const messages = words.browser;
  const summary = form.querySelector<HTMLElement>("[data-error-summary]")!;
  const status = form.querySelector<HTMLElement>("[data-form-status]")!;
  const alert = form.querySelector<HTMLElement>("[data-form-alert]")!;
  const submit = form.querySelector<HTMLButtonElement>("[data-submit]")!;
  const submitLabel = submit.textContent ?? "";
  const pageTitle = document.title;
  const keyInput = form.querySelector<HTMLInputElement>('input[name="idempotencyKey"]');
  let sending = false;
  const refreshChoices = enhanceChoices(form);

  // The draft: what was typed, minus the honeypot, plus the idempotency key so a reload keeps it.
  const saveDraft = debounce(() => {
    const values = formValues(form);
    for (const name of NOT_DRAFTED) delete values[name];
    storage.write(draftKey, values);
  }, DRAFT_DELAY_MS);

  const fieldOf = (path: string) => {
    const name = path.split(".")[0] ?? "";
    const wrapper = name ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`) : null;
    return wrapper ? { name, wrapper } : null;
  };

  /** The element whose aria-describedby names the error: the fieldset of a radio group, else the control. */
  const describedOf = (name: string, wrapper: HTMLElement): HTMLElement | null =>
    wrapper.tagName === "FIELDSET" ? wrapper : form.querySelector<HTMLElement>(`#${CSS.escape(name)}`);

  const setDescribedBy = (element: HTMLElement, id: string, on: boolean) => {
    const ids = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((x) => x && x !== id);
    if (on) ids.push(id);
    if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
    else element.removeAttribute("aria-describedby");
  };

  function clearIssues(): void {
    showErrorSummary(summary, []);
    document.title = pageTitle;
    for (const error of form.querySelectorAll<HTMLElement>(".field-error")) {
      const wrapper = error.closest<HTMLElement>("[data-field]")!;
      const name = wrapper.dataset.field!;
      const described = describedOf(name, wrapper);
      if (described) setDescribedBy(described, error.id, false);
      wrapper.classList.remove("field--error");
      for (const control of wrapper.querySelectorAll("input, select, textarea"))
        control.removeAttribute("aria-invalid");
      error.remove();
    }
  }

  /** A date's problem is about one part ("startDate.month") or all of it: the controls to mark, the one to link to. */
  const partControls = (wrapper: HTMLElement, path: string): HTMLElement[] => {
    const controls = [...wrapper.querySelectorAll<HTMLElement>("input, select, textarea")];
    const part = path.split(".")[1];
    if (!wrapper.hasAttribute("data-date-input") || !(dateParts as readonly string[]).includes(part ?? ""))
      return controls;
    return controls.filter((control) => control.dataset.part === part);
  };

  /** Shows problems as the error summary (focused) and inline errors next to their fields. */
  function showIssues(issues: FieldIssue[]): void {
    clearIssues();
    const byField = new Map<
      string,
      { wrapper: HTMLElement; messages: string[]; invalid: Set<HTMLElement> }
    >();
    const listed = new Set<string>();
    const summaryIssues: SummaryIssue[] = [];
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      const group =
        field && (byField.get(field.name) ?? { wrapper: field.wrapper, messages: [], invalid: new Set() });
      const controls = field ? partControls(field.wrapper, issue.path) : [];
      for (const control of controls) group!.invalid.add(control);
      if (field) byField.set(field.name, group!);
      const entry = field ? `${field.name}\n${issue.message}` : issue.message;
      if (listed.has(entry)) continue;
      listed.add(entry);
      const target = field?.wrapper.hasAttribute("data-date-input") ? controls[0]?.id : field?.name;
      summaryIssues.push({ message: issue.message, field: target });
      group?.messages.push(issue.message);
    }

    for (const [name, { wrapper, messages: fieldMessages, invalid }] of byField) {
      const error = document.createElement("p");
      error.className = "field-error";
      error.id = `${name}-error`;
      for (const message of fieldMessages) {
        const line = document.createElement("span");
        line.className = "field-error-line";
        const prefix = document.createElement("span");
        prefix.className = "visually-hidden";
        prefix.textContent = words.field.errorPrefix;
        line.replaceChildren(prefix, message);
        error.appendChild(line);
      }
      const control = wrapper.querySelector("[data-control]")!;
      control.parentNode!.insertBefore(error, control);
      wrapper.classList.add("field--error");
      const described = describedOf(name, wrapper);
      if (described) setDescribedBy(described, error.id, true);
      for (const control of invalid) control.setAttribute("aria-invalid", "true");
    }

    document.title = `${words.field.errorPrefix}${pageTitle}`;
    showErrorSummary(summary, summaryIssues);
  }

  function showAlert(message: string, retry?: () => void): void {
    alert.replaceChildren();
    const text = document.createElement("p");
    text.textContent = message;
    alert.appendChild(text);
    if (retry) {
      const again = document.createElement("button");
      again.type = "button";
      again.className = "button secondary";
      again.textContent = messages.retry;
      again.addEventListener("click", retry);
      alert.appendChild(again);
    }
    alert.focus();
  }

  function setSending(on: boolean): void {
    sending = on;
    submit.disabled = on;
    submit.setAttribute("aria-disabled", String(on));
    submit.textContent = on ? messages.sending : submitLabel;
    for (const button of alert.querySelectorAll("button")) button.disabled = on;
  }

  async function send(values: Values, key: string): Promise<void> {
    if (sending) return;
    setSending(true);
    let response: Response;
    try {
      // JSON to the API; without JavaScript the form posts to its own page (`action`).
      response = await (sender?.(form.dataset.api!, values, key) ??
        fetch(form.dataset.api!, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "Content-Language": lang,
            "Idempotency-Key": key,
          },
          body: JSON.stringify(values),
        }));
    } catch {
      setSending(false);
      showAlert(messages.offline, () => void send(values, key));
      return;
    }
    if (response.status === 201) {
      saveDraft.cancel();
      storage.remove(draftKey);
      location.assign(localizedPath("/forms/received", lang));
      return;
    }
    setSending(false);
    const answer = (await response.json().catch(() => null)) as {
      issues?: FieldIssue[];
      message?: string;
    } | null;
    if (response.status === 422 && answer?.issues?.length) {
      alert.replaceChildren();
      showIssues(answer.issues);
    } else if (response.status === 409 && answer?.message) {
      // This key already stored an earlier version of the form. A new key lets "Send" (or a reload,
      // which restores the draft) send this version as a new form, as the message asks.
      if (keyInput) keyInput.value = crypto.randomUUID();
      saveDraft();
      showAlert(answer.message);
    } else if (response.status === 429) {
      showAlert(messages.tooMany);
    } else if (response.status >= 500) {
      showAlert(messages.serverError, () => void send(values, key));
    } else {
      showAlert(messages.rejected);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (sending) return;
    const values = formValues(form);
    const result = schema.safeParse(values);
    void (check?.() ?? Promise.resolve([])).then((more) => {
      const issues = [...(result.success ? [] : formatIssues(result.error)), ...more];
      if (issues.length > 0) {
        alert.replaceChildren();
        showIssues(issues);
        return;
      }
      clearIssues();
      alert.replaceChildren();
      // The API's dates are ISO text: the parts a date was typed in are sent as the date they make.
      const data = result.success ? (result.data as Record<string, unknown>) : {};
      for (const wrapper of form.querySelectorAll<HTMLElement>("[data-date-input]")) {
        const name = wrapper.dataset.field!;
        for (const part of dateParts) delete values[`${name}-${part}`];
        if (typeof data[name] === "string") values[name] = data[name];
      }
      void send(values, values.idempotencyKey ?? "");
    });
  });

  form.addEventListener("input", saveDraft);
  form.addEventListener("change", saveDraft);
  // A reload or a tap away within the delay keeps the last change too.
  window.addEventListener("pagehide", saveDraft.flush);

  function restoreDraft(draft: Values): void {
    for (const element of Array.from(form.elements)) {
      if (!(
        element instanceof HTMLInputElement ||
        element instanceof HTMLSelectElement ||
        element instanceof HTMLTextAreaElement
      ))
        continue;
      const { name } = element;
      const value = draft[name];
      if (!name || NOT_DRAFTED.has(name)) continue;
      if (element instanceof HTMLInputElement && element.type === "radio")
        element.checked = value === element.value;
      else if (element instanceof HTMLInputElement && element.type === "checkbox")
        element.checked = value !== undefined;
      else if (name !== "idempotencyKey") element.value = value ?? "";
      else if (idempotencyKeyPattern.test(value ?? "")) element.value = value!;
    }
  }

  function clearForm(): void {
    const key = keyInput?.value;
    form.reset();
    if (keyInput && key) keyInput.value = key;
    clearIssues();
    alert.replaceChildren();
    saveDraft.cancel();
    storage.remove(draftKey);
    status.replaceChildren(messages.cleared);
    refreshChoices();
    onRestore?.();
    form
      .querySelector<HTMLElement>("input:not([type=hidden]):not([tabindex='-1']), select, textarea")
      ?.focus();
  }

  // A form the server showed again (sent without the script) holds the answers as they were sent:
  // those are kept, and become the draft, rather than an older draft put over them.
  const shownAgain = form.dataset.shownAgain !== undefined;
  if (shownAgain) saveDraft();
  const draft = shownAgain ? null : storage.read(draftKey);
  const typed =
    draft && Object.entries(draft).some(([name, value]) => name !== "idempotencyKey" && value !== "");
  if (draft && typed) {
    restoreDraft(draft);
    const text = document.createElement("p");
    text.textContent = messages.restored;
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "button secondary";
    clear.textContent = messages.clear;
    clear.addEventListener("click", clearForm);
    status.replaceChildren(text, clear);
    refreshChoices();
    onRestore?.();
  }

  // The page came back from a failed post (the server showed the problems): start at the summary.
  if (!summary.hidden) focusErrorSummary(summary);

  // Coming Back to a page kept in the back/forward cache after sending: make the button usable again.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) setSending(false);
  });
}
