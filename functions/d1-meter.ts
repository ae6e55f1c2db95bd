/**
 * The benchmark's view of D1's work: with `D1_METER = "on"` (set only by `npm run bench`, through
 * `wrangler dev --var`, and honoured only for requests to localhost), each `/api` answer carries
 * `X-D1-Rows-Read` and `X-D1-Rows-Written`, the sums of `meta.rows_read` and `meta.rows_written`
 * over every statement the request ran. Off everywhere else: production never sets the variable,
 * and a public hostname turns it off even if it were set.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

interface Meter {
  read: number;
  written: number;
}

function metered(db: D1Database, meter: Meter): D1Database {
  const original = new WeakMap<object, D1PreparedStatement>();
  const add = <T extends { meta?: { rows_read?: number; rows_written?: number } }>(result: T): T => {
    meter.read += result.meta?.rows_read ?? 0;
    meter.written += result.meta?.rows_written ?? 0;
    return result;
  };
  const statement = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => statement(target.bind(...values));
        if (prop === "all") return async () => add(await target.all());
        if (prop === "run") return async () => add(await target.run());
        // `first` reports no meta: read the rows with `all` and give the first, as `first` does.
        if (prop === "first")
          return async (column?: string) => {
            const row = add(await target.all<Record<string, unknown>>()).results[0];
            return row === undefined ? null : column === undefined ? row : row[column];
          };
        const value: unknown = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    original.set(wrapped, stmt);
    return wrapped;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => statement(target.prepare(sql));
      if (prop === "batch")
        return async (statements: D1PreparedStatement[]) =>
          (await target.batch(statements.map((s) => original.get(s) ?? s))).map(add);
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Counts D1's rows read and written per request when the benchmark turns the meter on. */
export const d1Meter: MiddlewareHandler<AppEnv> = async (c, next) => {
  const host = new URL(c.req.url).hostname;
  if (c.env?.D1_METER !== "on" || (host !== "localhost" && host !== "127.0.0.1")) return next();
  const meter: Meter = { read: 0, written: 0 };
  c.env = { ...c.env, DB: metered(c.env.DB, meter) };
  await next();
  c.res.headers.set("X-D1-Rows-Read", String(meter.read));
  c.res.headers.set("X-D1-Rows-Written", String(meter.written));
};
