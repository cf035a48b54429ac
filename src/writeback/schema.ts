/**
 * FHIR R4 shape checks (zod/mini) for what the app writes and ships: QuestionnaireResponse before it is
 * sent, Questionnaire when it is loaded. They check the structure the server and the extraction rely on;
 * they are not a full FHIR validator (no terminology, no invariants beyond the ones listed).
 *
 * A QuestionnaireResponse is checked with the app's one schema of it (src/extract/schemas.ts, the one extraction
 * reads with), refined by what a resource the app sends must also be: a narrative, an identifier, a subject, an
 * `authored` that is a full dateTime with its zone, relative references, exactly one value per answer, no empty
 * values (FHIR JSON).
 */
import { z } from "zod/mini";
import {
  FHIR_R4_DATE_RE,
  FHIR_R4_DATE_TIME_RE,
  FULL_DATE_TIME_RE,
  questionnaireResponseSchema,
  type QrItemData,
} from "../extract/schemas";

const nonEmpty = z.string().check(z.minLength(1));
const uri = z.string().check(z.regex(/^\S+$/, "a URI has no whitespace"));
/** FHIR R4 dateTime: a date, or a full date with a time to the second and its zone. */
const dateTime = z.string().check(z.regex(FHIR_R4_DATE_TIME_RE, "not a FHIR dateTime"));
const date = z.string().check(z.regex(FHIR_R4_DATE_RE, "not a FHIR date"));

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

/** FHIR R4 Questionnaire.item.type, every code of its value set. */
export const ITEM_TYPES = [
  "group",
  "display",
  "boolean",
  "decimal",
  "integer",
  "date",
  "dateTime",
  "time",
  "string",
  "text",
  "url",
  "choice",
  "open-choice",
  "attachment",
  "reference",
  "quantity",
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
  .check(
    z.refine(
      (w) => Object.keys(w).filter((k) => /^answer[A-Z]/.test(k)).length === 1,
      "enableWhen has exactly one answer[x]",
    ),
  );

interface QuestionnaireItemShape {
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
    if (i.type === "display" && (i.required === true || options > 0))
      return `${i.linkId}: a display item has no answers`;
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

const questionnaireSchema = z
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
    z.refine((q) => fhirJsonViolation(q) === null, {
      error: (iss) => fhirJsonViolation(iss.input) ?? "invalid FHIR JSON",
    }),
  );

// ---------------------------------------------------------------------- QuestionnaireResponse

const RESPONSE_STATUS = ["in-progress", "completed", "amended", "entered-in-error", "stopped"] as const;
const XHTML_DIV = /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"[^>]*>[\s\S]*<\/div>$/;

/** The rules of a resource the app sends, each on one element of the schema's parsed value. */
const SENT: readonly { path: readonly string[]; schema: z.ZodMiniType; required: boolean }[] = [
  {
    path: ["text"],
    schema: z.looseObject({
      status: z.enum(["generated", "extensions", "additional", "empty"]),
      div: z.string().check(z.regex(XHTML_DIV, "narrative is an XHTML div with the XHTML namespace")),
    }),
    required: true,
  },
  { path: ["identifier"], schema: z.looseObject({ system: uri, value: nonEmpty }), required: true },
  { path: ["questionnaire"], schema: uri, required: true },
  { path: ["status"], schema: z.enum(RESPONSE_STATUS), required: true },
  { path: ["subject"], schema: reference, required: true },
  { path: ["encounter"], schema: reference, required: false },
  { path: ["author"], schema: reference, required: false },
  { path: ["source"], schema: reference, required: false },
  {
    path: ["authored"],
    schema: z.string().check(z.regex(FULL_DATE_TIME_RE, "a full dateTime with seconds and a time zone")),
    required: true,
  },
  { path: ["meta", "source"], schema: uri, required: false },
];

/** The value[x] of an answer the app sends, each with its R4 type. */
const ANSWER_VALUE: Readonly<Record<string, z.ZodMiniType>> = {
  valueBoolean: z.boolean(),
  valueDecimal: z.number(),
  valueInteger: z.int(),
  valueDate: date,
  valueDateTime: dateTime,
  valueString: nonEmpty,
  valueCoding: coding,
};

type Path = (string | number)[];
type Problem = { path: Path; message: string };

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function parseAt(schema: z.ZodMiniType, value: unknown, path: Path, problems: Problem[]): void {
  const r = z.safeParse(schema, value);
  if (!r.success)
    for (const i of r.error.issues)
      problems.push({
        path: [...path, ...i.path.map((p) => (typeof p === "number" ? p : String(p)))],
        message: i.message,
      });
}

function itemProblems(items: readonly QrItemData[] | undefined, path: Path, problems: Problem[]): void {
  (items ?? []).forEach((item, i) => {
    const here = [...path, i];
    if (item.answer === undefined && item.item === undefined)
      problems.push({ path: here, message: `${item.linkId}: an item has answers or items` });
    (item.answer ?? []).forEach((answer, j) => {
      const keys = valueKeys(answer);
      if (keys.length !== 1)
        problems.push({ path: [...here, "answer", j], message: "an answer has exactly one value[x]" });
      for (const key of keys) {
        const schema = ANSWER_VALUE[key];
        if (!schema) problems.push({ path: [...here, "answer", j, key], message: "not a value[x] the app writes" });
        else parseAt(schema, answer[key], [...here, "answer", j, key], problems);
      }
    });
    itemProblems(item.item, [...here, "item"], problems);
  });
}

/** The one QuestionnaireResponse schema, refined by the rules of a resource the app sends. */
const sentResponseSchema = questionnaireResponseSchema.check(
  z.superRefine((response, ctx) => {
    const problems: Problem[] = [];
    for (const rule of SENT) {
      const value = at(response, rule.path);
      if (value === undefined) {
        if (rule.required) problems.push({ path: [...rule.path], message: "required in what the app sends" });
      } else parseAt(rule.schema, value, [...rule.path], problems);
    }
    itemProblems(response.item, ["item"], problems);
    const json = fhirJsonViolation(response);
    if (json) problems.push({ path: [], message: json });
    for (const p of problems) ctx.addIssue({ code: "custom", message: p.message, path: p.path, input: response });
  }),
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
  return check(sentResponseSchema, value);
}
