import { describe, expect, it } from "vitest";
import {
  csvColumns,
  kindOfReference,
  kindSpec,
  submissionKindIds,
  submissionKinds,
} from "../../src/shared/submissions/registry";
import {
  canChangeStatus,
  statusLabels,
  statusTransitions,
  submissionStatuses,
} from "../../src/shared/submissions/statuses";

describe("the registry of submission kinds", () => {
  it("gives every kind its own reference prefix, API path and form page", () => {
    for (const key of ["referencePrefix", "apiPath", "formPath"] as const) {
      const values = submissionKindIds.map((kind) => submissionKinds[kind][key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it("tells a reference's kind from its prefix, and nothing from a malformed one", () => {
    for (const kind of submissionKindIds) {
      expect(kindOfReference(`${submissionKinds[kind].referencePrefix}-7K3Q9PA`)).toBe(kind);
    }
    expect(kindOfReference("RX-7K3Q9P")).toBeUndefined();
    expect(kindOfReference("XX-7K3Q9PA")).toBeUndefined();
    expect(kindOfReference("")).toBeUndefined();
  });

  it("describes every field its schema accepts, in the same order, and no other", () => {
    for (const kind of submissionKindIds) {
      const spec = kindSpec(kind);
      // Each schema reads date parts first (`withDateParts`), then its object of fields.
      const shape = (spec.schema() as unknown as { _zod: { def: { out: { shape: object } } } })._zod.def.out
        .shape;
      expect(Object.keys(spec.fields), kind).toEqual(Object.keys(shape));
    }
  });

  it("fills only the export's own columns", () => {
    const prescription = kindSpec("prescription").csv(
      { insuranceCarrier: "Plan", startDate: "2026-01-01", endDate: "2026-02-01", visitsAuthorized: 8 },
      {
        key_date: "2026-02-01",
        start_date: null,
        end_date: null,
        visits_authorized: 8,
        visits_used: 2,
        accident_date: null,
        claim_number: null,
      },
    );
    const claim = kindSpec("mva_claim").csv(
      { autoInsurer: "Auto", accidentDate: "2026-01-01", claimNumber: "C-1" },
      {
        key_date: "2028-01-01",
        start_date: null,
        end_date: null,
        visits_authorized: null,
        visits_used: 0,
        accident_date: "2026-01-01",
        claim_number: "C-1",
      },
    );
    for (const values of [prescription, claim]) {
      for (const column of Object.keys(values)) expect(csvColumns).toContain(column);
    }
    expect(claim["PIP window ends"]).toBe("2028-01-01");
  });
});

describe("the status workflow", () => {
  it("labels every status and only moves to statuses that exist; closed and declined are final", () => {
    for (const status of submissionStatuses) {
      expect(statusLabels[status]).toMatch(/^[A-Z]/);
      for (const next of statusTransitions[status]) expect(submissionStatuses).toContain(next);
    }
    expect(statusTransitions.closed).toEqual([]);
    expect(statusTransitions.declined).toEqual([]);
    expect(canChangeStatus("new", "in_review")).toBe(true);
    expect(canChangeStatus("new", "accepted")).toBe(false);
  });
});

describe("every kind's form page", () => {
  it("is in the public page list (navigation, sitemap, browser tests, benchmark)", async () => {
    const { publicPages } = await import("../../src/shared/site-pages");
    const paths: string[] = publicPages.map((page) => page.path);
    for (const kind of submissionKindIds) expect(paths).toContain(submissionKinds[kind].formPath);
  });
});
