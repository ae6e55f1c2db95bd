import { formsEs } from "../../../shared/i18n/forms-es";
import { provideFormMessages } from "../form-words";

provideFormMessages(formsEs);
