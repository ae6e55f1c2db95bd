import { Hono } from "hono";
import { scanTypeOf } from "../../src/shared/scan-types";
import { writeAudit } from "../db/audit";
import { findScan } from "../db/scans";
import { idParam, notFound, valid } from "../validate";
import { sessionOf, type StaffEnv } from "./auth";

/**
 * A submission's signed prescription: `GET /submissions/:id/scan` answers the file as a download
 * (`<reference>-prescription.<ext>`, the type decided from its first bytes when it was sent, never
 * sniffed again by the browser, never cached), audited as `scan_downloaded`; 404 when the
 * submission has none.
 */
export const staffScans = new Hono<StaffEnv>().get(
  "/submissions/:id/scan",
  valid("param", idParam),
  async (c) => {
    const { id } = c.req.valid("param");
    const scan = await findScan(c.env.DB, id);
    const object = scan ? await c.env.SCANS.get(scan.objectKey) : null;
    if (!scan || !object) return notFound(c);
    const type = scanTypeOf(scan.contentType);
    await writeAudit(c.env.DB, {
      at: c.var.now.toISOString(),
      actor: sessionOf(c).member.email,
      action: "scan_downloaded",
      submissionId: id,
      detail: { type: type?.label ?? "file", bytes: scan.byteSize },
    });
    return c.body(object.body, 200, {
      "Content-Type": scan.contentType,
      "Content-Length": String(object.size),
      "Content-Disposition": `attachment; filename="${scan.reference}-prescription.${type?.extension ?? "bin"}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    });
  },
);
