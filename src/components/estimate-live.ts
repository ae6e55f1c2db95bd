/**
 * The estimate page's live update: as the user types, it keeps the URL in step with the form and
 * fetches this same page, rendered on the server for that query, then swaps in its results and
 * error messages. The figures and the messages so come from one place (the server render) and no
 * schema or estimator ships to the browser. Without JavaScript the GET form does the same job.
 */
const form = document.querySelector<HTMLFormElement>("#estimate-form");
const announcer = document.getElementById("estimate-status");

if (form && announcer) {
  // After a submit (or a shared link) with problems, start at the error summary, as GOV.UK does.
  document.getElementById("error-summary")?.focus();

  const queryOf = (f: HTMLFormElement) =>
    new URLSearchParams(new FormData(f) as unknown as Record<string, string>).toString();
  let lastQuery = queryOf(form);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const update = async () => {
    const query = queryOf(form);
    if (query === lastQuery) return;
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
    announcer.textContent = results.dataset.announce ?? "";
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  };
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
}

// A module, so its names stay out of the global scope (where `status` is `window.status`).
export {};
