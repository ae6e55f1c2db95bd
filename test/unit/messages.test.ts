import { describe, expect, it } from "vitest";
import { contactSentence } from "../../src/shared/clinic-contact";
import { messages } from "../../src/shared/i18n/messages";
import { spanishFields, spanishSections } from "../../src/shared/i18n/form-fields-es";
import { formSections } from "../../src/shared/schemas/common";
import { submissionKindIds, submissionKinds } from "../../src/shared/submissions/registry";

/** Every leaf of a catalogue as [dotted key, value]; functions are called with sample arguments. */
function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (typeof node === "function") {
    // Sample arguments; a message that needs other ones (a date) is compared by its first call that works.
    for (const args of [
      ["X", 3, "Y", "Z"],
      [true, 3],
      ["2026-04-05"],
      [2, "X"],
      ["X", ["month", "day"]],
      [["A1", "B2"], 3],
    ]) {
      try {
        const text = (node as (...a: unknown[]) => unknown)(...args);
        if (typeof text === "string") return [[prefix, text]];
      } catch {
        // try the next arguments
      }
    }
    throw new Error(`no sample arguments fit ${prefix}`);
  }
  if (Array.isArray(node) || (node && typeof node === "object"))
    return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  throw new Error(`unexpected ${typeof node} at ${prefix}`);
}

// Strings that are the same in both languages on purpose.
const sameInBoth = new Set([
  "layout.englishOnly",
  // Words Spanish shares with English, and figures.
  "estimator.errorTitle",
  "estimator.no",
  "estimator.results.coverage.medicare",
  "estimator.table.total",
  "estimator.items.total",
  "estimator.table.paidByPip",
  "estimator.cptOption",
  // The example dates the forms give (month/day/year in both languages).
  "forms.gfe.untilDate.example",
  "forms.gfe.preferredStart.example",
  // Punctuation only, and the word both languages use.
  "forms.builders.partLine",
  "forms.field.errorPrefix",
]);

describe("the message catalogue", () => {
  const en = new Map(leaves(messages.en));
  const es = new Map(leaves(messages.es));

  it("has every key in both languages", () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("has no Spanish string left in English, and none empty", () => {
    const untranslated = [...en].filter(([key, text]) => !sameInBoth.has(key) && es.get(key) === text);
    expect(untranslated).toEqual([]);
    const empty = [...es].filter(([key, text]) => text.trim() === "" && !sameInBoth.has(key));
    expect(empty).toEqual([]);
  });

  it("joins the ways to reach the clinic in Spanish", () => {
    expect(contactSentence({ phone: "541-555-0100", email: "desk@example.org" }, "es")).toBe(
      "llame al 541-555-0100, escriba a desk@example.org o escríbanos o visítenos en 227 NE Hillcrest Drive, Grants Pass, Oregon 97526",
    );
  });
});

describe("the forms' fields in Spanish", () => {
  // Words Spanish and English share: a credential's letters are the same, a "No" is a "No".
  const shared = new Set(["No", "Error: "]);

  it.each(submissionKindIds)("%s: every label, hint and choice is translated", (kind) => {
    const en = submissionKinds[kind].fields;
    const es = spanishFields(kind, en);
    expect(Object.keys(es)).toEqual(Object.keys(en));
    const same: string[] = [];
    for (const [name, meta] of Object.entries(en)) {
      const spanish = es[name]!;
      const pairs: [string | undefined, string | undefined][] = [
        [meta.label, spanish.label],
        [meta.hint, spanish.hint],
        ...(meta.options ?? []).map((o, i) => [o.label, spanish.options?.[i]?.label] as [string, string]),
        ...Object.entries(meta.wordedFor?.labels ?? {}).map(
          ([by, text]) => [text, spanish.wordedFor?.labels[by]] as [string, string],
        ),
      ];
      for (const [english, text] of pairs)
        if (english !== undefined && (text === undefined || (text === english && !shared.has(text))))
          same.push(`${name}: ${english}`);
    }
    expect(same).toEqual([]);
  });

  it("has every section heading", () => {
    expect(Object.keys(spanishSections).sort()).toEqual(Object.keys(formSections).sort());
  });
});
