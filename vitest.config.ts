import path from "node:path";
import { defineConfig } from "vitest/config";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";

const migrations = await readD1Migrations(path.join(import.meta.dirname, "functions/migrations"));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            // wrangler.toml's `main` starts with Astro's handler, which only a build provides.
            main: "./test/worker/main.ts",
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                // A throwaway key for the tests' field encryption (never a real one).
                FIELD_ENCRYPTION_KEYS: "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                // A made-up identity for issued Good Faith Estimates (1234567893 passes the NPI check).
                CLINIC_LEGAL_NAME: "Hillcrest Massage Therapy LLC",
                CLINIC_NPI: "1234567893",
                CLINIC_TIN: "12-3456789",
              },
              // An empty database per test file, for migration tests to build up step by step.
              d1Databases: ["MIGRATION_DB"],
            },
          }),
        ],
        test: {
          name: "worker",
          // @cloudflare/vitest-plugin 1.4.0 (the release that shares the build's workerd) cannot
          // read vitest 5's file module cache.
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["./test/worker/apply-migrations.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["./test/e2e/global-setup.ts"],
          fileParallelism: false,
          // Some tests run the staff and keys commands (each a wrangler process): on a busy 2-core
          // machine one took 67 s. A timeout only stops a hung test; speed is the benchmark's job.
          testTimeout: 120_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
