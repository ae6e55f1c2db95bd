/**
 * The estimate page's live update: when the patient leaves a field, changes a choice or pauses
 * typing, it keeps the URL in step with the form and fetches this same page, rendered on the server
 * for that query, then swaps in its results and error messages. The figures and the messages so
 * come from one place (the server render) and no schema or estimator ships to the browser. It also
 * shows only the questions the chosen way of paying needs. Without JavaScript the GET form does the
 * same job and every section shows.
 */
import "./error-summary";

const form = document.querySelector<HTMLFormElement>("#estimate-form");
const announcer = document.getElementById("estimate-status");

if (form && announcer) {
  const focusAnswer = () => {
    // After a submit (or a shared link) with problems, start at the error summary, as GOV.UK does;
    // otherwise at the answer.
    (document.getElementById("error-summary") ?? document.getElementById("estimate-answer"))?.focus();
  };
  if (document.getElementById("error-summary") || location.hash === "#estimate-answer") focusAnswer();

  // Only the sections the chosen way of paying reads; hidden ones are disabled, so they are not sent.
  const showSections = () => {
    const coverage = new FormData(form).get("coverage") ?? "in_network";
    for (const section of form.querySelectorAll<HTMLFieldSetElement>("fieldset[data-coverage]")) {
      const needed = section.dataset.coverage!.split(" ").includes(String(coverage));
      section.hidden = !needed;
      section.disabled = !needed;
    }
    // "I don't know how much is left" and an amount are two answers: the checkbox wins.
    const unknown = form.querySelector<HTMLInputElement>("#estimate-deductibleRemaining-unknown");
    const amount = form.querySelector<HTMLInputElement>("#estimate-deductibleRemaining");
    if (unknown && amount) amount.disabled = unknown.checked || amount.closest("fieldset")!.disabled;
  };
  showSections();

  const queryOf = (f: HTMLFormElement) =>
    new URLSearchParams(new FormData(f) as unknown as Record<string, string>).toString();
  let lastQuery = queryOf(form);
  let lastAnnounced = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const update = async (force = false) => {
    clearTimeout(timer);
    const query = queryOf(form);
    if (query === lastQuery && !force) return;
    lastQuery = query;
    const url = `${location.pathname}?${query}`;
    history.replaceState(history.state, "", url);
    pending?.abort();
    pending = new AbortController();
    let html: string;
    try {
      const response = await fetch(url, { signal: pending.signal });
      if (!response.ok) return;
      html = await response.text();
    } catch {
      // Offline or superseded: keep the last results; the submit button still works.
      return;
    }
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const results = fresh.getElementById("estimate-results");
    if (!results) return;
    for (const here of document.querySelectorAll<HTMLElement>("[data-sync]")) {
      const there = fresh.getElementById(here.id);
      if (!there) continue;
      if (here.dataset.sync === "html") {
        here.replaceChildren(...Array.from(there.childNodes, (node) => document.importNode(node, true)));
      } else {
        for (const name of ["class", "aria-invalid", "aria-describedby"]) {
          const value = there.getAttribute(name);
          if (value === null) here.removeAttribute(name);
          else here.setAttribute(name, value);
        }
      }
    }
    document.getElementById("estimate-results")?.replaceWith(document.importNode(results, true));
    document.title = fresh.title;
    // Only a settled result is read out, and only once: not each superseded one, not a repeat.
    const text = results.dataset.announce ?? "";
    if (text !== lastAnnounced || force) announcer.textContent = lastAnnounced = text;
  };

  // Typing waits for a pause; leaving a field or changing a choice updates at once.
  form.addEventListener("input", (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type === "text") {
      clearTimeout(timer);
      timer = setTimeout(update, 1000);
    }
  });
  form.addEventListener("change", () => {
    showSections();
    void update();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void update(true).then(focusAnswer);
  });
}

// A module, so its names stay out of the global scope (where `status` is `window.status`).
export {};
