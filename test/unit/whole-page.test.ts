import { describe, expect, it } from "vitest";
import { serverErrorPage, wholePage } from "../../src/server/whole-page";

/** A page body that sends its first bytes, then fails, as a streamed page does when it throws halfway. */
function failingHalfway(secret: string): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("<!doctype html><html><body><h1>Send a prescription</h1>"));
      setTimeout(() => controller.error(new TypeError(`cannot read ${secret}`)), 0);
    },
  });
  return new Response(body, { status: 422, headers: { "content-type": "text/html; charset=utf-8" } });
}

describe("an on-demand page read whole", () => {
  it("answers a page that fails halfway with a finished 500 page in its language", async () => {
    const logged: string[] = [];
    const page = await wholePage(failingHalfway("Lovelace"), "es", "/es/forms/prescription", (line) =>
      logged.push(line),
    );
    expect(page.status).toBe(500);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Algo salió mal de nuestro lado");
    expect(html).not.toContain("Send a prescription");
    // The log names the error, never its message (which could quote what was typed).
    expect(logged).toEqual(["the page /es/forms/prescription failed while it rendered: TypeError"]);
  });

  it("passes a page that renders through unchanged: status, headers and every byte", async () => {
    const html = "<!doctype html><title>Fix 2 answers</title>".repeat(500);
    const streamed = new Response(new Blob([html]).stream(), {
      status: 422,
      headers: { "content-type": "text/html; charset=utf-8", "x-kept": "yes" },
    });
    const page = await wholePage(streamed, "en", "/forms/prescription");
    expect(page.status).toBe(422);
    expect(page.headers.get("x-kept")).toBe("yes");
    expect(await page.text()).toBe(html);
  });

  it("leaves a response without a body (a redirect) as it is", async () => {
    const redirect = new Response(null, { status: 303, headers: { location: "/forms/received" } });
    expect(await wholePage(redirect, "en", "/forms/prescription")).toBe(redirect);
  });

  it("keeps a download streaming: the staff CSV export is passed on as it comes", async () => {
    const csv = new Response(new Blob(["Reference,Kind\n"]).stream(), {
      headers: { "content-type": "text/csv; charset=utf-8" },
    });
    expect(await wholePage(csv, "en", "/staff/submissions.csv")).toBe(csv);
  });

  it("says how to reach the clinic, by phone when there is one", () => {
    expect(serverErrorPage("en", "541-555-0100")).toContain("please call us at 541-555-0100.");
    expect(serverErrorPage("en", undefined)).toContain("please contact the clinic.");
    expect(serverErrorPage("en", "<b>")).not.toContain("<b>");
  });
});
