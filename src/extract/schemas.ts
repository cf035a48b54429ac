/**
 * zod/mini schemas for exactly the fields extraction reads. A resource that fails is skipped with a
 * Diagnostic naming its id, the path and the reason (see describeIssue).
 */
import { z } from "zod/mini";
import type { CoreParam } from "../scores";
import { msg } from "./messages";

/** FHIR date / dateTime / instant: YYYY, YYYY-MM, YYYY-MM-DD, or a date with a time and optional zone. */
export const FHIR_DATE_RE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;

const date = z.string().check(z.maxLength(64), z.regex(FHIR_DATE_RE));
const text = z.string();

export const codingSchema = z.object({
  system: z.optional(text),
  code: z.optional(text),
  display: z.optional(text),
});
export const codeableConceptSchema = z.object({
  coding: z.optional(z.array(codingSchema)),
  text: z.optional(text),
});
export const referenceSchema = z.object({ reference: z.optional(text), display: z.optional(text) });
const quantitySchema = z.object({
  value: z.optional(z.number()),
  unit: z.optional(text),
  code: z.optional(text),
  system: z.optional(text),
});
const periodSchema = z.object({ start: z.optional(date), end: z.optional(date) });
const extensionSchema = z.object({
  url: text,
  valueReference: z.optional(referenceSchema),
  valueCodeableConcept: z.optional(codeableConceptSchema),
});

export const observationSchema = z.object({
  resourceType: z.literal("Observation"),
  id: z.optional(text),
  status: text,
  code: codeableConceptSchema,
  subject: z.optional(referenceSchema),
  effectiveDateTime: z.optional(date),
  effectiveInstant: z.optional(date),
  effectivePeriod: z.optional(periodSchema),
  issued: z.optional(date),
  performer: z.optional(z.array(referenceSchema)),
  valueInteger: z.optional(z.number()),
  valueQuantity: z.optional(quantitySchema),
  valueCodeableConcept: z.optional(codeableConceptSchema),
  interpretation: z.optional(z.array(codeableConceptSchema)),
  referenceRange: z.optional(
    z.array(z.object({ low: z.optional(quantitySchema), high: z.optional(quantitySchema), text: z.optional(text) })),
  ),
});
export type ObservationData = z.infer<typeof observationSchema>;

export const conditionSchema = z.object({
  resourceType: z.literal("Condition"),
  id: z.optional(text),
  code: z.optional(codeableConceptSchema),
  clinicalStatus: z.optional(codeableConceptSchema),
  verificationStatus: z.optional(codeableConceptSchema),
  bodySite: z.optional(
    z.array(
      z.object({
        coding: z.optional(z.array(codingSchema)),
        text: z.optional(text),
        extension: z.optional(z.array(extensionSchema)),
      }),
    ),
  ),
  subject: z.optional(referenceSchema),
  recordedDate: z.optional(date),
  onsetDateTime: z.optional(date),
  onsetPeriod: z.optional(periodSchema),
  asserter: z.optional(referenceSchema),
  recorder: z.optional(referenceSchema),
  extension: z.optional(z.array(extensionSchema)),
});
export type ConditionData = z.infer<typeof conditionSchema>;

export const patientSchema = z.object({
  resourceType: z.literal("Patient"),
  id: z.optional(text),
  birthDate: z.optional(date),
  gender: z.optional(text),
  name: z.optional(
    z.array(z.object({ text: z.optional(text), family: z.optional(text), given: z.optional(z.array(text)) })),
  ),
  identifier: z.optional(
    z.array(z.object({ type: z.optional(codeableConceptSchema), system: z.optional(text), value: z.optional(text) })),
  ),
});
export type PatientData = z.infer<typeof patientSchema>;

const answerSchema = z.object({
  valueCoding: z.optional(codingSchema),
  valueInteger: z.optional(z.number()),
  valueDecimal: z.optional(z.number()),
  valueString: z.optional(text),
  valueDate: z.optional(date),
  valueDateTime: z.optional(date),
});
export type AnswerData = z.infer<typeof answerSchema>;

export interface QrItemData {
  linkId: string;
  answer?: AnswerData[] | undefined;
  item?: QrItemData[] | undefined;
}
const qrItemSchema: z.ZodMiniType<QrItemData> = z.object({
  linkId: text,
  get answer() {
    return z.optional(z.array(answerSchema));
  },
  get item() {
    return z.optional(z.array(qrItemSchema));
  },
});

export const questionnaireResponseSchema = z.object({
  resourceType: z.literal("QuestionnaireResponse"),
  id: z.optional(text),
  questionnaire: text,
  status: text,
  subject: z.optional(referenceSchema),
  authored: z.optional(date),
  author: z.optional(referenceSchema),
  item: z.optional(z.array(qrItemSchema)),
});
export type QuestionnaireResponseData = z.infer<typeof questionnaireResponseSchema>;

/** "code.coding[0].system: expected string" from the first zod issue. */
export function describeIssue(issues: readonly z.core.$ZodIssue[]): string {
  return issueReason(issues).text;
}

/** The first zod issue as a reason for a diagnostic: its English text and its message parameter. */
export function issueReason(issues: readonly z.core.$ZodIssue[]): { text: string; param: CoreParam } {
  const issue = issues[0];
  if (!issue) return { text: "invalid", param: msg("issue.none") };
  const path = issue.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
  const where: CoreParam = path || msg("term.whole-resource");
  const at = path || "(resource)";
  switch (issue.code) {
    case "invalid_type":
      return { text: `${at}: expected ${issue.expected}`, param: msg("issue.expected", { path: where, expected: issue.expected }) };
    case "invalid_format":
      return { text: `${at}: malformed date`, param: msg("issue.date", { path: where }) };
    case "too_big":
      return { text: `${at}: too long`, param: msg("issue.too-long", { path: where }) };
    case "invalid_value":
      return { text: `${at}: not an allowed value`, param: msg("issue.not-allowed", { path: where }) };
    default:
      return { text: `${at}: invalid`, param: msg("issue.invalid", { path: where }) };
  }
}

/** A reason written before zod: "code: required", "questionnaire: expected string", "code: expected a CodeableConcept". */
export const REASON = {
  required: (path: string) => ({ text: `${path}: required`, param: msg("issue.required", { path }) }),
  expected: (path: string, expected: string) => ({ text: `${path}: expected ${expected}`, param: msg("issue.expected", { path, expected }) }),
  codeableConcept: (path: string) => ({ text: `${path}: expected a CodeableConcept`, param: msg("issue.codeable-concept", { path }) }),
};
