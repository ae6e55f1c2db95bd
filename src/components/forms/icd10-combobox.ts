/**
 * The diagnosis-code field as an ARIA 1.2 combobox with list autocomplete: the text input keeps
 * comma-separated codes (so it works without JavaScript), and the popup suggests codes for the
 * code or words being typed, from `POST /api/icd10/search` — the code list itself never comes to the browser.
 * On a Spanish page it searches Spanish everyday words too; the codes' names are English (CMS
 * publishes them in English only), so each is marked `lang="en"` for screen readers.
 */
import type { CommonWords } from "../../shared/i18n/forms-en";
import { pageLang } from "./form-words";

interface Icd10Entry {
  code: string;
  description: string;
}

const SEARCH_DELAY_MS = 200;
const SEPARATORS = /[,;\n]/;

/** The start of the code being typed: just after the last separator. */
function tokenStart(value: string): number {
  for (let i = value.length - 1; i >= 0; i--) if (SEPARATORS.test(value[i]!)) return i + 1;
  return 0;
}

function foundMessage(count: number, words: CommonWords["field"]): string {
  return count === 0 ? words.noCodes : words.codesFound(count);
}

/** Turns `input[data-combobox]` with its `#<id>-listbox` and `#<id>-status` into the combobox. */
export function enhanceIcd10Combobox(input: HTMLInputElement, words: CommonWords): void {
  const listbox = document.getElementById(`${input.id}-listbox`)!;
  const status = document.getElementById(`${input.id}-status`)!;
  let results: Icd10Entry[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;
  let lastQuery = "";
  const lang = pageLang();

  // The browser's own suggestions would cover the list; without this script they stay, and the
  // browser keeps what was typed when the patient goes Back.
  input.setAttribute("autocomplete", "off");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  const isOpen = () => !listbox.hidden;

  function close(): void {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index: number): void {
    const options = listbox.querySelectorAll<HTMLElement>("[role=option]");
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    const option = options[index];
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(): void {
    listbox.replaceChildren(
      ...results.map((entry, i) => {
        const option = document.createElement("li");
        option.id = `${input.id}-option-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const code = document.createElement("span");
        code.className = "combobox-code";
        code.textContent = entry.code;
        const description = document.createElement("span");
        description.textContent = entry.description;
        if (lang !== "en") description.lang = "en";
        option.replaceChildren(code, " ", description);
        option.dataset.code = entry.code;
        return option;
      }),
    );
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (results.length > 0) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
  }

  async function search(query: string): Promise<void> {
    pending?.abort();
    if (query.length < 2) {
      results = [];
      lastQuery = "";
      render();
      status.textContent = "";
      return;
    }
    if (query === lastQuery && results.length > 0) {
      render();
      return;
    }
    pending = new AbortController();
    try {
      // In the body, never the address: what is typed here can describe the patient's health.
      const response = await fetch("/api/icd10/search", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ q: query, language: lang }),
        signal: pending.signal,
      });
      if (!response.ok) return;
      const answer = (await response.json()) as { results?: Icd10Entry[] };
      results = (answer.results ?? []).slice(0, 20);
      lastQuery = query;
    } catch {
      return; // aborted by newer typing, or offline: the field still takes codes typed by hand
    }
    if (document.activeElement !== input) return;
    render();
    status.textContent = foundMessage(results.length, words.field);
  }

  const currentQuery = () => input.value.slice(tokenStart(input.value)).trim();

  function choose(index: number): void {
    const entry = results[index];
    if (!entry) return;
    const before = input.value.slice(0, tokenStart(input.value)).trimEnd();
    input.value = `${before ? `${before} ` : ""}${entry.code}, `;
    input.setSelectionRange(input.value.length, input.value.length);
    close();
    results = [];
    lastQuery = "";
    status.textContent = words.field.codeAdded(entry.code);
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(currentQuery()), SEARCH_DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    const count = results.length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!isOpen()) {
          if (count > 0) {
            render();
            highlight(0);
          } else void search(currentQuery());
        } else highlight(active + 1 >= count ? 0 : active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!isOpen()) {
          if (count > 0) {
            render();
            highlight(count - 1);
          }
        } else highlight(active <= 0 ? count - 1 : active - 1);
        break;
      case "Enter":
        // With the list open, Enter picks the highlighted code, or just closes the list: it never
        // sends the whole form from inside the code search.
        if (isOpen()) {
          event.preventDefault();
          if (active >= 0) choose(active);
          else close();
        }
        break;
      case "Escape":
        if (isOpen()) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        close();
        break;
    }
  });

  // Keep focus in the input while the mouse picks an option.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option = (event.target as Element).closest<HTMLElement>("[role=option]");
    if (!option) return;
    choose([...listbox.children].indexOf(option));
    input.focus();
  });
  input.addEventListener("blur", close);
}
