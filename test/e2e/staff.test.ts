import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { todayInOregon } from "../../src/shared/dates";
import { expectNoAxeViolations, launch, openPage } from "./browser";

const root = path.resolve(import.meta.dirname, "../..");
const password = "a long staff passphrase 42";
const email = `desk-${Date.now()}@example.org`;
// A surname no other test uses, so the search finds exactly this patient.
const lastName = `Quimby${Array.from({ length: 6 }, () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)]).join("")}`;

/** Runs the staff CLI against the served site's local D1. */
function staffCli(args: string[], input?: string): string {
  return execFileSync(process.execPath, ["scripts/staff.mjs", ...args, "--persist-to", inject("d1State")], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
}

/** An Oregon date `days` from today as month/day/year, the way the form is typed. */
function usDateFromToday(days: number): string {
  const date = new Date(Date.parse(`${todayInOregon()}T00:00:00Z`) + days * 86_400_000);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  expect(
    staffCli(["add", "--email", email, "--name", "Front Desk", "--password-stdin"], `${password}\n`),
  ).toMatch(/Staff account created/);
});
afterAll(async () => {
  await browser?.close();
});

let clients = 0;
function open() {
  clients += 1;
  return openPage(browser, {
    acceptDownloads: true,
    extraHTTPHeaders: { "CF-Connecting-IP": `10.77.0.${clients}` },
  });
}

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
  for (const [name, value] of Object.entries(values)) await page.fill(`#${name}`, value);
  await page.check("#preferredContact");
  await page.selectOption("#prescriberCredential", "MD");
  await page.check("#consent");
  await page.click("[data-submission-form=prescription] button[type=submit]");
  await page.waitForURL("**/forms/received");
  const reference = (await page.locator(".reference").innerText()).trim();
  await page.context().close();
  return reference;
}

async function signIn(page: Page, withPassword: string): Promise<void> {
  await page.fill("#email", email);
  await page.fill("#password", withPassword);
  await page.click("button:has-text('Sign in')");
}

const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "");

describe("staff desk", () => {
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

    // Export the search result from the queue.
    await page.goto("/staff");
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

  it("ends the sessions of an account the CLI disables", async () => {
    const { page } = await open();
    await page.goto("/staff/login");
    await signIn(page, password);
    await page.waitForURL((url) => url.pathname === "/staff");
    expect(staffCli(["disable", "--email", email])).toMatch(/disabled/);
    await page.reload();
    await page.waitForURL("**/staff/login");
    await signIn(page, password);
    await expect.poll(() => focusedText(page)).toContain("do not match an active staff account");
    await page.context().close();
  });
});

describe("staff pages over HTTP (no browser)", () => {
  const deskEmail = `desk-http-${Date.now()}@example.org`;
  const deskPassword = "another long staff passphrase 7";
  let ipCount = 0;
  const ip = () => `10.78.0.${++ipCount}`;
  const sameOrigin = () => ({ Origin: inject("baseURL"), "CF-Connecting-IP": ip() });
  const at = (path: string) => new URL(path, inject("baseURL"));
  const send = (path: string, init: RequestInit = {}) => fetch(at(path), { redirect: "manual", ...init });

  beforeAll(() => {
    expect(
      staffCli(["add", "--email", deskEmail, "--name", "Desk Http", "--password-stdin"], `${deskPassword}\n`),
    ).toMatch(/Staff account created/);
  });

  async function signInOverHttp(): Promise<string> {
    const res = await send("/staff/login", {
      method: "POST",
      headers: { ...sameOrigin(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: deskEmail, password: deskPassword }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const token = /__Host-session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    expect(token).toBeTruthy();
    return `__Host-session=${token}`;
  }

  const formPaths = ["/staff/login", "/staff", "/staff/submissions/1"];

  it("refuses JSON, text/plain, oversized and malformed posts to the form pages without a 500", async () => {
    const cases: { name: string; headers: Record<string, string>; body: BodyInit; status: number }[] = [
      {
        name: "cross-origin JSON",
        headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
        body: '{"q":"x"}',
        status: 403,
      },
      {
        name: "same-origin JSON",
        headers: { ...sameOrigin(), "Content-Type": "application/json" },
        body: '{"email":"a@example.org"}',
        status: 415,
      },
      {
        name: "same-origin text/plain",
        headers: { ...sameOrigin(), "Content-Type": "text/plain" },
        body: "email=a@example.org",
        status: 415,
      },
      {
        name: "over 16 KB",
        headers: { ...sameOrigin(), "Content-Type": "application/x-www-form-urlencoded" },
        body: `text=${"a".repeat(17 * 1024)}`,
        status: 413,
      },
      {
        name: "malformed multipart",
        headers: { ...sameOrigin(), "Content-Type": "multipart/form-data; boundary=abc" },
        body: "this is not multipart at all",
        status: 400,
      },
    ];
    for (const path of formPaths) {
      for (const { name, headers, body, status } of cases) {
        const res = await send(path, { method: "POST", headers, body });
        expect(res.status, `${name} → ${path}`).toBe(status);
        expect(res.headers.get("cache-control"), `${name} → ${path}`).toBe("no-store");
        await res.arrayBuffer();
      }
    }
  });

  it("sends Cache-Control: no-store with every staff-page redirect, keeps the search in a session cookie and clears it on sign-out", async () => {
    const cookie = await signInOverHttp();

    const signedIn = await send("/staff/login", { headers: { Cookie: cookie, "CF-Connecting-IP": ip() } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/staff");
    expect(signedIn.headers.get("cache-control")).toBe("no-store");

    const bogus = await send("/staff?status=bogus", {
      headers: { Cookie: cookie, "CF-Connecting-IP": ip() },
    });
    expect(bogus.status).toBe(303);
    expect(bogus.headers.get("cache-control")).toBe("no-store");

    const search = await send("/staff", {
      method: "POST",
      headers: { ...sameOrigin(), Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ q: lastName, kind: "prescription" }),
    });
    expect(search.status).toBe(303);
    expect(search.headers.get("location")).toBe("/staff?kind=prescription");
    expect(search.headers.get("cache-control")).toBe("no-store");
    const searchCookie = search.headers.getSetCookie().find((c) => c.startsWith("__Secure-staff-search="));
    expect(searchCookie).toBeDefined();
    expect(searchCookie).not.toMatch(/max-age|expires/i);
    expect(searchCookie).toMatch(/; HttpOnly/i);
    const withSearch = `${cookie}; ${searchCookie!.split(";")[0]}`;

    const queue = await send("/staff?kind=prescription", {
      headers: { Cookie: withSearch, "CF-Connecting-IP": ip() },
    });
    expect(queue.status).toBe(200);
    const id = /href="\/staff\/submissions\/(\d+)"/.exec(await queue.text())?.[1];
    expect(id).toBeDefined();

    const note = await send(`/staff/submissions/${id}`, {
      method: "POST",
      headers: { ...sameOrigin(), Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action: "note", text: "Checked over HTTP." }),
    });
    expect(note.status).toBe(303);
    expect(note.headers.get("location")).toBe(`/staff/submissions/${id}`);
    expect(note.headers.get("cache-control")).toBe("no-store");

    const nul = await send(`/staff/submissions/${id}`, {
      method: "POST",
      headers: { ...sameOrigin(), Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action: "note", text: "\u0000Starts with NUL" }),
    });
    expect(nul.status).toBe(422);
    expect(await nul.text()).toContain("invisible control or text-direction characters");

    const signOut = await send("/staff/logout", {
      method: "POST",
      headers: { ...sameOrigin(), Cookie: withSearch, "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(signOut.status).toBe(303);
    expect(signOut.headers.get("cache-control")).toBe("no-store");
    const cleared = signOut.headers.getSetCookie();
    expect(cleared.some((c) => /^__Secure-staff-search=;.*Max-Age=0/i.test(c))).toBe(true);
    expect(cleared.some((c) => /^__Host-session=;.*Max-Age=0/i.test(c))).toBe(true);
    const after = await send("/staff", { headers: { Cookie: cookie, "CF-Connecting-IP": ip() } });
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/staff/login");
    expect(after.headers.get("cache-control")).toBe("no-store");
  });
});
