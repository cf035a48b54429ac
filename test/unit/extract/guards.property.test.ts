/** The fast structural checks never accept what the zod/mini schemas refuse (and accept well-formed resources). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { looksLikeCondition, looksLikeObservation, looksLikePatient } from "../../../src/extract/guards";
import { conditionSchema, observationSchema, patientSchema } from "../../../src/extract/schemas";
import { fixture } from "./helpers";

const value = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 8 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.constantFrom("2024-05-01", "2024-05-01T10:00:00+09:00", "2024", "2024-13-01", "final"), weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, null, true), weight: 1 },
);
const coding = fc.record({ system: value, code: value, display: value }, { requiredKeys: [] });
const cc = fc.oneof(fc.record({ coding: fc.oneof(fc.array(coding, { maxLength: 2 }), value), text: value }, { requiredKeys: [] }), value);
const ref = fc.oneof(fc.record({ reference: value }, { requiredKeys: [] }), value);
const qty = fc.oneof(fc.record({ value, unit: value }, { requiredKeys: [] }), value);

const observation = fc.record(
  {
    resourceType: fc.constantFrom("Observation", "Observation", "Observation", "Condition", 5),
    id: value,
    status: fc.oneof({ arbitrary: fc.constant("final"), weight: 5 }, { arbitrary: value, weight: 1 }),
    code: fc.oneof({ arbitrary: fc.record({ coding: fc.array(coding, { maxLength: 2 }) }, { requiredKeys: [] }), weight: 5 }, { arbitrary: cc, weight: 1 }),
    subject: ref,
    effectiveDateTime: value,
    effectivePeriod: fc.oneof(fc.record({ start: value, end: value }, { requiredKeys: [] }), value),
    valueInteger: value,
    valueQuantity: qty,
    valueCodeableConcept: cc,
    interpretation: fc.oneof(fc.array(cc, { maxLength: 2 }), value),
    referenceRange: fc.oneof(fc.array(fc.record({ high: qty }, { requiredKeys: [] }), { maxLength: 2 }), value),
    performer: fc.oneof(fc.array(ref, { maxLength: 2 }), value),
  },
  { requiredKeys: [] },
);

const condition = fc.record(
  {
    resourceType: fc.constantFrom("Condition", "Observation"),
    id: value,
    code: cc,
    clinicalStatus: cc,
    verificationStatus: cc,
    bodySite: fc.oneof(fc.array(cc, { maxLength: 2 }), value),
    subject: ref,
    recordedDate: value,
    onsetDateTime: value,
    extension: fc.oneof(fc.array(fc.record({ url: value, valueReference: ref, valueCodeableConcept: cc }, { requiredKeys: [] }), { maxLength: 2 }), value),
  },
  { requiredKeys: [] },
);

const patient = fc.record(
  {
    resourceType: fc.constantFrom("Patient", "Patient", "Observation"),
    id: value,
    birthDate: value,
    gender: value,
    name: fc.oneof(
      fc.array(fc.oneof(fc.record({ text: value, family: value, given: fc.oneof(fc.array(value, { maxLength: 2 }), value) }, { requiredKeys: [] }), value), { maxLength: 2 }),
      value,
    ),
    identifier: fc.oneof(
      fc.array(fc.oneof(fc.record({ type: cc, system: value, value }, { requiredKeys: [] }), value), { maxLength: 2 }),
      value,
    ),
  },
  { requiredKeys: [] },
);

/** A well-formed resource with up to three fields (top-level or nested) replaced by generated values. */
function mutated(base: Record<string, unknown>, paths: string[][]): fc.Arbitrary<unknown> {
  const edit = fc.tuple(fc.constantFrom(...paths), fc.oneof(value, cc, ref, qty));
  return fc.array(edit, { minLength: 0, maxLength: 3 }).map((edits) => {
    const copy = structuredClone(base);
    for (const [path, v] of edits) {
      let target: Record<string, unknown> = copy;
      for (const k of path.slice(0, -1)) {
        const next = target[k];
        if (typeof next !== "object" || next === null) break;
        target = next as Record<string, unknown>;
      }
      const last = path[path.length - 1] ?? "";
      target[last] = v;
    }
    return copy;
  });
}

const baseObservation = {
  resourceType: "Observation",
  id: "o1",
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "89243-0", display: "KPS" }], text: "KPS" },
  subject: { reference: "Patient/p1" },
  effectiveDateTime: "2024-05-01T10:00:00+09:00",
  effectivePeriod: { start: "2024-05-01", end: "2024-05-02" },
  performer: [{ reference: "Practitioner/1" }],
  valueInteger: 60,
  valueQuantity: { value: 60, unit: "%" },
  valueCodeableConcept: { coding: [{ system: "http://loinc.org", code: "LA29179-1" }] },
  interpretation: [{ coding: [{ system: "http://loinc.org", code: "LA29179-1" }] }],
  referenceRange: [{ high: { value: 100 } }],
};
const observationPaths = [
  ...Object.keys(baseObservation).map((k) => [k]),
  ["code", "coding"], ["code", "text"], ["subject", "reference"], ["effectivePeriod", "start"], ["valueQuantity", "value"],
  ["valueQuantity", "unit"], ["performer", "0"], ["interpretation", "0"], ["referenceRange", "0"],
];
const baseCondition = {
  resourceType: "Condition",
  id: "c1",
  code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] },
  clinicalStatus: { coding: [{ code: "active" }] },
  verificationStatus: { coding: [{ code: "confirmed" }] },
  bodySite: [{ coding: [{ system: "http://snomed.info/sct", code: "36470004" }], text: "L3" }],
  subject: { reference: "Patient/p1" },
  recordedDate: "2024-04-20",
  onsetDateTime: "2024-04-01",
  onsetPeriod: { start: "2024-04-01" },
  asserter: { reference: "Practitioner/1" },
  extension: [{ url: "http://hl7.org/fhir/StructureDefinition/condition-related", valueReference: { reference: "Condition/p" } }],
};
const conditionPaths = [
  ...Object.keys(baseCondition).map((k) => [k]),
  ["code", "coding"], ["bodySite", "0"], ["onsetPeriod", "start"], ["extension", "0"], ["asserter", "reference"],
];

const basePatient = {
  resourceType: "Patient",
  id: "p1",
  birthDate: "1950-06-15",
  gender: "female",
  name: [{ family: "Yamada", given: ["Hanako"], text: "Yamada Hanako" }],
  identifier: [{ type: { coding: [{ code: "MR" }] }, system: "urn:mrn", value: "12345" }],
};
const patientPaths = [
  ...Object.keys(basePatient).map((k) => [k]),
  ["name", "0"], ["name", "0", "given"], ["name", "0", "family"], ["identifier", "0"], ["identifier", "0", "type"], ["identifier", "0", "value"],
];

function agrees(
  arb: fc.Arbitrary<unknown>,
  looks: (x: unknown) => boolean,
  schema: typeof observationSchema | typeof conditionSchema | typeof patientSchema,
): { accepted: number; refused: number } {
  let accepted = 0;
  let refused = 0;
  fc.assert(
    fc.property(arb, (r) => {
      if (!looks(r)) {
        refused++;
        return;
      }
      accepted++;
      expect(z.safeParse(schema, r).success).toBe(true);
    }),
    { numRuns: 5_000 },
  );
  return { accepted, refused };
}

describe("fast structural checks", () => {
  it("Observation: accepted by the check ⇒ accepted by the zod schema", () => {
    const a = agrees(fc.oneof(observation, mutated(baseObservation, observationPaths)), looksLikeObservation, observationSchema);
    expect(a.accepted).toBeGreaterThan(500); // both paths are exercised
    expect(a.refused).toBeGreaterThan(500);
  });

  it("Condition: accepted by the check ⇒ accepted by the zod schema", () => {
    const a = agrees(fc.oneof(condition, mutated(baseCondition, conditionPaths)), looksLikeCondition, conditionSchema);
    expect(a.accepted).toBeGreaterThan(500);
    expect(a.refused).toBeGreaterThan(500);
  });

  it("Patient: accepted by the check ⇒ accepted by the zod schema", () => {
    const a = agrees(fc.oneof(patient, mutated(basePatient, patientPaths)), looksLikePatient, patientSchema);
    expect(a.accepted).toBeGreaterThan(500);
    expect(a.refused).toBeGreaterThan(500);
  });

  it("well-formed fixture resources take the fast path", () => {
    const all = ["cervical-c7-t1", "visceral-extraspinal", "ecog-conflict"].flatMap(fixture) as { resourceType: string }[];
    for (const r of all) {
      if (r.resourceType === "Observation") expect(looksLikeObservation(r)).toBe(true);
      if (r.resourceType === "Condition") expect(looksLikeCondition(r)).toBe(true);
      if (r.resourceType === "Patient") expect(looksLikePatient(r)).toBe(true);
    }
  });
});
