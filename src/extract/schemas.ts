/**
 * zod/mini schemas of the FHIR resources the app reads: exactly the fields extraction reads. A resource that
 * fails is skipped with a Diagnostic naming its id, the path and the reason (see describeIssue).
 *
 * The QuestionnaireResponse schema here is the app's one: extraction reads with it, and the write path
 * (src/writeback/schema.ts) checks what it sends with the same schema refined by the rules of a resource the app
 * writes (narrative, identifier, a full dateTime with its zone, …), never with a second schema.
 */
import { z } from "zod/mini";
import type { CoreParam } from "../scores";
import type { ReadContext } from "./context";
import type { Json } from "./fhir";
import { msg } from "./messages";

/**
 * The one rule by which every date the app reads is checked (FHIR R4 date, dateTime and instant): YYYY, YYYY-MM,
 * YYYY-MM-DD, or a date with a time and a zone. The reader is lenient where R4 is strict but the meaning is plain:
 * seconds and the zone may be left out after a time. What the app writes is held to R4 itself (below).
 */
export const FHIR_DATE_RE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;

const TIME_WITH_ZONE = "T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d{1,9})?(Z|[+-]((0\\d|1[0-3]):[0-5]\\d|14:00))";
const DAY = "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])";
/** FHIR R4 `date`: YYYY, YYYY-MM or YYYY-MM-DD. */
export const FHIR_R4_DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** FHIR R4 `dateTime`: a date as above, or a full date with a time to the second and its zone. */
export const FHIR_R4_DATE_TIME_RE = new RegExp(`^(${FHIR_R4_DATE_RE.source.slice(1, -1)}|${DAY}${TIME_WITH_ZONE})$`);
/** A full dateTime: date, time to the second and zone ("2026-11-27T10:15:00+09:00"), as the app writes `authored`. */
export const FULL_DATE_TIME_RE = new RegExp(`^${DAY}${TIME_WITH_ZONE}$`);

const date = z.string().check(z.maxLength(64), z.regex(FHIR_DATE_RE));
const text = z.string();

const codingFields = { system: z.optional(text), code: z.optional(text), display: z.optional(text) };
const codingSchema = z.object(codingFields);
const codeableConceptSchema = z.object({
  coding: z.optional(z.array(codingSchema)),
  text: z.optional(text),
});
const referenceFields = { reference: z.optional(text), display: z.optional(text) };
const referenceSchema = z.object(referenceFields);
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

// ------------------------------------------------------------------- QuestionnaireResponse (FHIR R4)
// Loose objects: every field stays in the parsed value, so that the write path's refinement sees all of it.

const answerSchema = z.looseObject({
  valueBoolean: z.optional(z.boolean()),
  valueCoding: z.optional(z.looseObject(codingFields)),
  valueInteger: z.optional(z.number()),
  valueDecimal: z.optional(z.number()),
  valueString: z.optional(text),
  valueDate: z.optional(date),
  valueDateTime: z.optional(date),
});
export type AnswerData = z.infer<typeof answerSchema>;

export interface QrItemData {
  linkId: string;
  text?: string | undefined;
  answer?: AnswerData[] | undefined;
  item?: QrItemData[] | undefined;
}
const qrItemSchema: z.ZodMiniType<QrItemData> = z.looseObject({
  linkId: text,
  text: z.optional(text),
  get answer() {
    return z.optional(z.array(answerSchema));
  },
  get item() {
    return z.optional(z.array(qrItemSchema));
  },
});

const qrReference = z.looseObject(referenceFields);

/** FHIR R4 QuestionnaireResponse: what every reader of the app's answers relies on. */
export const questionnaireResponseSchema = z.looseObject({
  resourceType: z.literal("QuestionnaireResponse"),
  id: z.optional(text),
  meta: z.optional(z.looseObject({ source: z.optional(text) })),
  text: z.optional(z.looseObject({ status: text, div: text })),
  identifier: z.optional(z.looseObject({ system: z.optional(text), value: z.optional(text) })),
  questionnaire: text,
  status: text,
  subject: z.optional(qrReference),
  encounter: z.optional(qrReference),
  /** FHIR R4 dateTime, read by the one date rule (FHIR_DATE_RE); what the app writes is a full dateTime. */
  authored: z.optional(date),
  author: z.optional(qrReference),
  source: z.optional(qrReference),
  item: z.optional(z.array(qrItemSchema)),
});
export type QuestionnaireResponseData = z.infer<typeof questionnaireResponseSchema>;

/**
 * A resource of a type the app reads, checked: the fast guard first (guards.ts); zod names the path and the reason
 * of anything it does not accept (an "invalid" diagnostic, and null).
 */
export function checkedResource<T>(
  type: string,
  raw: Json,
  looksLike: (x: unknown) => x is T,
  schema: z.ZodMiniType<T>,
  ctx: ReadContext,
): T | null {
  if (looksLike(raw)) return raw;
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return parsed.data;
  ctx.invalid(type, raw.id, issueReason(parsed.error.issues));
  return null;
}

/** The first zod issue as a reason for a diagnostic (a message parameter). */
export function issueReason(issues: readonly z.core.$ZodIssue[]): CoreParam {
  const issue = issues[0];
  if (!issue) return msg("issue.none");
  const path = issue.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
  const where: CoreParam = path || msg("term.whole-resource");
  switch (issue.code) {
    case "invalid_type":
      return msg("issue.expected", { path: where, expected: issue.expected });
    case "invalid_format":
      return msg("issue.date", { path: where });
    case "too_big":
      return msg("issue.too-long", { path: where });
    case "invalid_value":
      return msg("issue.not-allowed", { path: where });
    default:
      return msg("issue.invalid", { path: where });
  }
}

/** A reason written before zod: "code: required", "questionnaire: expected string", "code: expected a CodeableConcept". */
export const REASON = {
  required: (path: string) => msg("issue.required", { path }),
  expected: (path: string, expected: string) => msg("issue.expected", { path, expected }),
  codeableConcept: (path: string) => msg("issue.codeable-concept", { path }),
};
