import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import { secureHeaders } from "hono/secure-headers";
import { d1Meter } from "./d1-meter";
import { estimate } from "./estimate";
import { health } from "./health";
import { icd10 } from "./icd10";
import { receipt } from "./receipt";
import type { AppEnv } from "./env";
import { staff } from "./staff";
import { submissionResources } from "./submission-resource";

const app = new Hono<AppEnv>().basePath("/api");

app.use(
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

app.use(d1Meter);

/**
 * The edge API: every `/api/*` request, handed over by `src/pages/api/[...path].ts`. The routes
 * are chained so that `AppType` describes them for Hono's typed client.
 */
export const api = app
  .route("/health", health)
  .route("/estimate", estimate)
  .route("/icd10", icd10)
  .route("/receipt", receipt)
  .route("/staff", staff)
  // One resource per submission kind in the registry: POST /api/prescriptions, /api/mva-claims, …
  .route("/", submissionResources);

api.notFound((c) => c.json({ error: "not_found" }, 404));

api.onError((err, c) => {
  // A validator's own refusal (a malformed body) keeps its status, with our one error shape.
  if (err instanceof HTTPException && err.status < 500) {
    return c.json({ error: err.status === 400 ? "malformed_body" : "request_refused" }, err.status);
  }
  // Log the kind of failure only: messages from D1 or zod can quote patient input.
  console.error(JSON.stringify({ event: "api_error", name: err.name, path: routePath(c) }));
  return c.json({ error: "internal_error" }, 500);
});

export type AppType = typeof api;
