/**
 * Fast structural checks that accept a subset of what the zod/mini schemas accept (schemas.ts), for the two
 * resource types a chart holds by the thousand, the app's own QuestionnaireResponses and the Patient (read once
 * per report). A resource that passes is used as is; one that fails goes
 * through the zod schema, which either accepts it or names the path and the reason. The zod schemas stay the
 * definition; test/unit/extract/guards.property.test.ts checks that nothing passes here that zod refuses.
 *
 * Written out field by field, as plain functions calling plain functions: they run on every relevant resource,
 * and a generic "check each entry of a shape" loop makes every call site see every check (megamorphic calls
 * that V8 cannot inline), which cost several times the checks themselves.
 */
import { isObject, type Json } from "./fhir";
import { type ConditionData, type ObservationData, type PatientData, type QuestionnaireResponseData } from "./schemas";

function optString(x: unknown): boolean {
  return x === undefined || typeof x === "string";
}

function optNumber(x: unknown): boolean {
  return x === undefined || (typeof x === "number" && Number.isFinite(x));
}

function optDate(x: unknown): boolean {
  return x === undefined || (typeof x === "string" && x.length <= 64 && isFhirDateText(x));
}

/** The ASCII digit at `i` (0–9), else -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at `i` forming a number from 0 to `max`, else -1. */
function twoDigits(s: string, i: number, max: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  if (a < 0 || b < 0) return -1;
  const n = a * 10 + b;
  return n <= max ? n : -1;
}

const DASH = 45;
const COLON = 58;

/**
 * FHIR_DATE_RE (schemas.ts) written out by hand: the same strings, without running the regular expression on every
 * date of a chart (test/unit/extract/guards.property.test.ts checks both agree).
 */
export function isFhirDateText(s: string): boolean {
  const n = s.length;
  if (n < 4 || digit(s, 0) < 0 || digit(s, 1) < 0 || digit(s, 2) < 0 || digit(s, 3) < 0) return false;
  if (n === 4) return true;
  // -MM: 01–12
  if (n < 7 || s.charCodeAt(4) !== DASH) return false;
  const month = twoDigits(s, 5, 12);
  if (month < 1) return false;
  if (n === 7) return true;
  // -DD: 01–31
  if (n < 10 || s.charCodeAt(7) !== DASH) return false;
  const day = twoDigits(s, 8, 31);
  if (day < 1) return false;
  if (n === 10) return true;
  // Thh:mm
  if (
    n < 16 ||
    s.charCodeAt(10) !== 84 ||
    twoDigits(s, 11, 23) < 0 ||
    s.charCodeAt(13) !== COLON ||
    twoDigits(s, 14, 59) < 0
  )
    return false;
  let i = 16;
  // :ss (00–60) and .fraction (1–9 digits)
  if (i < n && s.charCodeAt(i) === COLON) {
    if (twoDigits(s, i + 1, 60) < 0) return false;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      let digits = 0;
      i++;
      while (i < n && digit(s, i) >= 0) {
        digits++;
        i++;
      }
      if (digits < 1 || digits > 9) return false;
    }
  }
  if (i === n) return true;
  // Z, or ±hh:mm with hh 00–13, or ±14:00
  const z = s.charCodeAt(i);
  if (z === 90) return i + 1 === n;
  if (z !== 43 && z !== DASH) return false;
  if (i + 6 !== n || s.charCodeAt(i + 3) !== COLON) return false;
  const hh = twoDigits(s, i + 1, 14);
  if (hh < 0) return false;
  if (hh === 14) return s.charCodeAt(i + 4) === 48 && s.charCodeAt(i + 5) === 48;
  return twoDigits(s, i + 4, 59) >= 0;
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
  return (
    isObject(x) &&
    typeof x.url === "string" &&
    optReference(x.valueReference) &&
    optCodeableConcept(x.valueCodeableConcept)
  );
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

function optCoding(x: unknown): boolean {
  return x === undefined || isCoding(x);
}

function optBoolean(x: unknown): boolean {
  return x === undefined || typeof x === "boolean";
}

function isAnswer(x: unknown): boolean {
  return (
    isObject(x) &&
    optBoolean(x.valueBoolean) &&
    optCoding(x.valueCoding) &&
    optNumber(x.valueInteger) &&
    optNumber(x.valueDecimal) &&
    optString(x.valueString) &&
    optDate(x.valueDate) &&
    optDate(x.valueDateTime)
  );
}

/** Items nested deeper than this are left to zod (which names the path); the app's forms nest two levels. */
const MAX_ITEM_DEPTH = 16;

function itemsAt(x: unknown, depth: number): boolean {
  if (x === undefined) return true;
  if (!Array.isArray(x) || depth > MAX_ITEM_DEPTH) return false;
  for (let i = 0; i < x.length; i++) {
    const item: unknown = x[i];
    if (
      !isObject(item) ||
      typeof item.linkId !== "string" ||
      !optString(item.text) ||
      !optArrayOf(item.answer, isAnswer) ||
      !itemsAt(item.item, depth + 1)
    ) {
      return false;
    }
  }
  return true;
}

function optMeta(x: unknown): boolean {
  return x === undefined || (isObject(x) && optString(x.source));
}

function optNarrative(x: unknown): boolean {
  return x === undefined || (isObject(x) && typeof x.status === "string" && typeof x.div === "string");
}

function optIdentifier(x: unknown): boolean {
  return x === undefined || (isObject(x) && optString(x.system) && optString(x.value));
}

export function looksLikeQuestionnaireResponse(x: unknown): x is QuestionnaireResponseData {
  return (
    isObject(x) &&
    x.resourceType === "QuestionnaireResponse" &&
    optString(x.id) &&
    optMeta(x.meta) &&
    optNarrative(x.text) &&
    optIdentifier(x.identifier) &&
    typeof x.questionnaire === "string" &&
    typeof x.status === "string" &&
    optReference(x.subject) &&
    optReference(x.encounter) &&
    optDate(x.authored) &&
    optReference(x.author) &&
    optReference(x.source) &&
    itemsAt(x.item, 0)
  );
}
