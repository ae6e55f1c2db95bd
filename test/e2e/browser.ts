import { existsSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, expect, inject } from "vitest";

export const baseURL = inject("baseURL");

/** Debian's Chromium (or CHROME_PATH); the run fails loudly when there is none. */
function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium"].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install one with `apt-get install -y chromium` " +
        "(Debian/Ubuntu) or set CHROME_PATH to a Chrome or Chromium binary.",
    );
  }
  return found;
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * The test file's Chromium: launched when the file opens its first page, closed after its tests
 * (each file imports this module afresh, so each has its own).
 */
let fileBrowser: Promise<Browser> | undefined;
afterAll(async () => {
  await (await fileBrowser)?.close();
});

/** A page in a fresh context (axe needs one), with every request's URL recorded. */
export async function openPage(
  options: BrowserContextOptions = {},
): Promise<{ page: Page; requests: string[] }> {
  fileBrowser ??= launch();
  const context = await (await fileBrowser).newContext({ baseURL, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (req) => requests.push(req.url()));
  return { page, requests };
}

/**
 * Opens pages as a new client each time, numbered within the calling file's own address range
 * (`"10.0.1"` gives 10.0.1.1, 10.0.1.2, …), so the per-client limit of 10 forms a minute never
 * spans tests or files.
 */
export function asNewClients(range: string) {
  let clients = 0;
  return (options: BrowserContextOptions = {}) => {
    clients += 1;
    const extraHTTPHeaders = { ...options.extraHTTPHeaders, "CF-Connecting-IP": `${range}.${clients}` };
    return openPage({ ...options, extraHTTPHeaders });
  };
}

/** Asserts axe-core finds no WCAG 2.2 A/AA violation in the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
}
