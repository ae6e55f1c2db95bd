/**
 * The error summary's behaviour, the one script for every form (see `ErrorSummary.astro`): fill
 * it with the problems and focus it; a link moves focus to its field and brings the field's label
 * or legend into view with it (GOV.UK's pattern: `scrollIntoView` of the label, then
 * `focus({ preventScroll: true })`). Summaries rendered by the server get the same links on load.
 */

export interface SummaryIssue {
  message: string;
  /** The id of the control the link moves to; none for a problem with the form as a whole. */
  field?: string | undefined;
}

// One listener for every summary on the page, also those a live update swaps in.
document.addEventListener("click", (event) => {
  const link = (event.target as Element | null)?.closest?.("[data-error-summary] a");
  const control = link instanceof HTMLAnchorElement ? document.getElementById(link.hash.slice(1)) : null;
  if (!control) return;
  event.preventDefault();
  const wrapper = control.closest<HTMLElement>("[data-field]");
  const label = wrapper?.querySelector(".field-label, label, legend") ?? control;
  label.scrollIntoView({ block: "start" });
  control.focus({ preventScroll: true });
});

/** Shows `issues` in the summary and focuses it; no issues hides it. */
export function showErrorSummary(summary: HTMLElement, issues: readonly SummaryIssue[]): void {
  const list = summary.querySelector<HTMLElement>("[data-error-list]")!;
  list.replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement("li");
      if (issue.field) {
        const link = document.createElement("a");
        link.href = `#${issue.field}`;
        link.textContent = issue.message;
        item.appendChild(link);
      } else {
        item.textContent = issue.message;
      }
      return item;
    }),
  );
  summary.hidden = issues.length === 0;
  if (issues.length) focusErrorSummary(summary);
}

/**
 * Focuses the summary with its heading at the top of the screen: with many problems on a phone
 * the summary is taller than the screen, and focus alone would leave the heading out of view.
 */
export function focusErrorSummary(summary: HTMLElement): void {
  summary.focus({ preventScroll: true });
  summary.scrollIntoView({ block: "start" });
}
