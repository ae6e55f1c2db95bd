/** The Worker's environment as every Hono app of the API sees it. */
export type AppEnv = { Bindings: Env };
