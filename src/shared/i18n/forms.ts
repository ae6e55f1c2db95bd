/** The forms' messages by language (validation here; field labels in the fields' metadata). */
import { formsEn, type FormMessages } from "./forms-en";
import { formsEs } from "./forms-es";
import type { Lang } from "./messages";

export const formMessages: Record<Lang, FormMessages> = { en: formsEn, es: formsEs };
