/** The fast structural checks never accept what the zod/mini schemas refuse (and accept well-formed resources). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import {
  isFhirDateText,
  looksLikeCondition,
  looksLikeObservation,
  looksLikePatient,
  looksLikeQuestionnaireResponse,
} from "../../../src/extract/guards";
import {
  conditionSchema,
  FHIR_DATE_RE,
  observationSchema,
  patientSchema,
  questionnaireResponseSchema,
} from "../../../src/extract/schemas";
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
const cc = fc.oneof(
  fc.record({ coding: fc.oneof(fc.array(coding, { maxLength: 2 }), value), text: value }, { requiredKeys: [] }),
  value,
);
const ref = fc.oneof(fc.record({ reference: value }, { requiredKeys: [] }), value);
const qty = fc.oneof(fc.record({ value, unit: value }, { requiredKeys: [] }), value);

const observation = fc.record(
  {
    resourceType: fc.constantFrom("Observation", "Observation", "Observation", "Condition", 5),
    id: value,
    status: fc.oneof({ arbitrary: fc.constant("final"), weight: 5 }, { arbitrary: value, weight: 1 }),
    code: fc.oneof(
      { arbitrary: fc.record({ coding: fc.array(coding, { maxLength: 2 }) }, { requiredKeys: [] }), weight: 5 },
      { arbitrary: cc, weight: 1 },
    ),
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
    extension: fc.oneof(
      fc.array(fc.record({ url: value, valueReference: ref, valueCodeableConcept: cc }, { requiredKeys: [] }), {
        maxLength: 2,
      }),
      value,
    ),
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
      fc.array(
        fc.oneof(
          fc.record(
            { text: value, family: value, given: fc.oneof(fc.array(value, { maxLength: 2 }), value) },
            { requiredKeys: [] },
          ),
          value,
        ),
        { maxLength: 2 },
      ),
      value,
    ),
    identifier: fc.oneof(
      fc.array(fc.oneof(fc.record({ type: cc, system: value, value }, { requiredKeys: [] }), value), { maxLength: 2 }),
      value,
    ),
  },
  { requiredKeys: [] },
);

const answer = fc.oneof(
  fc.record(
    {
      valueBoolean: fc.oneof(fc.boolean(), value),
      valueCoding: fc.oneof(coding, value),
      valueInteger: value,
      valueDecimal: value,
      valueString: value,
      valueDate: value,
      valueDateTime: value,
    },
    { requiredKeys: [] },
  ),
  value,
);
const qrItem = fc.letrec<{ item: unknown }>((tie) => ({
  item: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record(
      {
        linkId: fc.oneof({ arbitrary: fc.constant("timepoint"), weight: 4 }, { arbitrary: value, weight: 1 }),
        text: value,
        answer: fc.oneof(fc.array(answer, { maxLength: 2 }), value),
      },
      { requiredKeys: [] },
    ),
    fc.record(
      { linkId: value, answer: fc.array(answer, { maxLength: 2 }), item: fc.array(tie("item"), { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    value,
  ),
})).item;
const questionnaireResponse = fc.record(
  {
    resourceType: fc.constantFrom("QuestionnaireResponse", "QuestionnaireResponse", "Observation"),
    id: value,
    meta: fc.oneof(fc.record({ source: value }, { requiredKeys: [] }), value),
    text: fc.oneof(fc.record({ status: value, div: value }, { requiredKeys: [] }), value),
    identifier: fc.oneof(fc.record({ system: value, value }, { requiredKeys: [] }), value),
    questionnaire: fc.oneof(
      { arbitrary: fc.constant("https://x.example/Questionnaire/sins|1"), weight: 4 },
      { arbitrary: value, weight: 1 },
    ),
    status: fc.oneof({ arbitrary: fc.constant("completed"), weight: 4 }, { arbitrary: value, weight: 1 }),
    subject: ref,
    encounter: ref,
    authored: value,
    author: ref,
    source: ref,
    item: fc.oneof(fc.array(qrItem, { maxLength: 3 }), value),
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
  ["code", "coding"],
  ["code", "text"],
  ["subject", "reference"],
  ["effectivePeriod", "start"],
  ["valueQuantity", "value"],
  ["valueQuantity", "unit"],
  ["performer", "0"],
  ["interpretation", "0"],
  ["referenceRange", "0"],
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
  extension: [
    { url: "http://hl7.org/fhir/StructureDefinition/condition-related", valueReference: { reference: "Condition/p" } },
  ],
};
const conditionPaths = [
  ...Object.keys(baseCondition).map((k) => [k]),
  ["code", "coding"],
  ["bodySite", "0"],
  ["onsetPeriod", "start"],
  ["extension", "0"],
  ["asserter", "reference"],
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
  ["name", "0"],
  ["name", "0", "given"],
  ["name", "0", "family"],
  ["identifier", "0"],
  ["identifier", "0", "type"],
  ["identifier", "0", "value"],
];

const baseQuestionnaireResponse = {
  resourceType: "QuestionnaireResponse",
  id: "q1",
  meta: { source: "https://x.example/app" },
  text: { status: "generated", div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' },
  identifier: { system: "https://x.example/id", value: "6f1c2e9a" },
  questionnaire: "https://x.example/Questionnaire/tokuhashi|1.0.0",
  status: "completed",
  subject: { reference: "Patient/p1" },
  encounter: { reference: "Encounter/e1" },
  authored: "2024-05-01T10:00:00+09:00",
  author: { reference: "Practitioner/1" },
  source: { reference: "Patient/p1" },
  item: [
    {
      linkId: "timepoint",
      text: "Timepoint",
      answer: [
        { valueCoding: { system: "https://x.example/CodeSystem/c", code: "timepoint.preop" } },
        { valueBoolean: true },
      ],
    },
    { linkId: "timepoint-date", answer: [{ valueDate: "2024-05-01" }] },
    {
      linkId: "group",
      item: [
        { linkId: "tokuhashi-kps", answer: [{ valueInteger: 60 }] },
        { linkId: "note", answer: [{ valueString: "x", valueDecimal: 1.5, valueDateTime: "2024-05-01T10:00:00Z" }] },
      ],
    },
  ],
};
const questionnaireResponsePaths = [
  ...Object.keys(baseQuestionnaireResponse).map((k) => [k]),
  ["item", "0"],
  ["item", "0", "linkId"],
  ["item", "0", "text"],
  ["item", "0", "answer"],
  ["item", "0", "answer", "0"],
  ["item", "0", "answer", "0", "valueCoding"],
  ["item", "0", "answer", "1", "valueBoolean"],
  ["meta", "source"],
  ["text", "status"],
  ["text", "div"],
  ["identifier", "value"],
  ["encounter", "reference"],
  ["source", "reference"],
  ["item", "1", "answer", "0", "valueDate"],
  ["item", "2", "item"],
  ["item", "2", "item", "0", "answer", "0", "valueInteger"],
  ["item", "2", "item", "1", "answer", "0", "valueDateTime"],
  ["subject", "reference"],
];

function agrees(
  arb: fc.Arbitrary<unknown>,
  looks: (x: unknown) => boolean,
  schema: typeof observationSchema | typeof conditionSchema | typeof patientSchema | typeof questionnaireResponseSchema,
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
    const a = agrees(
      fc.oneof(observation, mutated(baseObservation, observationPaths)),
      looksLikeObservation,
      observationSchema,
    );
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

  it("QuestionnaireResponse: accepted by the check ⇒ accepted by the zod schema", () => {
    const a = agrees(
      fc.oneof(questionnaireResponse, mutated(baseQuestionnaireResponse, questionnaireResponsePaths)),
      looksLikeQuestionnaireResponse,
      questionnaireResponseSchema,
    );
    expect(a.accepted).toBeGreaterThan(500);
    expect(a.refused).toBeGreaterThan(500);
  });

  it("items nested deeper than the check follows go to zod, which reads them", () => {
    let item: Record<string, unknown> = { linkId: "leaf", answer: [{ valueInteger: 1 }] };
    for (let i = 0; i < 40; i++) item = { linkId: `g${i}`, item: [item] };
    const deep = { ...baseQuestionnaireResponse, item: [item] };
    expect(looksLikeQuestionnaireResponse(deep)).toBe(false);
    expect(z.safeParse(questionnaireResponseSchema, deep).success).toBe(true);
  });

  it("the date check written out by hand accepts exactly what FHIR_DATE_RE accepts", () => {
    const bases = [
      "2024",
      "2024-05",
      "2024-05-01",
      "2024-05-01T10:00",
      "2024-05-01T10:00:59",
      "2024-05-01T23:59:60.123456789Z",
      "2024-12-31T00:00:00+14:00",
      "2024-01-31T10:00:00.1-13:59",
    ];
    const chars = fc.constantFrom(..."0123456789-:T.Z+ t/\n٣");
    const edit = fc.tuple(fc.nat(), fc.constantFrom("replace", "insert", "delete"), chars);
    const text = fc.oneof(
      fc.tuple(fc.constantFrom(...bases), fc.array(edit, { maxLength: 3 })).map(([base, edits]) =>
        edits.reduce((s, [at, op, c]) => {
          const i = at % (s.length + 1);
          return op === "replace"
            ? s.slice(0, i) + c + s.slice(i + 1)
            : op === "insert"
              ? s.slice(0, i) + c + s.slice(i)
              : s.slice(0, i) + s.slice(i + 1);
        }, base),
      ),
      fc.string({ maxLength: 30 }),
    );
    let accepted = 0;
    fc.assert(
      fc.property(text, (s) => {
        const want = FHIR_DATE_RE.test(s);
        if (want) accepted++;
        expect(isFhirDateText(s)).toBe(want);
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(2_000);
    for (let h = 0; h < 100; h++) {
      for (const sign of ["+", "-"]) {
        const zone = `2024-05-01T10:00:00${sign}${String(h).padStart(2, "0")}:${String((h * 7) % 100).padStart(2, "0")}`;
        expect(isFhirDateText(zone)).toBe(FHIR_DATE_RE.test(zone));
      }
      const parts = `2024-${String(h).padStart(2, "0")}-${String(h).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(h).padStart(2, "0")}:${String(h).padStart(2, "0")}`;
      expect(isFhirDateText(parts)).toBe(FHIR_DATE_RE.test(parts));
    }
  });

  it("well-formed fixture resources take the fast path", () => {
    const all = ["cervical-c7-t1", "visceral-extraspinal", "ecog-conflict"].flatMap(fixture) as {
      resourceType: string;
    }[];
    for (const r of all) {
      if (r.resourceType === "Observation") expect(looksLikeObservation(r)).toBe(true);
      if (r.resourceType === "Condition") expect(looksLikeCondition(r)).toBe(true);
      if (r.resourceType === "Patient") expect(looksLikePatient(r)).toBe(true);
    }
    expect(looksLikeQuestionnaireResponse(baseQuestionnaireResponse)).toBe(true);
  });
});
