import { describe, expect, it } from "vitest";
import { maxStaffFormBytes, readStaffForm, seeOther } from "../../src/server/staff-forms";
import { isSameOrigin } from "../../src/shared/same-origin";
import { staffCookies } from "../../src/shared/staff-contract";

const url = new URL("https://desk.example.org/staff/submissions/12");
const origin = url.origin;

function post(body: BodyInit | null, headers: Record<string, string>, init: RequestInit = {}): Request {
  return new Request(url, { method: "POST", body, headers, ...init, duplex: "half" } as RequestInit);
}

async function refused(request: Request) {
  const result = await readStaffForm(request);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("unreachable");
  return { status: result.response.status, response: result.response };
}

describe("readStaffForm: what a staff page does with a POST before reading it", () => {
  it("reads a same-origin urlencoded or multipart form", async () => {
    const urlencoded = await readStaffForm(
      post("action=note&text=Called+back", {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: origin,
      }),
    );
    expect(urlencoded.ok && urlencoded.form.get("text")).toBe("Called back");

    const multipart = new FormData();
    multipart.set("q", "Lopez");
    const encoded = new Request(url, { method: "POST", body: multipart });
    const withOrigin = post(await encoded.arrayBuffer(), {
      "Content-Type": encoded.headers.get("content-type")!,
      "Sec-Fetch-Site": "same-origin",
    });
    const parsed = await readStaffForm(withOrigin);
    expect(parsed.ok && parsed.form.get("q")).toBe("Lopez");
  });

  it.each([
    ["application/json", '{"text":"x"}'],
    ["text/plain", "text=x"],
    ["application/x-www-form-urlencoded", "text=x"],
    ["multipart/form-data; boundary=x", "--x--"],
  ])("refuses a cross-origin %s POST with 403, whatever its content type", async (type, body) => {
    const variants: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
      {},
      { Origin: "null" },
    ];
    for (const headers of variants) {
      const { status, response } = await refused(post(body, { "Content-Type": type, ...headers }));
      expect(status).toBe(403);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it.each([
    ["application/json", '{"email":"a@example.org"}'],
    ["text/plain", "email=a@example.org"],
    ["application/xml", "<a/>"],
    ["", "email=a"],
  ])("refuses a same-origin %j POST with 415 instead of throwing", async (type, body) => {
    const headers: Record<string, string> = { Origin: origin };
    if (type) headers["Content-Type"] = type;
    const { status, response } = await refused(post(body, headers));
    expect(status).toBe(415);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a body over 16 KB with 413, by Content-Length or by counting when there is none", async () => {
    const big = `text=${"a".repeat(maxStaffFormBytes)}`;
    const declared = await refused(
      post(big, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(big.length),
        Origin: origin,
      }),
    );
    expect(declared.status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
        controller.close();
      },
    });
    const chunked = await refused(
      post(streamed, { "Content-Type": "application/x-www-form-urlencoded", Origin: origin }),
    );
    expect(chunked.status).toBe(413);
    const exactly = `text=${"a".repeat(maxStaffFormBytes - 5)}`;
    const fits = await readStaffForm(
      post(exactly, { "Content-Type": "application/x-www-form-urlencoded", Origin: origin }),
    );
    expect(fits.ok).toBe(true);
  });

  it("answers 400, never throws, for a form body that cannot be parsed", async () => {
    for (const [type, body] of [
      ["multipart/form-data; boundary=abc", "this is not multipart"],
      ["multipart/form-data", "--abc\r\n"],
      [
        "multipart/form-data; boundary=abc",
        '--abc\r\nContent-Disposition: form-data; name="q"\r\n\r\nunterminated',
      ],
    ] as const) {
      const { status } = await refused(post(body, { "Content-Type": type, Origin: origin }));
      expect(status).toBe(400);
    }
  });
});

describe("staff page answers", () => {
  it("isSameOrigin follows the API gate: the page's own Origin, or Sec-Fetch-Site: same-origin", () => {
    const req = (headers: Record<string, string>) => new Request(url, { method: "POST", headers });
    expect(isSameOrigin(req({ Origin: origin }))).toBe(true);
    expect(isSameOrigin(req({ "Sec-Fetch-Site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(req({ Origin: "http://desk.example.org" }))).toBe(false);
    expect(isSameOrigin(req({ Origin: "https://desk.example.org.evil.example" }))).toBe(false);
    expect(isSameOrigin(req({}))).toBe(false);
  });

  it("seeOther redirects with 303 and Cache-Control: no-store, passing cookies on", () => {
    const res = seeOther("/staff?kind=prescription", ["a=1; Path=/", "b=2; Path=/"]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff?kind=prescription");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("keeps the patient-name search in a session cookie: no Max-Age, no Expires", () => {
    expect(staffCookies.search.options).toEqual({
      path: "/staff",
      secure: true,
      httpOnly: true,
      sameSite: "strict",
    });
    expect(staffCookies.search.options).not.toHaveProperty("maxAge");
    expect(staffCookies.search.options).not.toHaveProperty("expires");
  });
});
