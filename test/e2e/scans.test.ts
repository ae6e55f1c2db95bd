/**
 * The signed prescription, in the browser at 320 and 1280 px: a file whose name says PDF but whose
 * bytes do not is refused before sending (answers kept); a real one is sent with a visible,
 * announced progress and then the confirmation, and staff download it; without JavaScript the
 * form posts it as multipart to its own page, and a refused file asks to be chosen again.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { countSubmissions } from "../fixtures/local-d1";
import { expectNoAxeViolations, asNewClients } from "./browser";
import { fillPrescription, prescription, referenceShown, storedCount } from "./form-helpers";
import { addStaff, nextCode } from "./staff-accounts";
import { inject } from "vitest";

const password = "a long upload desk passphrase 7";
const email = `rx-files-${Date.now()}@example.org`;

/** A PDF of about 2 MB: big enough for the upload to report progress on the way. */
const pdf = Buffer.concat([
  Buffer.from("%PDF-1.7\n"),
  Buffer.alloc(2 * 1024 * 1024, 0x20),
  Buffer.from("\n%%EOF\n"),
]);
const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const notAPdf = {
  name: "prescription.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("<html>not a pdf"),
};

beforeAll(async () => {
  expect(addStaff(email, "Scan Desk", password)).toMatch(/Staff account created/);
});

const asClient = asNewClients("10.0.14");
const open = (width: number, javaScriptEnabled = true) =>
  asClient({ javaScriptEnabled, acceptDownloads: true, viewport: { width, height: 800 } });

const scansOf = (reference: string) =>
  countSubmissions(
    inject("d1State"),
    `reference = '${reference}' AND id IN (SELECT submission_id FROM submission_scans)`,
  );

async function staffDownload(page: Page, reference: string): Promise<void> {
  await page.goto("/staff/login");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("button:has-text('Sign in')");
  await page.waitForURL("**/staff/login/code");
  await page.fill("#code", await nextCode(email));
  await page.click("button:has-text('Continue')");
  await page.waitForURL((url) => url.pathname === "/staff");
  await page.fill("#q", reference);
  await page.click("button:has-text('Show submissions')");
  await page.waitForLoadState();
  await page.click(`tbody tr a:has-text("${reference}")`);
  await page.waitForURL("**/staff/submissions/*");
  const link = page.locator("a:has-text('Download (PDF, 2.0 MB)')");
  expect(await link.count()).toBe(1);
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`${reference}-prescription.pdf`);
  await page.reload();
  expect(await page.locator(".audit-trail, section[aria-labelledby=history-heading]").innerText()).toContain(
    "Downloaded the signed prescription",
  );
}

describe.each([320, 1280])("the signed prescription at %i px", (width) => {
  it("with JavaScript: refuses a file that is not what its name says, then sends a real one with progress", async () => {
    const { page, requests } = await open(width);
    await page.goto("/forms/prescription");
    await fillPrescription(page);
    await page.setInputFiles("#signedPrescription", notAPdf);
    await page.click("button[type=submit]");
    const error = page.locator("#signedPrescription-error");
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.innerText()).toContain(
      "Signed prescription: this file is not a PDF, JPEG, PNG or HEIC",
    );
    expect(await page.locator("[data-error-summary] a[href='#signedPrescription']").count()).toBe(1);
    expect(requests.some((url) => url.endsWith("/api/prescriptions"))).toBe(false);
    expect(await page.inputValue("#patientFirstName")).toBe(prescription.patientFirstName);
    await expectNoAxeViolations(page);

    // The real file, over a slow upload (512 KB/s: about 4 s) so its progress can be seen and checked.
    const seen: string[] = [];
    await page.exposeFunction("scanStatusSeen", (text: string) => seen.push(text));
    await page.evaluate(() => {
      const status = document.querySelector("[data-scan-status]")!;
      const report = (window as unknown as { scanStatusSeen: (text: string) => void }).scanStatusSeen;
      new MutationObserver(() => report(status.textContent ?? "")).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });
    await page.setInputFiles("#signedPrescription", {
      name: "scan.pdf",
      mimeType: "application/pdf",
      buffer: pdf,
    });
    await page.click("button[type=submit]");
    const progress = page.locator("progress#signedPrescription-progress");
    await expect.poll(() => progress.isVisible()).toBe(true);
    expect(await page.locator("label[for=signedPrescription-progress]").innerText()).toBe(
      "Sending the signed prescription",
    );
    await expect.poll(() => progress.evaluate((bar: HTMLProgressElement) => bar.value)).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    const reference = await referenceShown(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // Announced politely as it went: a quarter at a time, then sent.
    expect(seen).toContain("Sending the signed prescription: 0% sent.");
    // No flood of numbers: after 0%, at most one announcement per quarter, rising (how many
    // quarters a browser reports depends on how its network stack buffers the upload).
    const percents = seen.flatMap((text) => {
      const match = /: (\d+)% sent\./.exec(text);
      return match ? [Number(match[1])] : [];
    });
    const quarters = percents.slice(1).map((p) => Math.floor(p / 25));
    expect(percents[0]).toBe(0);
    expect(quarters.every((q, i) => q >= 1 && q <= 3 && (i === 0 || q > quarters[i - 1]!))).toBe(true);
    expect(seen).toContain("The signed prescription is sent. Saving your form…");
    expect(storedCount(reference)).toBe(1);
    expect(scansOf(reference)).toBe(1);
    await expectNoAxeViolations(page);

    if (width === 1280) await staffDownload(page, reference);
    await page.context().close();
  });

  it("without JavaScript: a refused file asks to be chosen again with every answer kept, a good one is stored", async () => {
    // axe needs JavaScript in the page: this post bypasses the form's script with a native submit.
    const { page } = await open(width);
    await page.goto("/forms/prescription");
    await fillPrescription(page);
    await page.setInputFiles("#signedPrescription", notAPdf);
    const posted = page.waitForResponse(
      (res) => res.url().endsWith("/forms/prescription") && res.request().method() === "POST",
    );
    await page.evaluate(() =>
      document.querySelector<HTMLFormElement>("form[data-submission-form]")!.submit(),
    );
    expect((await posted).status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.locator("#signedPrescription-error").innerText()).toContain(
      "Signed prescription: this file is not",
    );
    expect(await page.locator("#signedPrescription-hint").innerText()).toContain("Choose the file again");
    expect(await page.inputValue("#patientLastName")).toBe(prescription.patientLastName);
    expect(await page.inputValue("#memberId")).toBe(prescription.memberId);
    await expectNoAxeViolations(page);
    await page.context().close();

    const plain = await open(width, false);
    await plain.page.goto("/forms/prescription");
    await fillPrescription(plain.page);
    await plain.page.setInputFiles("#signedPrescription", {
      name: "photo.png",
      mimeType: "image/png",
      buffer: png,
    });
    await plain.page.click("button[type=submit]");
    const reference = await referenceShown(plain.page);
    expect(storedCount(reference)).toBe(1);
    expect(scansOf(reference)).toBe(1);
    await plain.page.context().close();
  });
});
