import { describe, expect, it } from "vitest";
import { contactSentence } from "../../src/shared/clinic";
import { messages } from "../../src/shared/i18n/messages";

/** Every leaf of a catalogue as [dotted key, value]; functions are called with sample arguments. */
function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (typeof node === "function") return [[prefix, String((node as (...a: unknown[]) => unknown)("X", 3))]];
  if (Array.isArray(node) || (node && typeof node === "object"))
    return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  throw new Error(`unexpected ${typeof node} at ${prefix}`);
}

// Strings that are the same in both languages on purpose.
const sameInBoth = new Set(["layout.englishOnly"]);

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
