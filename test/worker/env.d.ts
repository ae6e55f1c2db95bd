import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      /** Only in tests: the migrations read by vitest.config.ts. */
      TEST_MIGRATIONS: D1Migration[];
      /** Only in tests: an empty database for migration tests. */
      MIGRATION_DB: D1Database;
    }
  }
}
