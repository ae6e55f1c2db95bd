import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, looksLikeFormula, toCsv } from "../../functions/staff/csv";

/** A strict RFC 4180 reader for quoted fields, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const row: string[] = [];
    for (;;) {
      expect(text[i]).toBe('"');
      let value = "";
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          value += text[i++];
        }
      }
      row.push(value);
      if (text[i] === ",") i++;
      else break;
    }
    expect(text.slice(i, i + 2)).toBe("\r\n");
    i += 2;
    rows.push(row);
  }
  return rows;
}

describe("csvCell", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ["a,b", '"a,b"'],
    ["two\r\nlines", '"two\r\nlines"'],
    ["", '""'],
    [null, '""'],
    [undefined, '""'],
    [8, '"8"'],
  ])("quotes %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ["+1+1", `"'+1+1"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
    ["\nplain", `"'\nplain"`],
    ["\tplain", `"'\tplain"`],
    ["\rplain", `"'\rplain"`],
    ["|calc", `"'|calc"`],
    [" =1+1", `"' =1+1"`],
    ["   @SUM(A1)", `"'   @SUM(A1)"`],
    ["\u00a0+1", `"'\u00a0+1"`],
    ["\u3000-1", `"'\u3000-1"`],
    ["\u0000=1", `"'\u0000=1"`],
    ["\u200b=1", `"'\u200b=1"`],
    ["\ufeff=1", `"'\ufeff=1"`],
    [" \n =1", `"' \n =1"`],
    ["\u202e=1", `"'\u202e=1"`],
    ["＝HYPERLINK(1)", `"'＝HYPERLINK(1)"`],
    ["＋1", `"'＋1"`],
    ["－1", `"'－1"`],
    ["＠SUM(A1)", `"'＠SUM(A1)"`],
    [" ＝1", `"' ＝1"`],
  ])("neutralises the formula start of %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves cells that merely contain formula characters alone", () => {
    expect(csvCell("Lopez-Smith")).toBe('"Lopez-Smith"');
    expect(csvCell("a=b")).toBe('"a=b"');
    expect(csvCell("ann@example.org")).toBe('"ann@example.org"');
    expect(csvCell(" Lopez")).toBe('" Lopez"');
    expect(csvCell("  plain = text")).toBe('"  plain = text"');
    expect(csvCell("541-555-0123")).toBe('"541-555-0123"');
    expect(csvCell("RX-7K3Q9P")).toBe('"RX-7K3Q9P"');
    expect(csvCell(-5)).toBe(`"'-5"`);
  });

  it("neutralises any cell whose first visible character starts a formula (property)", () => {
    const lead = fc.array(fc.constantFrom(" ", "\u00a0", "\u2003", "\u0001", "\u200b", "\ufeff", "\u2066"), {
      maxLength: 4,
    });
    const trigger = fc.constantFrom("=", "+", "-", "@", "|", "＝", "＋", "－", "＠");
    fc.assert(
      fc.property(lead, trigger, fc.string(), (spaces, start, rest) => {
        const text = `${spaces.join("")}${start}${rest}`;
        expect(looksLikeFormula(text)).toBe(true);
        expect(csvCell(text)).toBe(`"'${text.replace(/"/g, '""')}"`);
      }),
    );
  });
});

describe("toCsv", () => {
  it("ends every line, the last included, with CRLF", () => {
    expect(toCsv(["A", "B"], [["1", null]])).toBe('"A","B"\r\n"1",""\r\n');
  });

  it("round-trips any text through an RFC 4180 reader (formula starts gain one quote)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const parsed = readCsv(toCsv(["first", "second"], rows));
          expect(parsed[0]).toEqual(["first", "second"]);
          const expected = rows.map((row) => row.map((cell) => (looksLikeFormula(cell) ? `'${cell}` : cell)));
          expect(parsed.slice(1)).toEqual(expected);
        },
      ),
    );
  });
});
