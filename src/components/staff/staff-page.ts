/**
 * Every staff page: never show patient data from the back/forward cache (the page is no-store,
 * but a browser may still keep it in memory), and move focus to an error summary or a
 * confirmation shown after a form post, so screen readers announce it.
 */
addEventListener("pageshow", (event) => {
  if (event.persisted) location.reload();
});

document.querySelector<HTMLElement>("[data-focus-on-load]")?.focus();

// A "Print" button works only with this script, so it shows only with it (the browser's own print
// menu works anyway).
for (const button of document.querySelectorAll<HTMLButtonElement>("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => print());
}
