import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { staffAccount } from "./account";
import { staffGuard, type StaffEnv } from "./auth";
import { staffSession } from "./session";
import { staffEstimates } from "./good-faith-estimates";
import { staffRecords } from "./records";
import { staffScans } from "./scans";
import { staffSubmissions } from "./submissions";

/** Largest staff request body: a note is at most 2,000 characters. */
const maxStaffBodyBytes = 16 * 1024;

/** The staff desk's API under `/api/staff`: every route behind `staffGuard`. */
export const staff = new Hono<StaffEnv>()
  .use(staffGuard)
  .use(bodyLimit({ maxSize: maxStaffBodyBytes, onError: (c) => c.json({ error: "payload_too_large" }, 413) }))
  .route("/", staffSession)
  .route("/", staffSubmissions)
  .route("/", staffRecords)
  .route("/", staffScans)
  .route("/", staffEstimates)
  .route("/", staffAccount);
