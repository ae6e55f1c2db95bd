import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { todayInOregon } from "../../src/shared/dates";
import { expectNoAxeViolations, asNewClients } from "./browser";
import { fillFields } from "./form-helpers";
import { addStaff, nextCode, staffCli } from "./staff-accounts";

const root = path.resolve(import.meta.dirname, "../..");
const password = "a long staff passphrase 42";
const email = `desk-${Date.now()}@example.org`;
// A surname no other test uses, so the search finds exactly this patient.
const lastName = `Quimby${Array.from({ length: 6 }, () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)]).join("")}`;

/** An Oregon date `days` from today as month/day/year, the way the form is typed. */
function usDateFromToday(days: number): string {
  const date = new Date(Date.parse(`${todayInOregon()}T00:00:00Z`) + days * 86_400_000);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

beforeAll(async () => {
  // An admin (other test files may have made the desk's first account already; the empty-desk
  // test below checks that the first one is an admin).
  expect(addStaff(email, "Front Desk", password, ["--role", "admin"])).toMatch(
    /Staff account created for Front Desk <.*> as admin/,
  );
});

const asClient = asNewClients("10.77.0");
const open = () => asClient({ acceptDownloads: true });

/** A patient sends a prescription through the public form; returns its reference. */
async function patientSendsPrescription(): Promise<string> {
  const { page } = await open();
  await page.goto("/forms/prescription");
  const values: Record<string, string> = {
    patientFirstName: "Maria",
    patientLastName: lastName,
    dateOfBirth: "4/27/1980",
    phone: "541-555-0123",
    prescriberName: "Dana Whitfield",
    prescriberPhone: "(541) 555-0199",
    startDate: usDateFromToday(-7),
    endDate: usDateFromToday(77),
    visitsAuthorized: "8",
    diagnosisCodes: "M54.2",
    focusAreas: "Neck and upper back",
    insuranceCarrier: "Example Health Plan",
    memberId: "XZ123456789",
  };
  await page.check("#sentBy-patient");
  await fillFields(page, values);
  await page.check("#preferredContact");
  await page.selectOption("#prescriberCredential", "MD");
  await page.check("#consent");
  await page.click("[data-submission-form=prescription] button[type=submit]");
  await page.waitForURL("**/forms/received");
  const reference = (await page.locator(".reference").innerText()).trim();
  await page.context().close();
  return reference;
}

async function signIn(page: Page, withPassword: string, account = email): Promise<void> {
  await page.fill("#email", account);
  await page.fill("#password", withPassword);
  await page.click("button:has-text('Sign in')");
}

/** The second step, by keyboard: the code typed into the focused field and Enter. */
async function enterCode(page: Page, account = email): Promise<void> {
  await page.waitForURL("**/staff/login/code");
  await page.focus("#code");
  await page.keyboard.type(await nextCode(account));
  await page.keyboard.press("Enter");
}

const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "");

describe("staff desk", () => {
  it("makes the first account of an empty desk its admin, whatever --role says", () => {
    const state = mkdtempSync(path.join(tmpdir(), "empty-desk-"));
    try {
      execFileSync(
        process.execPath,
        ["node_modules/wrangler/bin/wrangler.js", "d1", "migrations", "apply", "DB", "--local"].concat([
          "-c",
          "wrangler.toml",
          "--persist-to",
          state,
        ]),
        {
          cwd: root,
          env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
        },
      );
      const first = staffCli(
        ["add", "--email", "manager@example.org", "--role", "staff", "--password-stdin"],
        "a long head passphrase 77\n",
        state,
      );
      expect(first).toMatch(/as admin \(the first account is always an admin\)/);
      const second = staffCli(
        ["add", "--email", "front@example.org", "--password-stdin"],
        "a desk clerk passphrase 78\n",
        state,
      );
      expect(second).toMatch(/as staff\./);
      expect(() =>
        staffCli(["add", "--email", "third@example.org", "--password-stdin"], "password123456\n", state),
      ).toThrow(/common passwords/);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });

  it("signs in, finds a new prescription, reviews it, records a visit, exports and signs out", async () => {
    const reference = await patientSendsPrescription();
    const { page, requests } = await open();
    const cacheControl: Record<string, string | undefined> = {};
    page.on("response", (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith("/staff")) cacheControl[url.pathname] = res.headers()["cache-control"];
    });

    // Signed out, the queue sends you to sign in.
    await page.goto("/staff");
    await page.waitForURL("**/staff/login");
    await expectNoAxeViolations(page);

    await signIn(page, "not the password at all");
    await expect
      .poll(() => focusedText(page))
      .toContain("That email and password do not match an active staff account.");
    expect(await page.getAttribute("#email", "aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);

    await signIn(page, password);
    await page.waitForURL("**/staff/login/code");
    expect(await page.getAttribute("#code", "autocomplete")).toBe("one-time-code");
    expect(await page.getAttribute("#code", "inputmode")).toBe("numeric");
    await expectNoAxeViolations(page);
    // A wrong code is refused next to the field.
    await page.fill("#code", "000000");
    await page.click("button:has-text('Continue')");
    await expect.poll(() => focusedText(page)).toContain("That code is not right");
    expect(await page.getAttribute("#code", "aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await page.click("summary:has-text('Use a recovery code instead')");
    await expectNoAxeViolations(page);
    await page.fill("#code", "");
    await enterCode(page);
    await page.waitForURL((url) => url.pathname === "/staff");
    expect(await page.locator(".staff-bar").innerText()).toContain("Front Desk");
    await expectNoAxeViolations(page);

    // Search by last name: the name travels in a form post, never in the address.
    await page.fill("#q", lastName.toLowerCase());
    await page.click("button:has-text('Show submissions')");
    await page.waitForLoadState();
    const row = page.locator("tbody tr", { hasText: reference });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(`${lastName}, Maria`);
    expect(await page.locator("tbody tr").count()).toBe(1);

    await row.locator("a").click();
    await page.waitForURL(/\/staff\/submissions\/\d+$/);
    const detailPath = new URL(page.url()).pathname;
    expect(await page.locator("h1").innerText()).toContain(`Maria ${lastName}`);
    expect(await page.title()).not.toContain(lastName);
    const details = await page.locator("main").innerText();
    expect(details).toContain("Cervicalgia");
    expect(details).toContain("Example Health Plan");
    expect(details).toContain("8 prescribed, 0 used, 8 left");
    await expectNoAxeViolations(page);

    // Status: in review, then needs information (which needs a note).
    await page.check("#new-status-in_review");
    await page.click("button:has-text('Change status')");
    await expect.poll(() => focusedText(page)).toBe("Status changed to in review.");
    await page.check("#new-status-needs_info");
    await page.click("button:has-text('Change status')");
    await expect.poll(() => focusedText(page)).toContain("Write a note saying what information is missing");
    await expectNoAxeViolations(page);
    await page.check("#new-status-needs_info");
    await page.fill("#status-note", "Asked the prescriber's office for the NPI number.");
    await page.click("button:has-text('Change status')");
    await expect.poll(() => focusedText(page)).toBe("Status changed to needs information.");
    expect(await page.locator("#notes-heading + form + ol").innerText()).toContain(
      "Asked the prescriber's office",
    );

    await page.click("button:has-text('Record a visit today')");
    await expect.poll(() => focusedText(page)).toBe("Visit recorded: 1 of 8 prescribed visits used.");
    expect(await page.locator("main").innerText()).toContain("8 prescribed, 1 used, 7 left");
    const history = await page.locator("#history-heading + .table-scroll").innerText();
    expect(history).toContain("Recorded a visit (1 of 8 used)");
    expect(history).toContain("Changed the status from in review to needs information");
    expect(history).toContain("Opened this page");
    // The search that listed it is on its record too ("who has seen this patient's submission").
    expect(history).toContain("Saw it in the results of a queue search");
    await expectNoAxeViolations(page);

    // Export the search result from the queue: first confirm it is you (password and a new code).
    await page.goto("/staff");
    await page.click("a:has-text('Confirm it is you to download')");
    await page.waitForURL("**/staff/confirm?**");
    await expectNoAxeViolations(page);
    await page.fill("#password", "not the password at all");
    await page.fill("#code", "000000");
    await page.click("button:has-text('Confirm')");
    await expect.poll(() => focusedText(page)).toContain("That password or code is not right");
    await expectNoAxeViolations(page);
    await page.fill("#password", password);
    await page.fill("#code", await nextCode(email));
    await page.click("button:has-text('Confirm')");
    await page.waitForURL((url) => url.pathname === "/staff");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("a:has-text('as a spreadsheet (CSV)')"),
    ]);
    expect(download.suggestedFilename()).toBe(`clinic-submissions-${todayInOregon()}.csv`);
    expect(download.url()).not.toContain(lastName.toLowerCase());
    const csv = readFileSync((await download.path())!, "utf8");
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toMatch(/^"Reference","Kind","Status"/);
    expect(lines.filter((line) => line.includes(reference))).toHaveLength(1);
    expect(csv).toContain(`"${lastName}","Maria"`);
    expect(csv).toContain('"Needs information"');

    // The export is on the patient's record, and so is who made it.
    await page.goto(detailPath);
    expect(await page.locator("#history-heading + .table-scroll").innerText()).toMatch(
      /Included it in a CSV export of \d+ submissions?/,
    );

    // Sign out from the patient's page; Back must not show it again.
    await page.click("button:has-text('Sign out')");
    await page.waitForURL("**/staff/login?signed_out=1");
    expect(await page.locator("main").innerText()).toContain("You are signed out.");
    await page.goBack();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe("/staff/login");
    expect(await page.content()).not.toContain(lastName);

    for (const [pathname, value] of Object.entries(cacheControl)) expect(value, pathname).toBe("no-store");
    expect(Object.keys(cacheControl)).toEqual(expect.arrayContaining(["/staff", "/staff/login", detailPath]));
    expect(requests.filter((url) => url.toLowerCase().includes(lastName.toLowerCase()))).toEqual([]);
    await page.context().close();
  });

  it("a staff member cannot export; the account page lists sessions, signs out the others, and lets the admin disable", async () => {
    const member = `member-${Date.now()}@example.org`;
    const memberPassword = "a different staff passphrase 9";
    expect(addStaff(member, "Pat Member", memberPassword)).toMatch(/as staff/);

    const { page: other } = await open();
    await other.goto("/staff/login");
    await signIn(other, memberPassword, member);
    await enterCode(other, member);
    await other.waitForURL((url) => url.pathname === "/staff");

    const { page } = await open();
    await page.goto("/staff/login");
    await signIn(page, memberPassword, member);
    await enterCode(page, member);
    await page.waitForURL((url) => url.pathname === "/staff");
    expect(await page.locator("a:has-text('spreadsheet'), a:has-text('Confirm it is you')").count()).toBe(0);
    const csv = await page.request.get("/staff/submissions.csv", { maxRedirects: 0 });
    expect(csv.status()).toBe(403);
    expect(await csv.text()).toContain("Only an admin");

    await page.click("a:has-text('Your account')");
    await page.waitForURL("**/staff/account");
    expect(await page.locator("main").innerText()).toContain("(this browser)");
    expect(await page.locator("#accounts-heading").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.click("button:has-text('Sign out everywhere else')");
    await expect.poll(() => focusedText(page)).toBe("Signed out 1 other session.");
    await expectNoAxeViolations(page);
    await other.reload();
    await other.waitForURL("**/staff/login");

    // An admin sees every account and disables the member, who is signed out at once.
    const manager = `manager-${Date.now()}@example.org`;
    expect(addStaff(manager, "Second Admin", password, ["--role", "admin"])).toMatch(/as admin/);
    const { page: admin } = await open();
    await admin.goto("/staff/login");
    await signIn(admin, password, manager);
    await enterCode(admin, manager);
    await admin.waitForURL((url) => url.pathname === "/staff");
    await admin.goto("/staff/account");
    const accounts = admin.locator("#accounts-heading + p + .table-scroll");
    expect(await accounts.innerText()).toContain("Pat Member");
    await expectNoAxeViolations(admin);
    await admin.click("button[aria-label='Disable Pat Member']");
    await expect.poll(() => focusedText(admin)).toContain("disabled and signed out everywhere");
    expect(await accounts.innerText()).toMatch(/Pat Member.*Disabled/s);
    await expectNoAxeViolations(admin);
    await page.reload();
    await page.waitForURL("**/staff/login");
    for (const p of [page, other, admin]) await p.context().close();
  });

  it("ends the sessions of an account the CLI disables", async () => {
    const { page } = await open();
    await page.goto("/staff/login");
    await signIn(page, password);
    await enterCode(page);
    await page.waitForURL((url) => url.pathname === "/staff");
    expect(staffCli(["disable", "--email", email])).toMatch(/disabled/);
    await page.reload();
    await page.waitForURL("**/staff/login");
    await signIn(page, password);
    await expect.poll(() => focusedText(page)).toContain("do not match an active staff account");
    await page.context().close();
  });
});
