/**
 * 10 000 generated malformed resources (wrong types, missing required fields, absurd values, huge strings)
 * through extraction: nothing throws, and each one is reported with a Diagnostic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport, extractEvidence } from "../../../src/extract";
import { NOW } from "./helpers";
import { en } from "../words";

const PID = "p1";
const HUGE = "x".repeat(1_000_000);
const APP_Q = "https://w3id.org/spine-met-qol/fhir/Questionnaire/tokuhashi";

/** Anything that is not the expected type of a field. */
const wrong = (not: "string" | "object" | "array" | "number"): fc.Arbitrary<unknown> => {
  const options: fc.Arbitrary<unknown>[] = [fc.boolean(), fc.constant(null)];
  if (not !== "string") options.push(fc.oneof(fc.string({ maxLength: 30 }), fc.constant(HUGE)));
  if (not !== "number") options.push(fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.constant(1e308)));
  if (not !== "array") options.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (not !== "object") options.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
  return fc.oneof(...options);
};

const kpsCode = { coding: [{ system: "http://loinc.org", code: "89243-0" }] };
const boneCode = { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C79.51" }] };
const id = fc.oneof(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constant(HUGE));

/** A final KPS 60 Observation with the given fields replaced by (or added as) broken ones. */
const kpsObservationWith = (broken: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({
    resourceType: fc.constant("Observation"),
    id,
    status: fc.constant("final"),
    code: fc.constant(kpsCode),
    valueInteger: fc.constant(60),
    ...broken,
  });

const observation = fc.oneof(
  fc.record({ resourceType: fc.constant("Observation"), id, status: fc.constant("final"), code: wrong("object") }),
  fc.record({ resourceType: fc.constant("Observation"), id, status: fc.constant("final") }),
  kpsObservationWith({ status: wrong("string") }),
  kpsObservationWith({ valueInteger: wrong("number") }),
  kpsObservationWith({ valueInteger: fc.oneof(fc.integer({ min: 101 }), fc.integer({ max: -1 }), fc.constant(55)) }),
  kpsObservationWith({
    effectiveDateTime: fc.oneof(
      fc.string({ maxLength: 20 }).filter((s) => !/^\d{4}/.test(s)),
      fc.constant(HUGE),
    ),
  }),
  kpsObservationWith({ subject: wrong("object") }),
  fc.record({
    resourceType: fc.constant("Observation"),
    id,
    status: fc.constant("final"),
    code: fc.constant({ coding: wrong("array") }),
  }),
);

const condition = fc.oneof(
  fc.record({
    resourceType: fc.constant("Condition"),
    id,
    code: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })),
  }),
  fc.record({ resourceType: fc.constant("Condition"), id, code: fc.constant(boneCode), bodySite: wrong("array") }),
  fc.record({ resourceType: fc.constant("Condition"), id, code: fc.constant(boneCode), recordedDate: wrong("string") }),
  fc.record({
    resourceType: fc.constant("Condition"),
    id,
    code: fc.constant(boneCode),
    verificationStatus: wrong("object"),
  }),
  fc.record({
    resourceType: fc.constant("Condition"),
    id,
    code: fc.constant({ coding: [{ system: wrong("string"), code: "C79.51" }] }),
  }),
);

const patient = fc.oneof(
  fc.record({ resourceType: fc.constant("Patient"), id: fc.constant(PID), birthDate: wrong("string") }),
  fc.record({ resourceType: fc.constant("Patient"), id: fc.constant(PID), birthDate: fc.constant("1990-13-45") }),
  fc.record({ resourceType: fc.constant("Patient"), id: fc.constant(PID), gender: wrong("string") }),
  fc.record({ resourceType: fc.constant("Patient"), id: fc.constant(PID), name: wrong("array") }),
  fc.record({ resourceType: fc.constant("Patient"), id: fc.oneof(fc.integer(), fc.constant(null), fc.constant([])) }),
);

const questionnaireResponse = fc.oneof(
  fc
    .record({ resourceType: fc.constant("QuestionnaireResponse"), id, questionnaire: wrong("string") })
    .filter((r) => r.questionnaire !== undefined),
  fc.record({
    resourceType: fc.constant("QuestionnaireResponse"),
    id,
    questionnaire: fc.constant(APP_Q),
    status: wrong("string"),
  }),
  fc.record({
    resourceType: fc.constant("QuestionnaireResponse"),
    id,
    questionnaire: fc.constant(APP_Q),
    status: fc.constant("completed"),
    item: wrong("array"),
  }),
  fc.record({
    resourceType: fc.constant("QuestionnaireResponse"),
    id,
    questionnaire: fc.constant(APP_Q),
    status: fc.constant("completed"),
    item: fc.constant([{ linkId: 5 }]),
  }),
  fc.record({
    resourceType: fc.constant("QuestionnaireResponse"),
    id,
    questionnaire: fc.constant(APP_Q),
    status: fc.constant("completed"),
    authored: fc.constant("yesterday"),
  }),
);

const notAResource = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.constant(HUGE),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.record({ resourceType: wrong("string") }),
  fc.record({ id: fc.string() }),
  fc.record({ resourceType: fc.constant(HUGE) }),
);

const malformed = fc.oneof(observation, condition, patient, questionnaireResponse, notAResource);

function reported(resource: unknown): boolean {
  const ev = extractEvidence([resource], PID);
  return ev.diagnostics.some((d) => d.severity !== "info" && d.code !== "patient-not-found");
}

describe("malformed resources", () => {
  it("10 000 generated malformed resources: no throw, each one reported", () => {
    fc.assert(
      fc.property(malformed, (r) => {
        expect(reported(r)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it("a mixed list: one report per malformed resource, and a full report still comes out", () => {
    const list = fc.sample(malformed, { numRuns: 2_000, seed: 42 });
    const ev = extractEvidence(list, PID);
    const perResource = ev.diagnostics.filter((d) => d.severity !== "info" && d.code !== "patient-not-found");
    expect(perResource.length).toBeGreaterThanOrEqual(list.length);
    const r = buildReport(list, PID, { now: NOW });
    expect(r.tokuhashi.max).toBeGreaterThanOrEqual(r.tokuhashi.min);
    for (const d of r.diagnostics) expect(en(d.message)?.length).toBeLessThan(2_000); // huge strings are never echoed whole
  });

  it("non-array input does not throw", () => {
    expect(extractEvidence(null as never, PID).diagnostics.map((d) => d.code)).toEqual(["patient-not-found"]);
    expect(() => buildReport(42 as never, PID, { now: NOW })).not.toThrow();
  });
});
