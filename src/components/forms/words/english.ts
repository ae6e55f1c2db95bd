import { formsEn } from "../../../shared/i18n/forms-en";
import { provideFormMessages } from "../form-words";

provideFormMessages(formsEn);
