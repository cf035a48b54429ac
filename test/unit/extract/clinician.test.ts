/** Clinician entries (ReportOptions.clinician) are applied by scoreReport: they replace candidates, keep `overridden`. */
import { describe, expect, it } from "vitest";
import { extractEvidence, scoreReport } from "../../../src/extract";
import { fixture, NOW } from "./helpers";

describe("clinician entries", () => {
  const evidence = extractEvidence(fixture("tl-t10-t11"), "tl-t10-t11");

  it("picking the scored level fixes SINS location; the record's levels stay in `overridden`", () => {
    const r = scoreReport(evidence, { now: NOW, clinician: { sins: { location: "T11" } } });
    const loc = r.sins.items.location;
    expect(loc).toMatchObject({ value: "T11", points: 3, source: "clinician", confirmed: true });
    expect(loc.provenance).toEqual([{ reference: null, date: null, code: null, note: { code: "prov.clinician" } }]);
    expect(loc.overridden?.candidates).toEqual(["T10", "T11"]);
    expect(loc.overridden?.source).toBe("record");
    expect(loc.overridden?.provenance[0]?.reference).toBe("Condition/t10t11");
  });

  it("re-scoring the same evidence is independent: no entry, no override", () => {
    const r = scoreReport(evidence, { now: NOW });
    expect(r.sins.items.location).toMatchObject({ source: "record", overridden: null, min: 1, max: 3 });
  });

  it("confirming the suggestions and entering the rest gives a total and a prognosis", () => {
    const r = scoreReport(evidence, {
      now: NOW,
      clinician: {
        tokuhashi: {
          generalCondition: "good", // 2
          extraspinalBoneMets: "0", // 2 (suggestion confirmed)
          vertebralBodyMets: "2", // 1
          visceralMets: "none", // 2 (suggestion confirmed)
          palsy: "E", // 2
        },
      },
    });
    // kidney (WHO C64) from the record = 3
    expect(r.tokuhashi.total).toBe(12);
    expect(r.tokuhashi.prognosis).toBe(">=12m");
    expect(r.tokuhashi.items.extraspinalBoneMets).toMatchObject({
      source: "clinician",
      overridden: null,
      suggestion: null,
    });
    expect(r.tokuhashi.items.vertebralBodyMets.overridden).toMatchObject({ candidates: ["2", "3+"], source: "record" });
  });

  it("a prognosis is given for a range inside one band (total unknown)", () => {
    const r = scoreReport(evidence, {
      now: NOW,
      clinician: { tokuhashi: { generalCondition: "poor", visceralMets: "unremovable", extraspinalBoneMets: "3+" } },
    });
    // 0 + 0 + (0–1) + 0 + 3 + (0–2) = 3–6 → all < 6 months
    expect(r.tokuhashi).toMatchObject({ total: null, min: 3, max: 6, prognosis: "<6m" });
  });

  it("an entry outside the item's categories is ignored with a diagnostic", () => {
    const r = scoreReport(evidence, { now: NOW, clinician: { tokuhashi: { palsy: "Z" as never } } });
    expect(r.tokuhashi.items.palsy.source).toBe("missing");
    expect(r.diagnostics.some((d) => d.code === "invalid-entry")).toBe(true);
  });

  it("en bloc planned puts the patient outside the study population", () => {
    const r = scoreReport(evidence, { now: NOW, clinician: { enBlocPlanned: true } });
    expect(r.applicability.inStudyPopulation).toBe(false);
  });

  it("data-access diagnostics and partial are carried into the report", () => {
    const r = scoreReport(evidence, {
      now: NOW,
      partial: true,
      diagnostics: [
        {
          severity: "warning",
          code: "forbidden",
          message: { code: "access.search-forbidden", params: { search: "Observation" } },
        },
      ],
    });
    expect(r.partial).toBe(true);
    expect(r.diagnostics.at(-1)?.code).toBe("forbidden");
  });

  it("the chosen EQ-5D value set is stored with every index", () => {
    const ev = extractEvidence(fixture("questionnaire-newer"), "questionnaire-newer");
    const r = scoreReport(ev, { now: NOW, valueSetId: "USA" });
    const eq = r.qol.timepoints.find((t) => t.eq5d)?.eq5d;
    expect(eq?.valueSet).toBe("USA");
    expect(eq?.index).toBeCloseTo(0.681, 3); // USA (Pickard 2019) 21232 = 0.681
  });
});
