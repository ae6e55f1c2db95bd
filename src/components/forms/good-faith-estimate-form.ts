/** The Good Faith Estimate request page's script: the form's enhancement (drafts, checks, JSON post). */
import { goodFaithEstimateSchema } from "../../shared/schemas/good-faith-estimate";
import { formMessagesOfPage } from "./form-words";
import { enhanceSubmissionForm } from "./submission-form";

const form = document.querySelector<HTMLFormElement>('form[data-submission-form="good-faith-estimate"]');
if (form) {
  const messages = formMessagesOfPage("good_faith_estimate");
  enhanceSubmissionForm({ form, messages, schema: goodFaithEstimateSchema({ messages }) });
}
