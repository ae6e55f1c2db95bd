/**
 * The privacy page's promises, walked as people use the site: nothing typed into either form or
 * the staff desk ever reaches a web address; staff give a patient a printable copy of their
 * record and delete it on request; stored values are re-sealed under a new key by the keys CLI.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { todayInOregon } from "../../src/shared/dates";
import { expectNoAxeViolations, openPage } from "./browser";
import { fillFields } from "./form-helpers";
import { addStaff, nextCode } from "./staff-accounts";

const root = path.resolve(import.meta.dirname, "../..");
const password = "a quiet walk passphrase 9";
const email = `privacy-${Date.now()}@example.org`;
const surname = `Quillon${Date.now().toString(36)}`;
const cliEnv = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };

function cli(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  return execFileSync(process.execPath, [script, ...args, "--persist-to", inject("d1State")], {
    cwd: root,
    input: options.input,
    encoding: "utf8",
    env: { ...cliEnv, ...options.env },
  });
}

function d1(sql: string): Record<string, unknown>[] {
  const out = execFileSync(
    process.execPath,
    [
      "node_modules/wrangler/bin/wrangler.js",
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      inject("d1State"),
      "-c",
      "wrangler.toml",
      "--command",
      sql,
      "--json",
    ],
    { cwd: root, encoding: "utf8", env: cliEnv },
  );
  return JSON.parse(out.slice(out.indexOf("[")))[0].results;
}

function usDateFromToday(days: number): string {
  const date = new Date(Date.parse(`${todayInOregon()}T00:00:00Z`) + days * 86_400_000);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

beforeAll(async () => {
  // An admin: deleting is for admins who confirm it is them.
  expect(addStaff(email, "Privacy Desk", password, ["--role", "admin"])).toMatch(/Staff account created/);
});

/** Every request URL a page makes, on every page of its context. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.context().on("request", (request) => urls.push(request.url()));
  return urls;
}

describe("a full walk through both forms and the staff desk", () => {
  it("never puts a typed value in a web address, and staff copy and delete the record", async () => {
    const typed = {
      name: surname,
      dateOfBirth: "3/9/1977",
      memberId: "QZ99887766",
      code: "M62.830",
      search: "spasm",
      note: "Patient prefers mornings",
      claim: "CLM-PRIV-5511",
    };
    const { page } = await openPage({
      acceptDownloads: true,
      extraHTTPHeaders: { "CF-Connecting-IP": "10.91.0.1" },
    });
    const urls = recordUrls(page);

    // A patient sends a prescription, looking the code up by words.
    await page.goto("/forms/prescription");
    const values: Record<string, string> = {
      patientFirstName: "Iris",
      patientLastName: typed.name,
      dateOfBirth: typed.dateOfBirth,
      phone: "541-555-0188",
      prescriberName: "Dana Whitfield",
      prescriberPhone: "(541) 555-0199",
      startDate: usDateFromToday(-3),
      endDate: usDateFromToday(60),
      visitsAuthorized: "6",
      focusAreas: "Lower back",
      insuranceCarrier: "Example Health Plan",
      memberId: typed.memberId,
      message: "Evenings are hard for me",
    };
    await page.check("#sentBy-patient");
    await fillFields(page, values);
    await page.locator("#diagnosisCodes").pressSequentially(typed.search);
    await expect.poll(() => page.locator("#diagnosisCodes-listbox [role=option]").count()).toBeGreaterThan(0);
    await page.fill("#diagnosisCodes", typed.code);
    await page.check("#preferredContact");
    await page.selectOption("#prescriberCredential", "MD");
    await page.check("#consent");
    await page.click("button[type=submit]");
    await page.waitForURL("**/forms/received");
    const reference = (await page.locator(".reference").innerText()).trim();

    // The same patient sends car accident claim details.
    await page.goto("/forms/mva-claim");
    const claim: Record<string, string> = {
      patientFirstName: "Iris",
      patientLastName: typed.name,
      dateOfBirth: typed.dateOfBirth,
      phone: "541-555-0188",
      autoInsurer: "Example Mutual Auto",
      claimNumber: typed.claim,
      accidentDate: usDateFromToday(-20),
      adjusterName: "Pat Kim",
      adjusterPhone: "541-555-0177",
    };
    await fillFields(page, claim);
    await page.check("#preferredContact");
    await page.check("#claimWithOwnInsurer");
    await page.check("#prescriptionSent");
    await page.check("#consent");
    await page.click("button[type=submit]");
    await page.waitForURL("**/forms/received");

    // Staff sign in, search by name, open it, note, print the patient's copy, download it, delete it.
    await page.goto("/staff/login");
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.click("button:has-text('Sign in')");
    await page.waitForURL("**/staff/login/code");
    await page.fill("#code", await nextCode(email));
    await page.click("button:has-text('Continue')");
    await page.waitForURL((url) => url.pathname === "/staff");
    await page.fill("#q", typed.name);
    await page.click("button:has-text('Show submissions')");
    await page.waitForLoadState();
    await page.locator("tbody tr", { hasText: reference }).locator("a").click();
    await page.waitForURL(/\/staff\/submissions\/\d+$/);
    const detailPath = new URL(page.url()).pathname;
    // On a phone every answer reads under its question, none squeezed to nothing.
    await page.setViewportSize({ width: 320, height: 800 });
    const widths = await page
      .locator(".staff-fields dd")
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThan(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.fill("#note-text", typed.note);
    await page.click("button:has-text('Add note')");
    await page.waitForURL((url) => url.pathname === detailPath);

    // Crafted cookies are ignored, never a 500 and never stuck: a flash naming no status, a search
    // term longer than any the page sets.
    const session = (await page.context().cookies()).find((c) => c.name === "__Host-session")!.value;
    const withCookies = (pathname: string, cookies: string) =>
      fetch(new URL(pathname, inject("baseURL")), {
        redirect: "manual",
        headers: { Cookie: `__Host-session=${session}; ${cookies}`, "CF-Connecting-IP": "10.91.0.1" },
      });
    expect((await withCookies(detailPath, "__Secure-staff-flash=status:constructor")).status).toBe(200);
    const stuck = await withCookies("/staff", `__Secure-staff-search=${encodeURIComponent("é".repeat(300))}`);
    expect(stuck.status).toBe(303);
    expect(stuck.headers.getSetCookie().join()).toMatch(
      /__Secure-staff-search=[^;]*;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/,
    );

    await page.click("a:has-text('Print the patient')");
    await page.waitForURL(`**${detailPath}/record`);
    const copy = await page.locator("main").innerText();
    for (const value of [typed.name, typed.memberId, typed.code, typed.note, "Evenings are hard for me"]) {
      expect(copy).toContain(value);
    }
    expect(await page.locator("[data-print]").isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    await page.goto(detailPath);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("a:has-text('download it as a file')"),
    ]);
    expect(download.suggestedFilename()).toBe(`record-${reference}.json`);
    const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(file.submission.input.memberId).toBe(typed.memberId);

    // Deleting needs the password and a new code first, then the reference typed: a wrong one is
    // refused in plain words, nothing is lost.
    await page.click("a:has-text('Confirm it is you to delete')");
    await page.waitForURL("**/staff/confirm?**");
    await page.fill("#password", password);
    await page.fill("#code", await nextCode(email));
    await page.click("button:has-text('Confirm')");
    await page.waitForURL((url) => url.pathname === detailPath);
    await page.check("#delete-reason");
    await page.fill("#delete-confirm", "RX-NOTTHIS");
    await page.click("button:has-text('Delete for good')");
    await expect
      .poll(() => page.locator(".error-summary").innerText())
      .toContain(`type this submission's reference exactly: ${reference}`);
    await expectNoAxeViolations(page);
    await page.check("#delete-reason");
    await page.fill("#delete-confirm", reference);
    await page.click("button:has-text('Delete for good')");
    await page.waitForURL((url) => url.pathname === "/staff");
    expect(await page.locator(".staff-notice").innerText()).toContain(`Submission ${reference} was deleted`);
    await expectNoAxeViolations(page);
    expect((await page.goto(detailPath))?.status()).toBe(404);
    expect(d1(`SELECT count(*) AS n FROM submissions WHERE reference = '${reference}'`)[0]!.n).toBe(0);
    const trail = d1(
      `SELECT action, detail FROM audit_log WHERE detail LIKE '%${reference}%' AND action = 'deleted'`,
    );
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain(typed.name);

    const dates = ["3/9/1977", "1977-03-09", "03/09/1977", "1977"];
    for (const url of urls) {
      const decoded = decodeURIComponent(url).toLowerCase();
      for (const value of [...Object.values(typed), ...dates, reference, "evenings"]) {
        expect(decoded, url).not.toContain(value.toLowerCase());
      }
    }
    expect(urls.length).toBeGreaterThan(20);
    await page.context().close();
  });
});

describe("npm run keys -- reencrypt", () => {
  it("re-seals every stored value under a new key, and back, while the site keeps reading them", async () => {
    const devVars = readFileSync(path.join(root, ".dev.vars"), "utf8");
    const current = /^FIELD_ENCRYPTION_KEYS=(.*)$/m.exec(devVars)![1]!;
    const fresh = cli("scripts/keys.mjs", ["new", "--id", "rotated"]).trim();
    const sealedUnder = () =>
      new Set(
        d1("SELECT substr(fields, 1, instr(substr(fields, 8), ':') + 6) AS k FROM submissions").map(
          (r) => r.k,
        ),
      );
    expect(
      cli("scripts/keys.mjs", ["reencrypt"], { env: { FIELD_ENCRYPTION_KEYS: `${fresh},${current}` } }),
    ).toMatch(/Re-sealed \d+ stored values under key "rotated"/);
    expect([...sealedUnder()]).toEqual(["enc:v1:rotated"]);
    expect(
      cli("scripts/keys.mjs", ["reencrypt"], { env: { FIELD_ENCRYPTION_KEYS: `${current},${fresh}` } }),
    ).toMatch(/Re-sealed/);
    expect([...sealedUnder()]).not.toContain("enc:v1:rotated");
    expect(cli("scripts/keys.mjs", ["reencrypt"], { env: { FIELD_ENCRYPTION_KEYS: current } })).toMatch(
      /already sealed/,
    );
  });
});
