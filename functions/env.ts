/**
 * The Worker's environment as every Hono app of the API sees it. `D1_METER` is never configured:
 * only the benchmark sets it, locally (see `d1-meter.ts`).
 */
export type AppEnv = { Bindings: Env & { D1_METER?: string } };
