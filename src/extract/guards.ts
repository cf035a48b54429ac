/**
 * Fast structural checks that accept a subset of what the zod/mini schemas accept (schemas.ts), for the two
 * resource types a chart holds by the thousand (and for the Patient, read once per report). A resource that passes is used as is; one that fails goes
 * through the zod schema, which either accepts it or names the path and the reason. The zod schemas stay the
 * definition; test/unit/extract/guards.property.test.ts checks that nothing passes here that zod refuses.
 *
 * Written out field by field, as plain functions calling plain functions: they run on every relevant resource,
 * and a generic "check each entry of a shape" loop makes every call site see every check (megamorphic calls
 * that V8 cannot inline), which cost several times the checks themselves.
 */
import { isObject, type Json } from "./fhir";
import { FHIR_DATE_RE, type ConditionData, type ObservationData, type PatientData } from "./schemas";

function optString(x: unknown): boolean {
  return x === undefined || typeof x === "string";
}

function optNumber(x: unknown): boolean {
  return x === undefined || (typeof x === "number" && Number.isFinite(x));
}

function optDate(x: unknown): boolean {
  return x === undefined || (typeof x === "string" && x.length <= 64 && FHIR_DATE_RE.test(x));
}

/** Undefined, or an array every element of which passes `check`. */
function optArrayOf(x: unknown, check: (item: unknown) => boolean): boolean {
  if (x === undefined) return true;
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!check(x[i])) return false;
  return true;
}

function isCoding(x: unknown): boolean {
  return isObject(x) && optString(x.system) && optString(x.code) && optString(x.display);
}

/** The fields of a CodeableConcept, on an object already known to be one (bodySite adds `extension`). */
function conceptFields(x: Json): boolean {
  return optArrayOf(x.coding, isCoding) && optString(x.text);
}

function isCodeableConcept(x: unknown): boolean {
  return isObject(x) && conceptFields(x);
}

function optCodeableConcept(x: unknown): boolean {
  return x === undefined || isCodeableConcept(x);
}

function isReference(x: unknown): boolean {
  return isObject(x) && optString(x.reference) && optString(x.display);
}

function optReference(x: unknown): boolean {
  return x === undefined || isReference(x);
}

function optQuantity(x: unknown): boolean {
  if (x === undefined) return true;
  return isObject(x) && optNumber(x.value) && optString(x.unit) && optString(x.code) && optString(x.system);
}

function optPeriod(x: unknown): boolean {
  if (x === undefined) return true;
  return isObject(x) && optDate(x.start) && optDate(x.end);
}

function isExtension(x: unknown): boolean {
  return isObject(x) && typeof x.url === "string" && optReference(x.valueReference) && optCodeableConcept(x.valueCodeableConcept);
}

function isReferenceRange(x: unknown): boolean {
  return isObject(x) && optQuantity(x.low) && optQuantity(x.high) && optString(x.text);
}

function isBodySite(x: unknown): boolean {
  return isObject(x) && conceptFields(x) && optArrayOf(x.extension, isExtension);
}

export function looksLikeObservation(x: unknown): x is ObservationData {
  return (
    isObject(x) &&
    x.resourceType === "Observation" &&
    optString(x.id) &&
    typeof x.status === "string" &&
    isCodeableConcept(x.code) &&
    optReference(x.subject) &&
    optDate(x.effectiveDateTime) &&
    optDate(x.effectiveInstant) &&
    optPeriod(x.effectivePeriod) &&
    optDate(x.issued) &&
    optArrayOf(x.performer, isReference) &&
    optNumber(x.valueInteger) &&
    optQuantity(x.valueQuantity) &&
    optCodeableConcept(x.valueCodeableConcept) &&
    optArrayOf(x.interpretation, isCodeableConcept) &&
    optArrayOf(x.referenceRange, isReferenceRange)
  );
}

export function looksLikeCondition(x: unknown): x is ConditionData {
  return (
    isObject(x) &&
    x.resourceType === "Condition" &&
    optString(x.id) &&
    optCodeableConcept(x.code) &&
    optCodeableConcept(x.clinicalStatus) &&
    optCodeableConcept(x.verificationStatus) &&
    optArrayOf(x.bodySite, isBodySite) &&
    optReference(x.subject) &&
    optDate(x.recordedDate) &&
    optDate(x.onsetDateTime) &&
    optPeriod(x.onsetPeriod) &&
    optReference(x.asserter) &&
    optReference(x.recorder) &&
    optArrayOf(x.extension, isExtension)
  );
}

function isString(x: unknown): boolean {
  return typeof x === "string";
}

function isHumanName(x: unknown): boolean {
  return isObject(x) && optString(x.text) && optString(x.family) && optArrayOf(x.given, isString);
}

function isIdentifier(x: unknown): boolean {
  return isObject(x) && optCodeableConcept(x.type) && optString(x.system) && optString(x.value);
}

export function looksLikePatient(x: unknown): x is PatientData {
  return (
    isObject(x) &&
    x.resourceType === "Patient" &&
    optString(x.id) &&
    optDate(x.birthDate) &&
    optString(x.gender) &&
    optArrayOf(x.name, isHumanName) &&
    optArrayOf(x.identifier, isIdentifier)
  );
}
