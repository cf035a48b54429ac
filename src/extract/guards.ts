/**
 * Fast structural checks that accept a subset of what the zod/mini schemas accept (schemas.ts), for the two
 * resource types a chart holds by the thousand. A resource that passes is used as is; one that fails goes
 * through the zod schema, which either accepts it or names the path and the reason. The zod schemas stay the
 * definition; test/unit/extract/guards.property.test.ts checks that nothing passes here that zod refuses.
 */
import { isObject } from "./fhir";
import { FHIR_DATE_RE, type ConditionData, type ObservationData } from "./schemas";

type Check = (x: unknown) => boolean;

const optional = (check: Check): Check => (x) => x === undefined || check(x);
const isString: Check = (x) => typeof x === "string";
const isNumber: Check = (x) => typeof x === "number" && Number.isFinite(x);
const isDate: Check = (x) => typeof x === "string" && x.length <= 64 && FHIR_DATE_RE.test(x);
const arrayOf = (check: Check): Check => (x) => {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!check(x[i])) return false;
  return true;
};

/**
 * An object whose listed fields pass their checks. The keys and checks are kept in two flat arrays walked by
 * index: this runs for every relevant resource, and iterating `Object.entries` pairs (an iterator and a
 * destructured pair per field) cost more than the checks themselves.
 */
function fields(shape: Record<string, Check>): Check {
  const keys = Object.keys(shape);
  const checks = keys.map((k) => shape[k] ?? (() => false));
  const n = keys.length;
  return (x) => {
    if (!isObject(x)) return false;
    for (let i = 0; i < n; i++) if (!(checks[i] as Check)(x[keys[i] as string])) return false;
    return true;
  };
}

const coding = fields({ system: optional(isString), code: optional(isString), display: optional(isString) });
const codeableConcept = fields({ coding: optional(arrayOf(coding)), text: optional(isString) });
const reference = fields({ reference: optional(isString), display: optional(isString) });
const quantity = fields({ value: optional(isNumber), unit: optional(isString), code: optional(isString), system: optional(isString) });
const period = fields({ start: optional(isDate), end: optional(isDate) });
const extension = fields({ url: isString, valueReference: optional(reference), valueCodeableConcept: optional(codeableConcept) });

const observation = fields({
  resourceType: (x) => x === "Observation",
  id: optional(isString),
  status: isString,
  code: codeableConcept,
  subject: optional(reference),
  effectiveDateTime: optional(isDate),
  effectiveInstant: optional(isDate),
  effectivePeriod: optional(period),
  issued: optional(isDate),
  performer: optional(arrayOf(reference)),
  valueInteger: optional(isNumber),
  valueQuantity: optional(quantity),
  valueCodeableConcept: optional(codeableConcept),
  interpretation: optional(arrayOf(codeableConcept)),
  referenceRange: optional(arrayOf(fields({ low: optional(quantity), high: optional(quantity), text: optional(isString) }))),
});

const condition = fields({
  resourceType: (x) => x === "Condition",
  id: optional(isString),
  code: optional(codeableConcept),
  clinicalStatus: optional(codeableConcept),
  verificationStatus: optional(codeableConcept),
  bodySite: optional(arrayOf(fields({ coding: optional(arrayOf(coding)), text: optional(isString), extension: optional(arrayOf(extension)) }))),
  subject: optional(reference),
  recordedDate: optional(isDate),
  onsetDateTime: optional(isDate),
  onsetPeriod: optional(period),
  asserter: optional(reference),
  recorder: optional(reference),
  extension: optional(arrayOf(extension)),
});

export function looksLikeObservation(x: unknown): x is ObservationData {
  return observation(x);
}

export function looksLikeCondition(x: unknown): x is ConditionData {
  return condition(x);
}
