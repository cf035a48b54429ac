/** Random well-formed charts: the report never throws and its figures are coherent with the rules. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { NOW } from "./helpers";

const P = "p1";
const SCT = "http://snomed.info/sct";
const LEVEL_CODES: Record<string, string> = {
  C3: "113205007",
  C7: "87391001",
  T1: "64864005",
  T5: "56401006",
  T10: "7610001",
  T11: "12989004",
  L3: "36470004",
  S2: "11808007",
  Coccyx: "64688005",
};
const CERVICAL = new Set(["C3", "C7"]);
const TLLS = new Set(["T11", "L3", "S2"]);

const level = fc.constantFrom(...Object.keys(LEVEL_CODES));
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2024-05-${String(d).padStart(2, "0")}`);
const lesion = fc.record({ levels: fc.uniqueArray(level, { minLength: 1, maxLength: 3 }), day });
const kps = fc.record({
  value: fc.integer({ min: 1, max: 10 }).map((x) => x * 10),
  day,
  status: fc.constantFrom("final", "preliminary", "entered-in-error", "amended"),
});
const ecog = fc.record({ value: fc.integer({ min: 0, max: 5 }), day });
const other = fc.constantFrom(
  ["http://hl7.org/fhir/sid/icd-10-cm", "C78.01"],
  ["http://hl7.org/fhir/sid/icd-10", "C78.2"],
  ["http://hl7.org/fhir/sid/icd-10-cm", "C53.9"],
  ["http://hl7.org/fhir/sid/icd-10-cm", "C34.1"],
  ["http://hl7.org/fhir/sid/icd-10", "C80.9"],
  [SCT, "128462008"],
);

const chart = fc.record({
  lesions: fc.array(lesion, { maxLength: 3 }),
  kps: fc.array(kps, { maxLength: 3 }),
  ecog: fc.array(ecog, { maxLength: 3 }),
  others: fc.array(other, { maxLength: 4 }),
  birth: fc.integer({ min: 1930, max: 2010 }).map((y) => `${y}-06-15`),
});

type Chart = typeof chart extends fc.Arbitrary<infer T> ? T : never;

function resources(c: Chart): unknown[] {
  const out: unknown[] = [{ resourceType: "Patient", id: P, birthDate: c.birth }];
  c.lesions.forEach((l, i) =>
    out.push({
      resourceType: "Condition",
      id: `les${i}`,
      code: { coding: [{ system: SCT, code: "94222008" }] },
      bodySite: l.levels.map((x) => ({ coding: [{ system: SCT, code: LEVEL_CODES[x] }] })),
      subject: { reference: `Patient/${P}` },
      recordedDate: l.day,
    }),
  );
  c.kps.forEach((k, i) =>
    out.push({
      resourceType: "Observation",
      id: `k${i}`,
      status: k.status,
      code: { coding: [{ system: "http://loinc.org", code: "89243-0" }] },
      subject: { reference: `Patient/${P}` },
      effectiveDateTime: k.day,
      valueInteger: k.value,
    }),
  );
  c.ecog.forEach((e, i) =>
    out.push({
      resourceType: "Observation",
      id: `e${i}`,
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "89247-1" }] },
      subject: { reference: `Patient/${P}` },
      effectiveDateTime: e.day,
      valueInteger: e.value,
    }),
  );
  c.others.forEach(([system, code], i) =>
    out.push({
      resourceType: "Condition",
      id: `o${i}`,
      code: { coding: [{ system, code }] },
      subject: { reference: `Patient/${P}` },
    }),
  );
  return out;
}

describe("random charts", () => {
  it("reports are coherent: ranges, totals, segment group rule, KPS from 89243-0 only", () => {
    fc.assert(
      fc.property(chart, (c) => {
        const r = buildReport(resources(c), P, { now: NOW });
        for (const score of [r.sins, r.tokuhashi]) {
          expect(score.min).toBeLessThanOrEqual(score.max);
          expect(score.total === null).toBe(score.min !== score.max);
        }
        const levels = new Set(c.lesions.flatMap((l) => l.levels));
        const expected = [...levels].some((l) => CERVICAL.has(l))
          ? "cervical"
          : [...levels].some((l) => TLLS.has(l))
            ? "tl-l-s"
            : [...levels].some((l) => l === "T1" || l === "T5" || l === "T10")
              ? "thoracic"
              : null;
        expect(r.segmentGroup.group).toBe(expected);
        const counted = c.kps.filter((k) => k.status !== "entered-in-error");
        if (counted.length === 0) expect(r.tokuhashi.items.generalCondition.source).toBe("missing");
        else expect(r.tokuhashi.items.generalCondition.source).toBe("record");
        const age = 2024 - Number(c.birth.slice(0, 4)); // born 15 June, report 1 January 2025
        expect(r.patient.age).toBe(age);
        if (age < 20) expect(r.applicability.inStudyPopulation).toBe(false);
        else if (levels.size === 0) expect(r.applicability.inStudyPopulation).toBeNull();
      }),
      { numRuns: 1_000 },
    );
  });
});
