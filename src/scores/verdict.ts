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
import { SINS_MAX, sinsCategory } from "./sins";
import { TOKUHASHI_MAX, tokuhashiPrognosis } from "./tokuhashi";
import type { SinsCategory, TokuhashiPrognosis } from "./types";
import { ScoreInputError } from "./types";
import { requireInteger } from "./validate";

/** SINS classes in domain order, with the totals each covers (Fisher 2010). */
export const SINS_CATEGORY_BANDS: readonly { category: SinsCategory; min: number; max: number }[] = [
  { category: "stable", min: 0, max: 6 },
  { category: "potentially-unstable", min: 7, max: 12 },
  { category: "unstable", min: 13, max: 18 },
];

/** Revised Tokuhashi survival bands in domain order (Tokuhashi 2005). */
export const TOKUHASHI_PROGNOSIS_BANDS: readonly { prognosis: TokuhashiPrognosis; min: number; max: number }[] = [
  { prognosis: "<6m", min: 0, max: 8 },
  { prognosis: ">=6m", min: 9, max: 11 },
  { prognosis: ">=12m", min: 12, max: 15 },
];

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

function checkRange(score: string, min: unknown, max: unknown, top: number): [number, number] {
  const lo = requireInteger(`${score}.min`, min, 0, top);
  const hi = requireInteger(`${score}.max`, max, 0, top);
  if (lo > hi) throw new ScoreInputError(`${score}.max`, `expected max ≥ min (${lo}), got ${hi}`);
  return [lo, hi];
}

/** The SINS classes a range min–max allows. */
export function sinsVerdict(min: number, max: number): SinsVerdict {
  const [lo, hi] = checkRange("sins", min, max, SINS_MAX);
  const categories = SINS_CATEGORY_BANDS.filter((b) => b.max >= lo && b.min <= hi).map((b) => b.category);
  const low = sinsCategory(lo);
  return {
    min: lo,
    max: hi,
    categories,
    category: low === sinsCategory(hi) ? low : null,
    atLeast7: lo >= 7,
  };
}

/** The revised Tokuhashi survival bands a range min–max allows. */
export function tokuhashiVerdict(min: number, max: number): TokuhashiVerdict {
  const [lo, hi] = checkRange("tokuhashi", min, max, TOKUHASHI_MAX);
  const prognoses = TOKUHASHI_PROGNOSIS_BANDS.filter((b) => b.max >= lo && b.min <= hi).map((b) => b.prognosis);
  const low = tokuhashiPrognosis(lo);
  return { min: lo, max: hi, prognoses, prognosis: low === tokuhashiPrognosis(hi) ? low : null };
}
