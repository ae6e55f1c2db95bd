/** The Good Faith Estimate request page's script: the form's enhancement (drafts, checks, JSON post). */
import { goodFaithEstimateSchema } from "../../shared/schemas/good-faith-estimate";
import { loadFormMessages } from "./form-words";
import { enhanceSubmissionForm } from "./submission-form";

const form = document.querySelector<HTMLFormElement>('form[data-submission-form="good-faith-estimate"]');
if (form)
  void loadFormMessages().then((messages) =>
    enhanceSubmissionForm({ form, messages, schema: goodFaithEstimateSchema({ messages }) }),
  );
