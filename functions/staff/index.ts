import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { staffAccount } from "./account";
import { staffGuard, type StaffEnv } from "./auth";
import { maxStaffBodyBytes } from "./validate";
import { staffSession } from "./session";
import { staffSubmissions } from "./submissions";

/** The staff desk's API under `/api/staff`: every route behind `staffGuard`. */
export const staff = new Hono<StaffEnv>()
  .use(staffGuard)
  .use(bodyLimit({ maxSize: maxStaffBodyBytes, onError: (c) => c.json({ error: "payload_too_large" }, 413) }))
  .route("/", staffSession)
  .route("/", staffSubmissions)
  .route("/", staffAccount);
