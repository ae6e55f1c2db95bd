import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { health } from "./health";

export type AppEnv = { Bindings: Env };

/** The edge API: every `/api/*` request, handed over by `src/pages/api/[...path].ts`. */
export const api = new Hono<AppEnv>().basePath("/api");

api.use(
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  }),
);

api.route("/health", health);

api.notFound((c) => c.json({ error: "not_found" }, 404));

api.onError((err, c) => {
  // Log the kind of failure only: messages from D1 or zod can quote patient input.
  console.error(JSON.stringify({ event: "api_error", name: err.name, path: c.req.routePath }));
  return c.json({ error: "internal_error" }, 500);
});

export type AppType = typeof api;
