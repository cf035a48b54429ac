/**
 * Issue 12 item 4: the study's population from every spinal metastasis on file (Segi et al. 2025: 1–3 contiguous
 * vertebrae, age ≥ 20). Hand-worked: inactive metastases count, an unlevelled spinal metastasis beside levelled ones
 * makes the answer unknown, separate Conditions on adjacent levels are one lesion, and the reasons say why.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { clinical, condition, LEVEL, LUMBAR_SPINE, P, patient, SCT, BONE_MET, spinalMet } from "./issue12-helpers";
import { en } from "../words";

const NOW = new Date("2025-06-30T00:00:00Z");
const report = (...resources: unknown[]) => buildReport(resources, P, { now: NOW });
const lumbarUnlevelled = (id: string) =>
  condition(id, [[SCT, BONE_MET]], { bodySite: [{ coding: [{ system: SCT, code: LUMBAR_SPINE }] }] });

describe("the study population (issue 12 item 4)", () => {
  it("T5 with a level plus a lumbar-spine metastasis without one: unknown, and the reason says why", () => {
    const r = report(patient(), spinalMet("t5", [LEVEL.T5]), lumbarUnlevelled("lumbar"));
    expect(r.applicability.inStudyPopulation).toBeNull();
    expect(r.applicability.reasons.map((m) => en(m))).toEqual([
      "a spinal metastasis without a coded level (Condition/lumbar) is on file besides T5: whether all lie in 1–3 contiguous vertebrae is unknown",
      "planned en bloc resection not yet answered: the study excluded total en bloc spondylectomy",
    ]);
    // The segment group still comes from the level on file.
    expect(r.segmentGroup.group).toBe("thoracic");
    expect(r.segmentGroup.levels).toEqual(["T5"]);
  });

  it("an inactive T5 plus an active L2: not contiguous → outside the study population", () => {
    const r = report(patient(), spinalMet("t5", [LEVEL.T5], clinical("resolved")), spinalMet("l2", [LEVEL.L2]));
    expect(r.applicability.inStudyPopulation).toBe(false);
    expect(r.applicability.reasons.map((m) => en(m))).toEqual([
      "non-contiguous levels (T5, L2): the study included 1–3 contiguous vertebrae",
      "planned en bloc resection not yet answered: the study excluded total en bloc spondylectomy",
      "inactive spinal metastases (T5) are counted with the others: the study included 1–3 contiguous vertebrae",
    ]);
    // Segment group from every level on file: T5 and L2 → TL/L/S (any of T11–S5).
    expect(r.segmentGroup).toMatchObject({ group: "tl-l-s", levels: ["T5", "L2"] });
    // The Tokuhashi vertebral count is the active ones only (at least 1 → 0–2 points).
    expect(r.tokuhashi.items.vertebralBodyMets.candidates).toEqual(["1", "2", "3+"]);
    expect(en(r.diagnostics.find((d) => d.resource === "Condition/t5")?.message)).toBe(
      "Condition/t5 is resolved: not counted in the scores; counted for the study population",
    );
  });

  it("separate Conditions on adjacent levels are one lesion: T5 and T6 → 2 contiguous vertebrae, within", () => {
    const r = report(patient(), spinalMet("t5", [LEVEL.T5]), spinalMet("t6", [LEVEL.T6]));
    expect(r.applicability.inStudyPopulation).toBe(true);
    expect(en(r.applicability.reasons[0])).toBe(
      "2 contiguous vertebrae (T5–T6) and age 70: within the study population (1–3 contiguous vertebrae, age 20 or older)",
    );
  });

  it("age unknown: unknown, and the first reason says so (not 'no level')", () => {
    const r = report(patient(null), spinalMet("t5", [LEVEL.T5]));
    expect(r.applicability.inStudyPopulation).toBeNull();
    expect(en(r.applicability.reasons[0])).toBe("age unknown: the study included patients aged 20 years or older");
  });

  it("age unknown and an unlevelled metastasis: both reasons, the unlevelled one first", () => {
    const r = report(patient(null), spinalMet("t5", [LEVEL.T5]), lumbarUnlevelled("lumbar"));
    expect(r.applicability.inStudyPopulation).toBeNull();
    expect(r.applicability.reasons.slice(0, 2).map((m) => en(m))).toEqual([
      "a spinal metastasis without a coded level (Condition/lumbar) is on file besides T5: whether all lie in 1–3 contiguous vertebrae is unknown",
      "age unknown: the study included patients aged 20 years or older",
    ]);
  });

  it("an unlevelled metastasis beside levels that already exclude: still false, the unlevelled one noted", () => {
    const r = report(patient(), spinalMet("t5", [LEVEL.T5]), spinalMet("l2", [LEVEL.L2]), lumbarUnlevelled("lumbar"));
    expect(r.applicability.inStudyPopulation).toBe(false);
    expect(r.applicability.reasons.map((m) => en(m))).toContain(
      "a spinal metastasis without a coded level (Condition/lumbar) is on file besides T5, L2: whether all lie in 1–3 contiguous vertebrae is unknown",
    );
  });

  it("only an unlevelled metastasis: no level is known", () => {
    const r = report(patient(), lumbarUnlevelled("lumbar"));
    expect(r.applicability.inStudyPopulation).toBeNull();
    expect(en(r.applicability.reasons[0])).toBe(
      "no spinal metastasis level is known: the study included 1–3 contiguous vertebrae",
    );
  });

  it("one active T5 alone: within (the control)", () => {
    expect(report(patient(), spinalMet("t5", [LEVEL.T5])).applicability.inStudyPopulation).toBe(true);
  });
});
