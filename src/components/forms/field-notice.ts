/** A field's non-blocking notice (the `notice` area Field.astro reserves), kept in the field's description. */

/** Shows `text` in the notice for `control` (none when empty), and ties it to the control. */
export function showFieldNotice(control: HTMLElement, notice: HTMLElement, text: string): void {
  if (notice.textContent !== text) notice.textContent = text;
  const ids = (control.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter((id) => id && id !== notice.id);
  if (text) ids.push(notice.id);
  if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
  else control.removeAttribute("aria-describedby");
}

/** The form's values now, one string per field. */
export function currentValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === "string") values[name] = value;
  return values;
}

/** Runs `update` a moment after typing in any of `wrappers` stops, and at once on a change. */
export function whenChanged(
  wrappers: readonly (Element | null | undefined)[],
  update: () => void,
  ms = 400,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const wrapper of wrappers) {
    wrapper?.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, ms);
    });
    wrapper?.addEventListener("change", update);
  }
}
