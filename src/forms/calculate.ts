/**
 * Calculated items. An item with SDC's calculatedExpression takes the value of its FHIRPath expression (the subset
 * evaluator of src/questionnaires/fhirpath.ts); the EQ-5D-5L index and its value set are the app's own calculations
 * (a value-set lookup FHIRPath cannot express), from the scoring core. The totals' ranges and categories shown while
 * a form is incomplete come from the scoring core too; the tests hold the expressions to the scoring core's totals.
 */
import type * as R4 from "fhir/r4";
import { answerValue, LINKS } from "../questionnaires/contract";
import { compileFhirPath, type FhirPathExpression } from "../questionnaires/fhirpath";
import {
  BARTHEL_ITEMS,
  barthelIndex,
  eq5d5lIndex,
  keysOf,
  sins,
  tokuhashi,
  type BarthelInput,
  type BarthelResult,
  type SinsInput,
  type SinsResult,
  type TokuhashiInput,
  type TokuhashiResult,
} from "../scores";
import { allItems, calculation, sameCoding, type Answers, type Calculation } from "../questionnaires/items";
import { SINS_ANSWERS, TOKUHASHI_ANSWERS, type ItemAnswer } from "../questionnaires/score-answers";

function code(answers: Answers, linkId: string): string | null {
  return answers[linkId]?.[0]?.valueCoding?.code ?? null;
}

/** The category value of a coded answer (`${concept}.${value}`), or undefined when unanswered. */
function value<V extends string>(answers: Answers, linkId: string, concept: string): V | undefined {
  const c = code(answers, linkId);
  return c === null ? undefined : ((answerValue(concept, c) ?? undefined) as V | undefined);
}

/** A scorer refuses a malformed input with a throw; half-typed answers simply give no result. */
function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

const EQ5D_DIMENSION_LINKS = [
  LINKS.eq5d5l.mobility,
  LINKS.eq5d5l.selfCare,
  LINKS.eq5d5l.usualActivities,
  LINKS.eq5d5l.painDiscomfort,
  LINKS.eq5d5l.anxietyDepression,
] as const;

/** The five-digit EQ-5D-5L profile (MO SC UA PD AD) when all five dimensions are answered. */
function eq5dProfile(answers: Answers): string | null {
  const digits = EQ5D_DIMENSION_LINKS.map((l) => value<string>(answers, l, "eq5d.level"));
  return digits.every((d) => d !== undefined && /^[1-5]$/.test(d)) ? digits.join("") : null;
}

export function barthelFromAnswers(answers: Answers): BarthelResult | null {
  const input: BarthelInput = {};
  for (const item of BARTHEL_ITEMS) {
    const v = value<string>(answers, LINKS.barthel[item], `barthel.${item}`);
    if (v !== undefined) input[item] = Number(v);
  }
  return attempt(() => barthelIndex(input));
}

/** The coded answers of a score's items, where `where` says each is answered (the scorer checks the values). */
function itemValues<I extends string>(
  answers: Answers,
  where: Readonly<Record<I, ItemAnswer>>,
): Partial<Record<I, string>> {
  const out: Partial<Record<I, string>> = {};
  for (const item of keysOf(where)) {
    const v = value<string>(answers, where[item].linkId, where[item].concept);
    if (v !== undefined) out[item] = v;
  }
  return out;
}

export function sinsFromAnswers(answers: Answers): SinsResult | null {
  return attempt(() => sins(itemValues(answers, SINS_ANSWERS) as SinsInput));
}

export function tokuhashiFromAnswers(answers: Answers): TokuhashiResult | null {
  return attempt(() => tokuhashi(itemValues(answers, TOKUHASHI_ANSWERS) as TokuhashiInput));
}

export interface CalculationOptions {
  /** EQ-5D-5L value set id (key in eq5d5l_valuesets.json). */
  valueSetId: string;
}

const compiled = new Map<string, FhirPathExpression>();

function expressionOf(text: string): FhirPathExpression {
  let e = compiled.get(text);
  if (!e) {
    e = compileFhirPath(text);
    compiled.set(text, e);
  }
  return e;
}

/** The answers as the QuestionnaireResponse the expressions read (`%resource`): items nested as in `q`. */
function responseOf(q: R4.Questionnaire, answers: Answers): R4.QuestionnaireResponse {
  const walk = (items: readonly R4.QuestionnaireItem[] | undefined): R4.QuestionnaireResponseItem[] =>
    (items ?? []).flatMap((it) => {
      const answer = answers[it.linkId] ?? [];
      const children = walk(it.item);
      if (answer.length === 0 && children.length === 0) return [];
      return [
        {
          linkId: it.linkId,
          ...(answer.length ? { answer: [...answer] } : {}),
          ...(children.length ? { item: children } : {}),
        },
      ];
    });
  return { resourceType: "QuestionnaireResponse", status: "in-progress", item: walk(q.item) };
}

function isCoding(v: unknown): v is R4.Coding {
  return typeof v === "object" && v !== null && typeof (v as R4.Coding).code === "string";
}

/** The answer an expression's result gives `item` (of its type), or null for an empty result. */
function answerFromResult(
  item: R4.QuestionnaireItem,
  result: readonly unknown[],
): R4.QuestionnaireResponseItemAnswer | null {
  if (result.length === 0) return null;
  const [v] = result;
  const wrong = (): never => {
    throw new Error(`calculatedExpression of item ${item.linkId} (${item.type}) gave ${JSON.stringify(result)}`);
  };
  if (result.length > 1) return wrong();
  switch (item.type) {
    case "integer":
      return typeof v === "number" && Number.isInteger(v) ? { valueInteger: v } : wrong();
    case "decimal":
      return typeof v === "number" ? { valueDecimal: v } : wrong();
    case "string":
    case "text":
      return typeof v === "string" ? { valueString: v } : wrong();
    case "choice": {
      const option = isCoding(v)
        ? item.answerOption?.find((o) => sameCoding(o.valueCoding, v))?.valueCoding
        : undefined;
      return option ? { valueCoding: { system: option.system, code: option.code, display: option.display } } : wrong();
    }
    default:
      return wrong();
  }
}

/**
 * The answer a calculated item takes, or null when it cannot be calculated (yet).
 * `undefined` means: this calculation does not decide (the item keeps what the user chose). An expression that
 * gives nothing clears a read-only item and leaves a question the user may answer (tokuhashi-general-condition
 * without a KPS) to the user.
 */
function calculate(
  calc: Calculation,
  q: R4.Questionnaire,
  item: R4.QuestionnaireItem,
  answers: Answers,
  opts: CalculationOptions,
): R4.QuestionnaireResponseItemAnswer | null | undefined {
  if (calc.kind === "expression") {
    const result = expressionOf(calc.expression).evaluate({ resource: responseOf(q, answers), questionnaire: q });
    const answer = answerFromResult(item, result);
    return answer === null && !item.readOnly ? undefined : answer;
  }
  const profile = eq5dProfile(answers);
  const index = profile === null ? null : attempt(() => eq5d5lIndex(profile, opts.valueSetId));
  if (index === null) return null;
  return calc.name === "eq5d5l-index" ? { valueDecimal: index } : { valueString: opts.valueSetId };
}

/** Whether a calculated item currently takes its value from the calculation (and is then read-only). */
export function isCalculatedNow(
  q: R4.Questionnaire,
  item: R4.QuestionnaireItem,
  answers: Answers,
  opts: CalculationOptions,
): boolean {
  const calc = calculation(item);
  if (!calc) return false;
  if (item.readOnly) return true;
  const derived = calculate(calc, q, item, answers, opts);
  return derived !== undefined && derived !== null;
}

/** `answers` with every calculated item of `q` set (or cleared) from the other answers. */
export function applyCalculations(q: R4.Questionnaire, answers: Answers, opts: CalculationOptions): Answers {
  const out: Record<string, readonly R4.QuestionnaireResponseItemAnswer[]> = { ...answers };
  // Items are visited in Questionnaire order; totals come after the items they depend on.
  for (const item of allItems(q)) {
    const calc = calculation(item);
    if (!calc) continue;
    const derived = calculate(calc, q, item, out, opts);
    if (derived === undefined) continue;
    if (derived === null) delete out[item.linkId];
    else out[item.linkId] = [derived];
  }
  return out;
}
