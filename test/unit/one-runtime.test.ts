import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Tests, `wrangler dev`, `astro dev` and the build must run one Workers runtime: the Vite and
 * Vitest plugins each pin their own wrangler, miniflare and workerd, so package.json's
 * `overrides` brings them to one set. A dependency update that brings a second copy fails here.
 */
const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as {
  packages: Record<string, { version?: string }>;
};

function installedVersions(name: string): string[] {
  const versions = Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([, entry]) => entry.version ?? "");
  return [...new Set(versions)];
}

describe("one Workers runtime", () => {
  it.each(["wrangler", "miniflare", "workerd"])("installs one version of %s", (name) => {
    expect(installedVersions(name)).toHaveLength(1);
  });
});
