/**
 * Calculated items, by the calculation their Questionnaire names (the app's calculated-item extension):
 * every number comes from the scoring core (src/scores), never from a second implementation here.
 */
import type { Coding, Questionnaire, QuestionnaireItem, QuestionnaireResponseItemAnswer } from "fhir/r4";
import { answerValue, LINKS } from "../questionnaires/contract";
import {
  BARTHEL_ITEMS,
  barthelIndex,
  eq5d5lIndex,
  kpsCategory,
  sins,
  tokuhashi,
  type BarthelInput,
  type BarthelResult,
  type SinsInput,
  type SinsResult,
  type TokuhashiInput,
  type TokuhashiResult,
} from "../scores";
import { allItems, calculation, type Answers, type Calculation } from "../writeback/questionnaire-items";

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
export function eq5dProfile(answers: Answers): string | null {
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

export function sinsFromAnswers(answers: Answers): SinsResult | null {
  const input: SinsInput = {
    location: value(answers, LINKS.sins.scoredLevel, "level"),
    pain: value(answers, LINKS.sins.pain, "sins.pain"),
    boneLesion: value(answers, LINKS.sins.boneLesion, "sins.boneLesion"),
    alignment: value(answers, LINKS.sins.alignment, "sins.alignment"),
    collapse: value(answers, LINKS.sins.collapse, "sins.collapse"),
    posterolateral: value(answers, LINKS.sins.posterolateral, "sins.posterolateral"),
  };
  return attempt(() => sins(input));
}

export function tokuhashiFromAnswers(answers: Answers): TokuhashiResult | null {
  const input: TokuhashiInput = {
    generalCondition: value(answers, LINKS.tokuhashi.generalCondition, "tokuhashi.generalCondition"),
    extraspinalBoneMets: value(answers, LINKS.tokuhashi.extraspinalBoneMets, "tokuhashi.extraspinalBoneMets"),
    vertebralBodyMets: value(answers, LINKS.tokuhashi.vertebralBodyMets, "tokuhashi.vertebralBodyMets"),
    visceralMets: value(answers, LINKS.tokuhashi.visceralMets, "tokuhashi.visceralMets"),
    primarySite: value(answers, LINKS.tokuhashi.primarySite, "tokuhashi.primarySite"),
    palsy: value(answers, LINKS.tokuhashi.palsy, "frankel"),
  };
  return attempt(() => tokuhashi(input));
}

function optionCoding(item: QuestionnaireItem, codeWanted: string): Coding | null {
  const c = item.answerOption?.find((o) => o.valueCoding?.code === codeWanted)?.valueCoding;
  return c ? { system: c.system, code: c.code, display: c.display } : null;
}

export interface CalculationOptions {
  /** EQ-5D-5L value set id (key in eq5d5l_valuesets.json). */
  valueSetId: string;
}

/**
 * The answer a calculated item takes, or null when it cannot be calculated (yet).
 * `undefined` means: this calculation does not decide (the item keeps what the user chose).
 */
function calculate(
  kind: Calculation,
  item: QuestionnaireItem,
  answers: Answers,
  opts: CalculationOptions,
): QuestionnaireResponseItemAnswer | null | undefined {
  switch (kind) {
    case "eq5d5l-index": {
      const profile = eq5dProfile(answers);
      const index = profile === null ? null : attempt(() => eq5d5lIndex(profile, opts.valueSetId));
      return index === null ? null : { valueDecimal: index };
    }
    case "eq5d5l-value-set": {
      const profile = eq5dProfile(answers);
      return profile !== null && attempt(() => eq5d5lIndex(profile, opts.valueSetId)) !== null ? { valueString: opts.valueSetId } : null;
    }
    case "barthel-total": {
      const total = barthelFromAnswers(answers)?.total ?? null;
      return total === null ? null : { valueInteger: total };
    }
    case "sins-total": {
      const total = sinsFromAnswers(answers)?.total ?? null;
      return total === null ? null : { valueInteger: total };
    }
    case "tokuhashi-total": {
      const total = tokuhashiFromAnswers(answers)?.total ?? null;
      return total === null ? null : { valueInteger: total };
    }
    case "tokuhashi-general-condition": {
      // Follows the KPS when one is given; otherwise the clinician's own choice stands.
      const kps = answers[LINKS.tokuhashi.kps]?.[0]?.valueInteger;
      if (kps === undefined) return undefined;
      const band = attempt(() => kpsCategory(kps));
      const coding = band === null ? null : optionCoding(item, `tokuhashi.generalCondition.${band}`);
      return coding ? { valueCoding: coding } : null;
    }
  }
}

/** Whether a calculated item currently takes its value from the calculation (and is then read-only). */
export function isCalculatedNow(item: QuestionnaireItem, answers: Answers, opts: CalculationOptions): boolean {
  const kind = calculation(item);
  if (!kind) return false;
  if (item.readOnly) return true;
  const derived = calculate(kind, item, answers, opts);
  return derived !== undefined && derived !== null;
}

/** `answers` with every calculated item of `q` set (or cleared) from the other answers. */
export function applyCalculations(q: Questionnaire, answers: Answers, opts: CalculationOptions): Answers {
  const out: Record<string, readonly QuestionnaireResponseItemAnswer[]> = { ...answers };
  // Items are visited in Questionnaire order; totals come after the items they depend on.
  for (const item of allItems(q)) {
    const kind = calculation(item);
    if (!kind) continue;
    const derived = calculate(kind, item, out, opts);
    if (derived === undefined) continue;
    if (derived === null) delete out[item.linkId];
    else out[item.linkId] = [derived];
  }
  return out;
}
