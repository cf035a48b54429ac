/** Same-day conflicts on the QOL timepoints (issue 14 item 5): the values are kept beside the null field. */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { NOW, reportOf } from "./helpers";

const PATIENT = { resourceType: "Patient", id: "p1", birthDate: "1960-01-01", gender: "female" };

/** An Observation of a LOINC code with a numeric value on a date. */
function obs(id: string, code: string, value: number, date: string) {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    subject: { reference: "Patient/p1" },
    code: { coding: [{ system: "http://loinc.org", code }] },
    effectiveDateTime: date,
    valueQuantity: { value, system: "http://unitsofmeasure.org", code: "{score}" },
  };
}

describe("QOL timepoint conflicts", () => {
  it("a same-day ECOG conflict keeps both values (ascending) on the day's timepoint; ecog stays null", () => {
    const r = reportOf("ecog-conflict");
    const day = r.qol.timepoints.find((t) => t.date === "2024-06-01");
    expect(day?.ecog).toBeNull();
    expect(day?.conflicts).toEqual([{ measure: "ecog", values: [1, 3] }]);
    // A day without a conflict has no such field (the report is unchanged there).
    expect(r.qol.timepoints.find((t) => t.date === "2024-03-01")).not.toHaveProperty("conflicts");
  });

  it("lists at most 10 distinct values and counts the rest; agreeing values are no conflict", () => {
    const barthel = Array.from({ length: 12 }, (_, i) =>
      obs(`barthel-${i}`, "96761-2", 90 - i * 5, "2025-02-03T10:00:00Z"),
    );
    const agree = [
      obs("barthel-a", "96761-2", 40, "2025-02-04T08:00:00Z"),
      obs("barthel-b", "96761-2", 40, "2025-02-04T18:00:00Z"),
    ];
    const r = buildReport([PATIENT, ...barthel, ...agree], "p1", { now: NOW });
    const conflicted = r.qol.timepoints.find((t) => t.date === "2025-02-03");
    const field = conflicted?.conflicts?.[0];
    expect(conflicted?.barthel).toBeNull();
    expect(field?.measure).toBe("barthel");
    expect(field?.values).toEqual([35, 40, 45, 50, 55, 60, 65, 70, 75, 80]);
    expect(field?.valuesOmitted).toBe(2);
    const agreeing = r.qol.timepoints.find((t) => t.date === "2025-02-04");
    expect(agreeing?.conflicts).toBeUndefined();
  });
});
