/** Plain-words formatting for the staff pages: dates as US staff read them, in Oregon time. */
import { usDate } from "../shared/dates";
import type { FieldMeta } from "../shared/schemas/common";
import { statusLabels, type SubmissionStatus } from "../shared/submissions/statuses";

const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** An instant → "Nov 26, 2026, 9:14 AM" in Grants Pass time. */
export function oregonDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** A submitted value as staff read it: option labels, US dates, "Yes" for a ticked box. */
export function fieldValue(meta: FieldMeta, value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) return value.join(", ");
  if (value === true) return "Yes";
  if (value === false) return "No";
  const text = String(value);
  if (meta.options) return meta.options.find((o) => o.value === text)?.label ?? text;
  if (meta.input === "date" && /^\d{4}-\d{2}-\d{2}$/.test(text)) return usDate(text);
  return text;
}

const label = (status: unknown) =>
  typeof status === "string" && status in statusLabels
    ? statusLabels[status as SubmissionStatus].toLowerCase()
    : String(status);

/** One audit row in plain words. */
export function auditText(action: string, detail: Record<string, unknown> | null): string {
  switch (action) {
    case "submitted":
      return "Sent the form";
    case "viewed":
      return "Opened this page";
    case "status_changed":
      return `Changed the status from ${label(detail?.from)} to ${label(detail?.to)}`;
    case "noted":
      return "Added a note";
    case "visit_recorded":
      return `Recorded a visit (${String(detail?.visitsUsed)} of ${String(detail?.visitsAuthorized)} used)`;
    case "listed":
      return detail?.search === true
        ? "Saw it in the results of a queue search"
        : "Saw it listed in the queue";
    case "exported":
      return typeof detail?.rows === "number"
        ? `Included it in a CSV export of ${detail.rows.toLocaleString("en-US")} ${detail.rows === 1 ? "submission" : "submissions"}`
        : "Included it in a CSV export";
    case "estimate_issued":
      return `Issued Good Faith Estimate ${String(detail?.estimate)}`;
    case "estimate_viewed":
      return `Opened Good Faith Estimate ${String(detail?.estimate)}`;
    case "estimate_printed":
      return `Opened the printable Good Faith Estimate ${String(detail?.estimate)}`;
    case "estimate_given":
      return `Recorded that Good Faith Estimate ${String(detail?.estimate)} was given (${String(detail?.method).replace(/_/g, " ")})`;
    case "scan_downloaded":
      return "Downloaded the signed prescription";
    default:
      return action.replace(/_/g, " ");
  }
}

const browsers: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrome\/|Chromium\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const systems: [RegExp, string][] = [
  [/iPhone|iPad/, "iPhone or iPad"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "Mac"],
  [/CrOS/, "Chromebook"],
  [/Linux/, "Linux"],
];

/** A browser's User-Agent in plain words: "Chrome on Windows"; "Unknown device" when unclear. */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown device";
}
