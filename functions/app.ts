import { Hono } from "hono";
import { routePath } from "hono/route";
import { secureHeaders } from "hono/secure-headers";
import { estimate } from "./estimate";
import { health } from "./health";
import { icd10 } from "./icd10";
import { mvaClaims } from "./mva-claims";
import { prescriptions } from "./prescriptions";
import { staff } from "./staff";

export type AppEnv = { Bindings: Env };

/** The edge API: every `/api/*` request, handed over by `src/pages/api/[...path].ts`. */
export const api = new Hono<AppEnv>().basePath("/api");

api.use(
  secureHeaders({
    // A route may set a stricter or page-specific policy itself (the form error page hashes its style).
    overwrite: false,
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
api.route("/estimate", estimate);
api.route("/icd10", icd10);
api.route("/prescriptions", prescriptions);
api.route("/mva-claims", mvaClaims);
api.route("/staff", staff);

api.notFound((c) => c.json({ error: "not_found" }, 404));

api.onError((err, c) => {
  // Log the kind of failure only: messages from D1 or zod can quote patient input.
  console.error(JSON.stringify({ event: "api_error", name: err.name, path: routePath(c) }));
  return c.json({ error: "internal_error" }, 500);
});

export type AppType = typeof api;
