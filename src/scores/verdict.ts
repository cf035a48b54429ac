/**
 * What a score range allows: the one rule every face uses to say what a SINS or Tokuhashi range means
 * (the CDS Hooks card now, the clinician view later). Pure, UI-free: it returns the classes, never words;
 * the words are the i18n catalogue's (`app.sins.category.*`, `app.tok.prognosis.*`, `cds.verdict.*`).
 *
 * - SINS (Fisher 2010): 0–6 stable, 7–12 potentially unstable, 13–18 unstable. A range allows every class
 *   it overlaps. `atLeast7` when every total the range allows is ≥ 7 ("potentially unstable or unstable",
 *   the threshold at which the SINS authors advise a surgical opinion).
 * - Revised Tokuhashi 2005: 0–8 < 6 months, 9–11 ≥ 6 months, 12–15 ≥ 1 year.
 *
 * A range is two integers `min ≤ max` inside the score's domain; anything else is refused with a
 * ScoreInputError naming the field (nothing is coerced), as every calculator of src/scores does.
 */
import { SINS_CATEGORIES, SINS_CATEGORY_ORDER, TOKUHASHI_PROGNOSES, TOKUHASHI_PROGNOSIS_ORDER } from "./domains";
import { SinsTotalSchema, TokuhashiTotalSchema, parseInput } from "./schemas";
import type { SinsCategory, TokuhashiPrognosis } from "./types";
import { ScoreInputError } from "./types";

/** SINS classes in domain order, with the totals each covers (SINS_CATEGORIES: Fisher 2010). */
const SINS_CATEGORY_BANDS: readonly { category: SinsCategory; min: number; max: number }[] = SINS_CATEGORY_ORDER.map(
  (category) => ({ category, ...SINS_CATEGORIES[category] }),
);

/** Revised Tokuhashi survival bands in domain order (TOKUHASHI_PROGNOSES: Tokuhashi 2005). */
const TOKUHASHI_PROGNOSIS_BANDS: readonly { prognosis: TokuhashiPrognosis; min: number; max: number }[] =
  TOKUHASHI_PROGNOSIS_ORDER.map((prognosis) => ({ prognosis, ...TOKUHASHI_PROGNOSES[prognosis] }));

export interface SinsVerdict {
  min: number;
  max: number;
  /** The classes the range allows, in domain order (never empty). */
  categories: SinsCategory[];
  /** The one class, when the whole range lies in it; else null. */
  category: SinsCategory | null;
  /** Every total the range allows is ≥ 7 (potentially unstable or unstable). */
  atLeast7: boolean;
}

export interface TokuhashiVerdict {
  min: number;
  max: number;
  /** The survival bands the range allows, in domain order (never empty). */
  prognoses: TokuhashiPrognosis[];
  /** The one band, when the whole range lies in it; else null. */
  prognosis: TokuhashiPrognosis | null;
}

function checkRange(score: string, total: typeof SinsTotalSchema, min: unknown, max: unknown): [number, number] {
  const lo = parseInput(total, min, `${score}.min`);
  const hi = parseInput(total, max, `${score}.max`);
  if (lo > hi) throw new ScoreInputError(`${score}.max`, `expected max ≥ min (${lo}), got ${hi}`);
  return [lo, hi];
}

/** The SINS classes a range min–max allows. */
export function sinsVerdict(min: number, max: number): SinsVerdict {
  const [lo, hi] = checkRange("sins", SinsTotalSchema, min, max);
  const categories = SINS_CATEGORY_BANDS.filter((b) => b.max >= lo && b.min <= hi).map((b) => b.category);
  return {
    min: lo,
    max: hi,
    categories,
    category: categories.length === 1 ? (categories[0] ?? null) : null,
    atLeast7: lo >= SINS_CATEGORIES["potentially-unstable"].min,
  };
}

/** The revised Tokuhashi survival bands a range min–max allows. */
export function tokuhashiVerdict(min: number, max: number): TokuhashiVerdict {
  const [lo, hi] = checkRange("tokuhashi", TokuhashiTotalSchema, min, max);
  const prognoses = TOKUHASHI_PROGNOSIS_BANDS.filter((b) => b.max >= lo && b.min <= hi).map((b) => b.prognosis);
  return { min: lo, max: hi, prognoses, prognosis: prognoses.length === 1 ? (prognoses[0] ?? null) : null };
}
