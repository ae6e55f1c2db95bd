/** The staff pages over plain HTTP, as a script (or an attacker) would send them: no browser. */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { prescriptionBody, newKey } from "../fixtures/submissions";
import { addStaff, nextCode } from "./staff-accounts";

// A surname no other test uses, so the search finds this patient.
const lastName = `Httpson${Date.now().toString(36)}`;

describe("staff pages over HTTP (no browser)", () => {
  const deskEmail = `desk-http-${Date.now()}@example.org`;
  const deskPassword = "another long staff passphrase 7";
  let ipCount = 0;
  const ip = () => `10.78.0.${++ipCount}`;
  const sameOrigin = () => ({ Origin: inject("baseURL"), "CF-Connecting-IP": ip() });
  const at = (path: string) => new URL(path, inject("baseURL"));
  const send = (path: string, init: RequestInit = {}) => fetch(at(path), { redirect: "manual", ...init });

  beforeAll(async () => {
    expect(addStaff(deskEmail, "Desk Http", deskPassword)).toMatch(/Staff account created/);
    const sent = await send("/api/prescriptions", {
      method: "POST",
      headers: { ...sameOrigin(), "Content-Type": "application/json", "Idempotency-Key": newKey() },
      body: JSON.stringify(prescriptionBody({ patientLastName: lastName })),
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
  });

  async function signInOverHttp(): Promise<string> {
    const res = await send("/staff/login", {
      method: "POST",
      headers: { ...sameOrigin(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: deskEmail, password: deskPassword }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/login/code");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const pending = /__Host-staff-pending=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    expect(pending).toBeTruthy();
    expect(res.headers.get("set-cookie")).not.toContain("__Host-session");
    const code = await send("/staff/login/code", {
      method: "POST",
      headers: {
        ...sameOrigin(),
        Cookie: `__Host-staff-pending=${pending}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ code: await nextCode(deskEmail) }),
    });
    expect(code.status).toBe(303);
    expect(code.headers.get("location")).toBe("/staff");
    expect(code.headers.get("cache-control")).toBe("no-store");
    const token = /__Host-session=([^;]+)/.exec(code.headers.get("set-cookie") ?? "")?.[1];
    expect(token).toBeTruthy();
    return `__Host-session=${token}`;
  }

  const formPaths = [
    "/staff/login",
    "/staff/login/code",
    "/staff",
    "/staff/submissions/1",
    "/staff/confirm",
    "/staff/account",
  ];

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
