/**
 * Each fixture patient's report figures, written by hand from docs/clinical-rules.md, Fisher 2010 and
 * Tokuhashi 2005 (points, docs/scores.md), and the mapping tables. Report date 2025-01-01.
 */
import { describe, expect, it } from "vitest";
import { codes, reportOf } from "./helpers";
import { en } from "../words";

describe("segment groups and applicability", () => {
  it("C7–T1 (whole vertebra C7 + vertebral body T1) is cervical, in the study population", () => {
    const r = reportOf("cervical-c7-t1");
    expect(r.patient).toMatchObject({ id: "cervical-c7-t1", age: 67, sex: "female" });
    expect(r.segmentGroup.group).toBe("cervical");
    expect(r.segmentGroup.levels).toEqual(["C7", "T1"]);
    expect(r.segmentGroup.provenance.map((p) => p.reference)).toEqual(["Condition/c7t1"]);
    expect(r.applicability.inStudyPopulation).toBe(true);
  });

  it("T10 alone is thoracic", () => {
    const r = reportOf("thoracic-t10");
    expect(r.segmentGroup).toMatchObject({ group: "thoracic", levels: ["T10"] });
    expect(r.applicability.inStudyPopulation).toBe(true);
  });

  it("T10–T11 is TL/L/S", () => {
    expect(reportOf("tl-t10-t11").segmentGroup).toMatchObject({ group: "tl-l-s", levels: ["T10", "T11"] });
  });

  it("non-contiguous T3 and T5: outside the study population", () => {
    const r = reportOf("noncontiguous-t3-t5");
    expect(r.segmentGroup).toMatchObject({ group: "thoracic", levels: ["T3", "T5"] });
    expect(r.applicability.inStudyPopulation).toBe(false);
    expect(r.applicability.reasons.map((m) => en(m)).join(" ")).toMatch(/non-contiguous/);
  });

  it("four levels L1–L4: outside the study population; vertebral bodies ≥ 3 scores 0 (not yet confirmed)", () => {
    const r = reportOf("four-levels-l1-l4");
    expect(r.segmentGroup).toMatchObject({ group: "tl-l-s", levels: ["L1", "L2", "L3", "L4"] });
    expect(r.applicability.inStudyPopulation).toBe(false);
    expect(r.applicability.reasons.map((m) => en(m)).join(" ")).toMatch(/4 vertebrae/);
    const vb = r.tokuhashi.items.vertebralBodyMets;
    expect(vb).toMatchObject({ points: 0, value: "3+", source: "record", confirmed: false });
    // L1 junctional 3, L2–L4 mobile 2
    expect(r.sins.items.location).toMatchObject({ min: 2, max: 3, points: null, candidates: ["L1", "L2", "L3", "L4"] });
  });

  it("age 19: outside the study population", () => {
    const r = reportOf("age-19");
    expect(r.patient.age).toBe(19);
    expect(r.applicability.inStudyPopulation).toBe(false);
    expect(r.applicability.reasons.map((m) => en(m)).join(" ")).toMatch(/age 19/);
  });

  it("coccyx alone: no segment group, SINS location unknown, reported as outside SINS", () => {
    const r = reportOf("coccyx");
    expect(r.segmentGroup.group).toBeNull();
    expect(r.segmentGroup.levels).toEqual(["Coccyx"]);
    expect(r.sins.items.location).toMatchObject({ min: 0, max: 3, points: null, source: "missing" });
    expect(codes(r)).toContain("coccyx");
    // the coccyx is not a vertebral body counted by Tokuhashi item 3
    expect(r.tokuhashi.items.vertebralBodyMets).toMatchObject({ min: 0, max: 2, source: "missing" });
    expect(r.qol.expected.group).toBeNull();
  });
});

describe("scores from the record", () => {
  it("cervical patient: SINS 3–18, Tokuhashi 6–13 with KPS 60 (valueQuantity) and a breast primary", () => {
    const r = reportOf("cervical-c7-t1");
    // C7 and T1 are both junctional: 3 points whichever is scored
    expect(r.sins.items.location).toMatchObject({ points: 3, value: null, candidates: ["C7", "T1"], source: "record" });
    expect(r.sins).toMatchObject({ total: null, min: 3, max: 18, category: null });
    const t = r.tokuhashi.items;
    expect(t.generalCondition).toMatchObject({ value: "moderate", points: 1, source: "record", confirmed: false });
    expect(t.generalCondition.provenance[0]).toMatchObject({
      reference: "Observation/kps",
      code: "http://loinc.org|89243-0",
    });
    expect(t.extraspinalBoneMets).toMatchObject({ min: 0, max: 2, source: "missing", suggestion: { value: "0" } });
    expect(t.vertebralBodyMets).toMatchObject({ candidates: ["2", "3+"], min: 0, max: 1 });
    expect(t.visceralMets).toMatchObject({ min: 0, max: 2, source: "missing", suggestion: { value: "none" } });
    expect(t.primarySite).toMatchObject({ value: "breast", points: 5 });
    expect(t.palsy).toMatchObject({ min: 0, max: 2, source: "missing" });
    expect(r.tokuhashi).toMatchObject({ total: null, min: 6, max: 13, prognosis: null, version: "revised-2005" });
    expect(r.qol.timepoints).toHaveLength(1);
    expect(r.qol.timepoints[0]).toMatchObject({ timepoint: "other", date: "2024-05-01", kps: 60 });
    expect(r.qol.expected.group).toBe("cervical");
  });

  it("T10 with a lung primary: Tokuhashi 0–10 (2+2+2+2+0+2)", () => {
    const r = reportOf("thoracic-t10");
    expect(r.sins.items.location).toMatchObject({ points: 1, value: "T10" });
    expect(r.tokuhashi.items.primarySite).toMatchObject({ value: "lung", points: 0 });
    expect(r.tokuhashi).toMatchObject({ total: null, min: 0, max: 10, prognosis: null });
  });

  it("T10–T11 spans semirigid and junctional: a range until the clinician picks; kidney (WHO C64) = 3", () => {
    const r = reportOf("tl-t10-t11");
    expect(r.sins.items.location).toMatchObject({ min: 1, max: 3, points: null, candidates: ["T10", "T11"] });
    expect(en(r.sins.items.location.context)).toMatch(/different location classes/);
    expect(r.tokuhashi.items.primarySite).toMatchObject({ value: "kidney", points: 3 });
    expect(r.tokuhashi).toMatchObject({ min: 3, max: 12 });
  });

  it("visceral, extraspinal and ambiguous primary (rectosigmoid)", () => {
    const r = reportOf("visceral-extraspinal");
    const t = r.tokuhashi.items;
    expect(t.generalCondition).toMatchObject({ value: "moderate" }); // LA29180-9 = KPS 50
    expect(t.extraspinalBoneMets).toMatchObject({ candidates: ["1-2", "3+"], min: 0, max: 1, confirmed: false });
    expect(en(t.extraspinalBoneMets.context)).toMatch(/At least 2/);
    expect(t.visceralMets).toMatchObject({
      candidates: ["unremovable", "removable"],
      min: 0,
      max: 1,
      suggestion: null,
    });
    expect(en(t.visceralMets.context)).toMatch(/lung/);
    expect(en(t.visceralMets.context)).toMatch(/pleura/);
    expect(en(t.visceralMets.context)).not.toMatch(/liver/); // the refuted liver metastasis is ignored
    expect(t.primarySite).toMatchObject({ candidates: ["others", "rectum"], min: 2, max: 4, value: null });
    expect(r.tokuhashi).toMatchObject({ min: 3, max: 11, prognosis: null });
    expect(r.diagnostics.find((d) => d.resource === "Condition/refuted-liver")?.code).toBe("ignored-status");
  });

  it("no data at all: full ranges, suggestions where only absence speaks", () => {
    const r = reportOf("no-data");
    expect(r.patient.age).toBe(55);
    expect(r.segmentGroup).toMatchObject({ group: null, levels: [] });
    expect(r.applicability.inStudyPopulation).toBeNull();
    expect(r.sins).toMatchObject({ total: null, min: 0, max: 18, category: null });
    expect(r.tokuhashi).toMatchObject({ total: null, min: 0, max: 15, prognosis: null });
    for (const item of Object.values(r.tokuhashi.items)) expect(item.source).toBe("missing");
    expect(r.tokuhashi.items.visceralMets.suggestion?.value).toBe("none");
    expect(r.tokuhashi.items.extraspinalBoneMets.suggestion?.value).toBe("0");
    expect(r.tokuhashi.items.primarySite.suggestion).toBeNull();
    expect(r.qol.timepoints).toEqual([]);
  });
});

describe("performance status evidence", () => {
  it("same-day conflicting ECOG: reported, no suggestion, and not shown on that day's timepoint", () => {
    const r = reportOf("ecog-conflict");
    const gc = r.tokuhashi.items.generalCondition;
    expect(gc).toMatchObject({ source: "missing", min: 0, max: 2, suggestion: null });
    expect(en(gc.context)).toMatch(/Different ECOG values on 2024-06-01/);
    expect(codes(r)).toContain("conflict");
    const byDate = Object.fromEntries(r.qol.timepoints.map((t) => [String(t.date), t.ecog] as const));
    expect(byDate).toEqual({ "2024-03-01": 0, "2024-06-01": null });
  });

  it("entered-in-error KPS is ignored: the earlier final KPS 50 counts", () => {
    const r = reportOf("kps-entered-in-error");
    expect(r.tokuhashi.items.generalCondition).toMatchObject({ value: "moderate", points: 1 });
    expect(r.diagnostics.find((d) => d.resource === "Observation/kps-eie")?.code).toBe("ignored-status");
    expect(r.qol.timepoints.map((t) => t.kps)).toEqual([50]);
  });

  it("preliminary KPS: shown but flagged", () => {
    const r = reportOf("kps-preliminary");
    const gc = r.tokuhashi.items.generalCondition;
    expect(gc).toMatchObject({ value: "good", points: 2, confirmed: false });
    expect(en(gc.context)).toMatch(/Preliminary/);
    expect(en(gc.provenance[0]?.note)).toBe("preliminary result");
    expect(codes(r)).toContain("preliminary");
  });

  it("the app's Tokuhashi questionnaire newer than the record wins (source questionnaire)", () => {
    const r = reportOf("questionnaire-newer");
    const t = r.tokuhashi.items;
    expect(t.generalCondition).toMatchObject({ value: "good", source: "questionnaire", confirmed: true });
    expect(t.generalCondition.provenance[0]?.reference).toBe("QuestionnaireResponse/tok-qr");
    expect(t.visceralMets).toMatchObject({ value: "none", points: 2, source: "questionnaire" });
    expect(t.palsy).toMatchObject({ value: "D", points: 1, source: "questionnaire" });
    const preop = r.qol.timepoints.find((x) => x.timepoint === "preop");
    expect(preop).toMatchObject({ eqVas: 50, kps: 80, frankel: "D" });
    expect(preop?.eq5d?.profile).toBe("21232");
    expect(preop?.eq5d?.valueSet).toBe("Japan_cTTO_fullPrecision");
    expect(preop?.eq5d?.index).toBeCloseTo(0.684847, 6); // Japan cTTO (Shiroiwa 2016) 21232
    expect(r.qol.timepoints.find((x) => x.timepoint === "other")).toMatchObject({ date: "2024-05-01", kps: 50 });
  });
});

describe("codings: ICD-10-CM, WHO ICD-10 and SNOMED CT only give the same report", () => {
  for (const name of ["coding-icd10cm", "coding-who-icd10", "coding-snomed"]) {
    it(name, () => {
      const r = reportOf(name);
      expect(r.segmentGroup).toMatchObject({ group: "tl-l-s", levels: ["L2"] });
      expect(r.sins.items.location).toMatchObject({ value: "L2", points: 2 }); // mobile
      expect(r.tokuhashi.items.primarySite).toMatchObject({ value: "prostate", points: 5 });
      // ECOG 2 only: unknown, shown as context, labelled suggestion "moderate" (KPS 50–60)
      const gc = r.tokuhashi.items.generalCondition;
      expect(gc).toMatchObject({ source: "missing", min: 0, max: 2, suggestion: { value: "moderate" } });
      expect(en(gc.context)).toMatch(/ECOG 2/);
      expect(r.tokuhashi).toMatchObject({ min: 5, max: 15 });
      expect(r.qol.timepoints[0]?.ecog).toBe(2);
    });
  }
});
