/** Helpers for the migration tests: each builds a database with the migrations before its own. */
import { env } from "cloudflare:workers";
import { expect } from "vitest";

/** The migrations before `name` (e.g. "0008"): a database as it was before that one. */
export const before = (name: string) => env.TEST_MIGRATIONS.filter((m) => m.name < name);

/**
 * The migrations up to and including `name`: a test that compares whole rows before and after its
 * migration stops there, so a later migration's new column does not read as a change.
 */
export const through = (name: string) => env.TEST_MIGRATIONS.filter((m) => m.name.slice(0, 4) <= name);

/** Empties `db` (tables, triggers, the migrations record), so a describe block can start from nothing. */
export async function emptyDatabase(db: D1Database): Promise<void> {
  const objects = async (type: string) =>
    (
      await db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = ?1 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
        )
        .bind(type)
        .all<{ name: string }>()
    ).results.map((r) => r.name);
  for (const name of await objects("trigger")) await db.prepare(`DROP TRIGGER "${name}"`).run();
  // Children before parents (foreign keys): retry what a reference still holds until all are gone.
  for (let round = 0; round < 5; round++) {
    for (const name of await objects("table"))
      await db
        .prepare(`DROP TABLE IF EXISTS "${name}"`)
        .run()
        .catch(() => undefined);
  }
  expect(await objects("table")).toEqual([]);
}
