/**
 * Reading the app's Questionnaires: items in order, the standard extensions they use, enableWhen.
 * Shared by the renderer (src/forms), the validator and the response builder, so that all three read
 * a Questionnaire the same way.
 */
import type * as R4 from "fhir/r4";
import { APP_CALCULATION_EXTENSION } from "./contract";

export const EXT = {
  translation: "http://hl7.org/fhir/StructureDefinition/translation",
  minValue: "http://hl7.org/fhir/StructureDefinition/minValue",
  maxValue: "http://hl7.org/fhir/StructureDefinition/maxValue",
  regex: "http://hl7.org/fhir/StructureDefinition/regex",
  itemControl: "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
  sliderStep: "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue",
  unit: "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
  ordinalValue: "http://hl7.org/fhir/StructureDefinition/ordinalValue",
  optionPrefix: "http://hl7.org/fhir/StructureDefinition/questionnaire-optionPrefix",
  calculatedExpression: "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
} as const;

/** Calculations FHIRPath cannot express, named by the app-calculation extension (APP_CALCULATION_EXTENSION). */
const APP_CALCULATIONS = ["eq5d5l-index", "eq5d5l-value-set"] as const;
type AppCalculation = (typeof APP_CALCULATIONS)[number];

/**
 * How an item is calculated: an SDC calculatedExpression (FHIRPath text, src/questionnaires/fhirpath.ts) or one
 * of the app's own calculations.
 */
export type Calculation = { kind: "expression"; expression: string } | { kind: "app"; name: AppCalculation };

/** linkId → answers, in the shape they take in a QuestionnaireResponse. */
export type Answers = Readonly<Record<string, readonly R4.QuestionnaireResponseItemAnswer[]>>;

export type ItemControl = "slider" | "drop-down" | "check-box" | "radio-button" | "help";

function ext(holder: { extension?: R4.Extension[] | undefined } | undefined, url: string): R4.Extension | undefined {
  return holder?.extension?.find((e) => e.url === url);
}

/** Every item, depth first, in Questionnaire order. */
export function allItems(q: Pick<R4.Questionnaire, "item">): R4.QuestionnaireItem[] {
  const out: R4.QuestionnaireItem[] = [];
  const walk = (items: readonly R4.QuestionnaireItem[] | undefined): void => {
    for (const it of items ?? []) {
      out.push(it);
      walk(it.item);
    }
  };
  walk(q.item);
  return out;
}

export function minValue(item: R4.QuestionnaireItem): number | null {
  const e = ext(item, EXT.minValue);
  return e?.valueInteger ?? e?.valueDecimal ?? null;
}

export function maxValue(item: R4.QuestionnaireItem): number | null {
  const e = ext(item, EXT.maxValue);
  return e?.valueInteger ?? e?.valueDecimal ?? null;
}

export function pattern(item: R4.QuestionnaireItem): RegExp | null {
  const source = ext(item, EXT.regex)?.valueString;
  return source ? new RegExp(source) : null;
}

export function sliderStep(item: R4.QuestionnaireItem): number {
  return ext(item, EXT.sliderStep)?.valueInteger ?? 1;
}

export function unit(item: R4.QuestionnaireItem): string | null {
  const c = ext(item, EXT.unit)?.valueCoding;
  return c?.display ?? c?.code ?? null;
}

export function itemControl(item: R4.QuestionnaireItem): ItemControl | null {
  const code = ext(item, EXT.itemControl)?.valueCodeableConcept?.coding?.[0]?.code;
  switch (code) {
    case "slider":
    case "drop-down":
    case "check-box":
    case "radio-button":
    case "help":
      return code;
    default:
      return null;
  }
}

/**
 * The calculation of an item, or null for an item the user answers. A calculatedExpression in another language
 * than FHIRPath, or an unknown app calculation, is an error: the item must not silently become a question.
 */
export function calculation(item: R4.QuestionnaireItem): Calculation | null {
  const sdc = ext(item, EXT.calculatedExpression)?.valueExpression;
  if (sdc) {
    if (sdc.language !== "text/fhirpath" || !sdc.expression) {
      throw new Error(`item ${item.linkId}: calculatedExpression must be text/fhirpath with an expression`);
    }
    return { kind: "expression", expression: sdc.expression };
  }
  const app = ext(item, APP_CALCULATION_EXTENSION);
  if (!app) return null;
  const name = app.valueCode ?? "";
  if (!(APP_CALCULATIONS as readonly string[]).includes(name))
    throw new Error(`item ${item.linkId}: unknown app calculation "${name}"`);
  return { kind: "app", name: name as AppCalculation };
}

export function ordinalValue(option: R4.QuestionnaireItemAnswerOption): number | null {
  return ext(option, EXT.ordinalValue)?.valueDecimal ?? null;
}

export function optionPrefix(option: R4.QuestionnaireItemAnswerOption): string | null {
  return ext(option, EXT.optionPrefix)?.valueString ?? null;
}

/** The text in `lang` from a primitive's translation extension, else the primitive itself. */
export function translated(value: string | undefined, element: R4.Element | undefined, lang: string): string {
  for (const t of element?.extension ?? []) {
    if (t.url !== EXT.translation) continue;
    const l = t.extension?.find((e) => e.url === "lang")?.valueCode;
    const content = t.extension?.find((e) => e.url === "content")?.valueString;
    if (l === lang && content !== undefined) return content;
  }
  return value ?? "";
}

export function itemText(item: R4.QuestionnaireItem, lang: string): string {
  return translated(item.text, item._text, lang);
}

export function codingDisplay(coding: R4.Coding, lang: string): string {
  return translated(coding.display ?? coding.code, coding._display, lang);
}

export function sameCoding(a: R4.Coding | undefined, b: R4.Coding | undefined): boolean {
  return !!a && !!b && a.system === b.system && a.code === b.code;
}

/** The answer option (of a choice item) matching a coding, if any. */
export function optionFor(item: R4.QuestionnaireItem, coding: R4.Coding): R4.QuestionnaireItemAnswerOption | undefined {
  return item.answerOption?.find((o) => sameCoding(o.valueCoding, coding));
}

// ------------------------------------------------------------------------------------ enableWhen

type Comparable = number | string | boolean;

/** The value types enableWhen compares, in the order an answer's value[x] or a condition's answer[x] is read. */
const COMPARED_TYPES = ["Coding", "Integer", "Decimal", "Date", "DateTime", "String", "Boolean"] as const;
type Compared = Partial<
  Record<`${"value" | "answer"}${(typeof COMPARED_TYPES)[number]}`, Comparable | R4.Coding | undefined>
>;

/** The first value[x] of an answer (prefix "value") or answer[x] of an enableWhen (prefix "answer") it carries. */
function comparedValue(element: Compared, prefix: "value" | "answer"): Comparable | R4.Coding | undefined {
  for (const type of COMPARED_TYPES) {
    const v = element[`${prefix}${type}`];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

function compare(
  actual: Comparable | R4.Coding,
  op: R4.QuestionnaireItemEnableWhen["operator"],
  expected: Comparable | R4.Coding,
): boolean {
  if (typeof actual === "object" || typeof expected === "object") {
    if (typeof actual !== "object" || typeof expected !== "object") return op === "!=";
    const same = sameCoding(actual, expected);
    return op === "=" ? same : op === "!=" ? !same : false;
  }
  switch (op) {
    case "=":
      return actual === expected;
    case "!=":
      return actual !== expected;
    case ">":
      return actual > expected;
    case "<":
      return actual < expected;
    case ">=":
      return actual >= expected;
    case "<=":
      return actual <= expected;
    default:
      return false;
  }
}

function conditionHolds(w: R4.QuestionnaireItemEnableWhen, answers: Answers): boolean {
  const given = answers[w.question] ?? [];
  if (w.operator === "exists") return given.length > 0 === (w.answerBoolean ?? true);
  const expected = comparedValue(w, "answer");
  if (expected === undefined) return false;
  if (w.operator === "!=") {
    return given.every((a) => {
      const v = comparedValue(a, "value");
      return v === undefined || compare(v, "!=", expected);
    });
  }
  return given.some((a) => {
    const v = comparedValue(a, "value");
    return v !== undefined && compare(v, w.operator, expected);
  });
}

/** Whether an item is enabled given the answers (enableWhen with enableBehavior all/any; ancestors too). */
export function isEnabled(q: Pick<R4.Questionnaire, "item">, linkId: string, answers: Answers): boolean {
  const path = pathTo(q.item ?? [], linkId);
  if (!path) return false;
  return path.every((item) => {
    const conditions = item.enableWhen ?? [];
    if (conditions.length === 0) return true;
    const results = conditions.map((w) => conditionHolds(w, answers));
    return item.enableBehavior === "any" ? results.some(Boolean) : results.every(Boolean);
  });
}

function pathTo(items: readonly R4.QuestionnaireItem[], linkId: string): R4.QuestionnaireItem[] | null {
  for (const it of items) {
    if (it.linkId === linkId) return [it];
    const below = pathTo(it.item ?? [], linkId);
    if (below) return [it, ...below];
  }
  return null;
}

/** `url|version`: the canonical a QuestionnaireResponse points to. Every app Questionnaire carries a version. */
export function versionedCanonical(q: Pick<R4.Questionnaire, "url" | "version">): string {
  if (!q.url || !q.version) throw new Error(`Questionnaire ${q.url ?? "(no url)"} has no ${q.url ? "version" : "url"}`);
  return `${q.url}|${q.version}`;
}
