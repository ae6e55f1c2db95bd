/**
 * The sign-in form's first step: checks that both fields are filled, sends them as JSON to
 * `POST /api/staff/login`, and opens the code step (`/staff/login/code`) when the password is right. Problems go in the error summary
 * (focused, with links to the fields) and next to each field. Without JavaScript the form posts
 * to the page, which does the same on the server.
 */
import { showErrorSummary } from "../error-summary";
import { signInIssues, signInMessages, type SignInIssue } from "./sign-in";

const form = document.querySelector<HTMLFormElement>("[data-sign-in-form]");

function showIssues(form: HTMLFormElement, issues: SignInIssue[]): void {
  for (const name of ["email", "password"]) {
    const input = form.querySelector<HTMLInputElement>(`#${name}`)!;
    const error = form.querySelector<HTMLElement>(`#${name}-error`)!;
    const message = issues.find((issue) => issue.path === name)?.message;
    error.hidden = !message;
    error.querySelector("[data-error-text]")!.textContent = message ?? "";
    if (message) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${name}-error`);
    } else {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
  }
  showErrorSummary(
    form.querySelector<HTMLElement>("[data-error-summary]")!,
    issues.map((issue) => ({ message: issue.message, field: issue.path || undefined })),
  );
}

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const email = (form.elements.namedItem("email") as HTMLInputElement).value.trim();
  const password = (form.elements.namedItem("password") as HTMLInputElement).value;
  const missing: SignInIssue[] = [];
  if (!email) missing.push({ path: "email", message: signInMessages.emailMissing });
  if (!password) missing.push({ path: "password", message: signInMessages.passwordMissing });
  if (missing.length) return showIssues(form, missing);

  const button = form.querySelector<HTMLButtonElement>("[data-submit]")!;
  button.disabled = true;
  try {
    const res = await fetch("/api/staff/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (res.ok) {
      location.assign("/staff/login/code");
      return;
    }
    showIssues(form, signInIssues(res.status, await res.json().catch(() => null)));
  } catch {
    showIssues(form, [{ path: "", message: signInMessages.unavailable }]);
  } finally {
    button.disabled = false;
  }
});
