/**
 * What a form's choices change as they are made: the fields shown under a radio choice (GOV.UK
 * conditional reveal; hidden and left out of the post while their choice is not made, so they
 * are never needed then) and labels worded for who is answering (`data-worded-by`). Without
 * JavaScript every revealed field shows and labels keep their neutral wording.
 */

function chosen(form: HTMLFormElement, name: string): string | undefined {
  return form.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(name)}"]:checked`)
    ?.value;
}

/** Shows, hides and rewords to match the form's choices now; returns the function to call after a change of values. */
export function enhanceChoices(form: HTMLFormElement): () => void {
  const neutral = new Map<HTMLElement, string>();
  for (const label of form.querySelectorAll<HTMLElement>("[data-worded-by]"))
    neutral.set(label, label.textContent ?? "");

  const refresh = () => {
    for (const radio of form.querySelectorAll<HTMLInputElement>("input[data-reveals]")) {
      const panel = form.querySelector<HTMLElement>(`#${CSS.escape(radio.dataset.reveals!)}`);
      if (!panel) continue;
      radio.setAttribute("aria-controls", panel.id);
      panel.hidden = !radio.checked;
      for (const control of panel.querySelectorAll<HTMLInputElement>("input, select, textarea"))
        control.disabled = !radio.checked;
    }
    for (const [label, text] of neutral) {
      const labels = JSON.parse(label.dataset.worded ?? "{}") as Record<string, string>;
      const value = chosen(form, label.dataset.wordedBy!);
      const wording = (value && labels[value]) || text;
      if (label.textContent !== wording) label.textContent = wording;
    }
  };

  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "radio") refresh();
  });
  refresh();
  return refresh;
}
