/**
 * FHIR R4 shape checks (zod/mini) for what the app writes and ships: QuestionnaireResponse before it is
 * sent, Questionnaire when it is loaded. They check the structure the server and the extraction rely on;
 * they are not a full FHIR validator (no terminology, no invariants beyond the ones listed).
 */
import { z } from "zod/mini";

const nonEmpty = z.string().check(z.minLength(1));
const uri = z.string().check(z.regex(/^\S+$/, "a URI has no whitespace"));
/** FHIR dateTime with at least a date; when a time is given a time zone is required. */
const dateTime = z
  .string()
  .check(z.regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/, "not a FHIR dateTime"));
const date = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "not a FHIR date"));

const extension = z.looseObject({ url: uri });

const coding = z.looseObject({
  system: z.optional(uri),
  version: z.optional(nonEmpty),
  code: z.optional(nonEmpty),
  display: z.optional(nonEmpty),
});
const codedWithSystem = z.looseObject({ system: uri, code: nonEmpty, display: z.optional(nonEmpty) });

const reference = z.looseObject({
  reference: z.string().check(z.regex(/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/, "a relative reference Type/id")),
  display: z.optional(nonEmpty),
});

/** FHIR JSON forbids empty arrays, empty strings and null anywhere in a resource. */
function fhirJsonViolation(value: unknown, path = ""): string | null {
  if (value === null) return `${path || "resource"} is null`;
  if (typeof value === "string") return value.length === 0 ? `${path} is an empty string` : null;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${path} is an empty array`;
    for (let i = 0; i < value.length; i++) {
      const v = fhirJsonViolation(value[i], `${path}[${i}]`);
      if (v) return v;
    }
    return null;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path) return `${path} is an empty object`;
    for (const [k, v] of entries) {
      const r = fhirJsonViolation(v, path ? `${path}.${k}` : k);
      if (r) return r;
    }
  }
  return null;
}

const valueKeys = (o: object): string[] => Object.keys(o).filter((k) => /^value[A-Z]/.test(k));

// ------------------------------------------------------------------------------ Questionnaire

const ITEM_TYPES = [
  "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "url",
  "choice", "open-choice", "attachment", "reference", "quantity",
] as const;

const answerOption = z
  .looseObject({
    valueCoding: z.optional(codedWithSystem),
    valueInteger: z.optional(z.int()),
    valueDate: z.optional(date),
    valueString: z.optional(nonEmpty),
    extension: z.optional(z.array(extension)),
    initialSelected: z.optional(z.boolean()),
  })
  .check(z.refine((o) => valueKeys(o).length === 1, "an answerOption has exactly one value[x]"));

const enableWhen = z
  .looseObject({
    question: nonEmpty,
    operator: z.enum(["exists", "=", "!=", ">", "<", ">=", "<="]),
  })
  .check(z.refine((w) => Object.keys(w).filter((k) => /^answer[A-Z]/.test(k)).length === 1, "enableWhen has exactly one answer[x]"));

export interface QuestionnaireItemShape {
  linkId: string;
  type: (typeof ITEM_TYPES)[number];
  item?: QuestionnaireItemShape[] | undefined;
  [key: string]: unknown;
}

const questionnaireItem: z.ZodMiniType<QuestionnaireItemShape> = z.looseObject({
  linkId: nonEmpty,
  type: z.enum(ITEM_TYPES),
  text: z.optional(nonEmpty),
  required: z.optional(z.boolean()),
  repeats: z.optional(z.boolean()),
  readOnly: z.optional(z.boolean()),
  code: z.optional(z.array(codedWithSystem)),
  answerOption: z.optional(z.array(answerOption)),
  enableWhen: z.optional(z.array(enableWhen)),
  enableBehavior: z.optional(z.enum(["all", "any"])),
  extension: z.optional(z.array(extension)),
  get item() {
    return z.optional(z.array(questionnaireItem));
  },
});

/** Rules between an item's fields (checked on the whole tree: a recursive schema cannot carry them). */
function itemRuleViolation(items: readonly QuestionnaireItemShape[] | undefined): string | null {
  for (const i of items ?? []) {
    const options = Array.isArray(i.answerOption) ? i.answerOption.length : 0;
    if (i.type === "display" && (i.required === true || options > 0)) return `${i.linkId}: a display item has no answers`;
    if (i.type === "choice" && options === 0) return `${i.linkId}: a choice item lists its answerOptions`;
    if (i.type === "group" && (i.item?.length ?? 0) === 0) return `${i.linkId}: a group has items`;
    const below = itemRuleViolation(i.item);
    if (below) return below;
  }
  return null;
}

function linkIds(items: readonly QuestionnaireItemShape[] | undefined): string[] {
  return (items ?? []).flatMap((i) => [i.linkId, ...linkIds(i.item)]);
}

export const questionnaireSchema = z
  .looseObject({
    resourceType: z.literal("Questionnaire"),
    id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9\-.]{1,64}$/))),
    url: uri,
    version: nonEmpty,
    name: z.string().check(z.regex(/^[A-Z][A-Za-z0-9_]{0,254}$/, "name is a computable identifier")),
    title: nonEmpty,
    status: z.enum(["draft", "active", "retired", "unknown"]),
    subjectType: z.optional(z.array(nonEmpty)),
    date: z.optional(dateTime),
    item: z.array(questionnaireItem),
  })
  .check(
    z.refine((q) => new Set(linkIds(q.item)).size === linkIds(q.item).length, "linkIds are unique"),
    z.refine((q) => itemRuleViolation(q.item) === null, {
      error: (iss) => itemRuleViolation((iss.input as { item?: QuestionnaireItemShape[] }).item) ?? "invalid item",
    }),
    z.refine((q) => fhirJsonViolation(q) === null, { error: (iss) => fhirJsonViolation(iss.input) ?? "invalid FHIR JSON" }),
  );

// ---------------------------------------------------------------------- QuestionnaireResponse

const responseAnswer = z
  .looseObject({
    valueBoolean: z.optional(z.boolean()),
    valueDecimal: z.optional(z.number()),
    valueInteger: z.optional(z.int()),
    valueDate: z.optional(date),
    valueDateTime: z.optional(dateTime),
    valueString: z.optional(nonEmpty),
    valueCoding: z.optional(coding),
  })
  .check(z.refine((a) => valueKeys(a).length === 1, "an answer has exactly one value[x]"));

export interface ResponseItemShape {
  linkId: string;
  answer?: Record<string, unknown>[] | undefined;
  item?: ResponseItemShape[] | undefined;
  [key: string]: unknown;
}

const responseItem: z.ZodMiniType<ResponseItemShape> = z.looseObject({
  linkId: nonEmpty,
  text: z.optional(nonEmpty),
  answer: z.optional(z.array(responseAnswer)),
  get item() {
    return z.optional(z.array(responseItem));
  },
});

function emptyResponseItem(items: readonly ResponseItemShape[] | undefined): string | null {
  for (const i of items ?? []) {
    if (i.answer === undefined && i.item === undefined) return `${i.linkId}: an item has answers or items`;
    const below = emptyResponseItem(i.item);
    if (below) return below;
  }
  return null;
}

const XHTML_DIV = /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"[^>]*>[\s\S]*<\/div>$/;

export const questionnaireResponseSchema = z
  .looseObject({
    resourceType: z.literal("QuestionnaireResponse"),
    meta: z.optional(z.looseObject({ source: z.optional(uri) })),
    text: z.looseObject({
      status: z.enum(["generated", "extensions", "additional", "empty"]),
      div: z.string().check(z.regex(XHTML_DIV, "narrative is an XHTML div with the XHTML namespace")),
    }),
    identifier: z.looseObject({ system: uri, value: nonEmpty }),
    questionnaire: uri,
    status: z.enum(["in-progress", "completed", "amended", "entered-in-error", "stopped"]),
    subject: reference,
    encounter: z.optional(reference),
    authored: dateTime,
    author: z.optional(reference),
    source: z.optional(reference),
    item: z.optional(z.array(responseItem)),
  })
  .check(
    z.refine((r) => emptyResponseItem(r.item) === null, {
      error: (iss) => emptyResponseItem((iss.input as { item?: ResponseItemShape[] }).item) ?? "invalid item",
    }),
    z.refine((r) => fhirJsonViolation(r) === null, { error: (iss) => fhirJsonViolation(iss.input) ?? "invalid FHIR JSON" }),
  );

export interface ShapeResult {
  ok: boolean;
  /** "path: message" lines, for a developer; the form shows its own words. */
  problems: string[];
}

function check(schema: z.ZodMiniType, value: unknown): ShapeResult {
  const r = z.safeParse(schema, value);
  if (r.success) return { ok: true, problems: [] };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join(".") || "(resource)"}: ${i.message}`) };
}

export function checkQuestionnaireShape(value: unknown): ShapeResult {
  return check(questionnaireSchema, value);
}

export function checkResponseShape(value: unknown): ShapeResult {
  return check(questionnaireResponseSchema, value);
}
