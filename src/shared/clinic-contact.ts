/**
 * The ways to reach and visit the clinic, in the words of a page's language: the header's contact
 * strip, the contact sentence and the visit details. The facts are `clinic.ts`'s; these helpers
 * are apart from them because they need the message catalogue, which the browser scripts (which
 * read the clinic's facts) do not load.
 */
import { clinic, mailingAddress, telHref, type VisitTexts, type VisitTopic } from "./clinic";
import { messages, type Lang } from "./i18n/messages";
import { visitSettings } from "./visit-settings";

/**
 * The header's contact strip: the phone and email as links, the fax as text (phone and fax first,
 * so they share a line on a phone), each only when configured: an empty list when none is, so
 * the header shows no empty strip.
 */
export function headerContacts(
  c: { phone?: string; email?: string; fax?: string } = clinic,
  lang: Lang = "en",
): { label: string; href?: string }[] {
  const words = messages[lang].contact;
  const items: { label: string; href?: string }[] = [];
  if (c.phone) items.push({ label: words.callHeader(c.phone), href: telHref(c.phone) });
  if (c.fax) items.push({ label: words.faxHeader(c.fax) });
  if (c.email) items.push({ label: c.email, href: `mailto:${c.email}` });
  return items;
}

/** The optional visit details, in the order pages show them (headings in the message catalogue). */
const visitTopics = Object.keys(visitSettings) as VisitTopic[];

/**
 * The visit details among `topics` that are set, each with its heading, in `lang`. Unset ones are
 * left out, so a page never shows a heading with nothing under it. A Spanish page whose detail has
 * no Spanish text shows the English one, with `textLang: "en"` so screen readers read it as English.
 */
export function visitDetails(
  topics: readonly VisitTopic[] = visitTopics,
  visit: VisitTexts = clinic.visit,
  lang: Lang = "en",
): { topic: VisitTopic; heading: string; text: string; textLang?: "en" }[] {
  return topics.flatMap((topic) => {
    const own = visit[lang]?.[topic];
    const text = own ?? visit.en?.[topic];
    if (!text) return [];
    const heading = messages[lang].visit.headings[topic];
    return [own === undefined ? { topic, heading, text, textLang: "en" as const } : { topic, heading, text }];
  });
}

/** One way to reach the clinic: its words for a sentence, the bare value, and a link when there is one. */
interface ContactOption {
  kind: "phone" | "email" | "mail";
  label: string;
  value: string;
  href?: string;
}

/**
 * The ways to reach the clinic that are configured, in plain words in the page's language; the
 * street address is always there, so this never renders a blank like "email us at .".
 */
export function contactOptions(
  c: { phone?: string; email?: string } = clinic,
  lang: Lang = "en",
): ContactOption[] {
  const words = messages[lang].contact;
  const options: ContactOption[] = [];
  if (c.phone)
    options.push({
      kind: "phone",
      label: words.call(c.phone),
      value: c.phone,
      href: telHref(c.phone),
    });
  if (c.email)
    options.push({ kind: "email", label: words.email(c.email), value: c.email, href: `mailto:${c.email}` });
  options.push({ kind: "mail", label: words.mail(mailingAddress()), value: mailingAddress() });
  return options;
}

/** "call 541-555-0100, email x@y or write to …" — the configured options joined as a sentence. */
export function contactSentence(c: { phone?: string; email?: string } = clinic, lang: Lang = "en"): string {
  const labels = contactOptions(c, lang).map((o) => o.label);
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(", ")} ${messages[lang].contact.or} ${labels.at(-1)}`;
}
