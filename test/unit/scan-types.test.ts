/** The signed prescription's type and size rule, as the browser and the API both apply it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxScanBytes, scanProblem, scanSizeText, sniffScanType } from "../../src/shared/scan-types";
import { formsEn } from "../../src/shared/i18n/forms-en";

const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
const ftyp = (brand: string) => new Uint8Array([0, 0, 0, 0x18, ...ascii(`ftyp${brand}`), 0, 0, 0, 0]);

describe("sniffScanType", () => {
  it("reads PDF, JPEG, PNG and every HEIF brand from the first bytes", () => {
    expect(sniffScanType(ascii("%PDF-1.4\n"))?.contentType).toBe("application/pdf");
    expect(sniffScanType(new Uint8Array([0xff, 0xd8, 0xff, 0xdb]))?.contentType).toBe("image/jpeg");
    expect(sniffScanType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.extension).toBe(
      "png",
    );
    for (const brand of ["heic", "heix", "mif1", "msf1", "heim", "heis", "hevc"])
      expect(sniffScanType(ftyp(brand))?.contentType).toBe("image/heic");
  });

  it("refuses what only looks close: other brands, a cut-off signature, text, nothing", () => {
    for (const bytes of [
      ftyp("avif"),
      ftyp("isom"),
      ascii("%PDF"),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]),
      new Uint8Array([0xff, 0xd8]),
      ascii("<html><body>prescription.pdf"),
      new Uint8Array(0),
    ])
      expect(sniffScanType(bytes)).toBeNull();
  });
});

describe("scanProblem", () => {
  it("takes a good file of 1 byte to 10 MB and names the field in every refusal", () => {
    const pdf = ascii("%PDF-1.7");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * maxScanBytes }), (size) => {
        const problem = scanProblem(size, pdf, formsEn.scan);
        if (size === 0) expect(problem).toBe(formsEn.scan.empty);
        else if (size > maxScanBytes) expect(problem).toBe(formsEn.scan.tooLarge);
        else expect(problem).toBeNull();
      }),
    );
    expect(scanProblem(maxScanBytes, pdf, formsEn.scan)).toBeNull();
    expect(scanProblem(maxScanBytes + 1, pdf, formsEn.scan)).toBe(formsEn.scan.tooLarge);
    expect(scanProblem(100, ascii("GIF89a"), formsEn.scan)).toBe(formsEn.scan.wrongType);
    for (const message of [
      formsEn.scan.empty,
      formsEn.scan.tooLarge,
      formsEn.scan.wrongType,
      formsEn.scan.several,
    ])
      expect(message).toMatch(/^Signed prescription: /);
  });

  it("says sizes as staff read them", () => {
    expect(scanSizeText(1_258_291)).toBe("1.2 MB");
    expect(scanSizeText(348_160)).toBe("340 KB");
    expect(scanSizeText(10)).toBe("1 KB");
  });
});
