/**
 * What a SINS or revised Tokuhashi range allows, in words: the one wording of the clinician view, the
 * tumour-board print and the CDS Hooks card. The classes come from src/scores (sinsVerdict, tokuhashiVerdict:
 * Fisher 2010 and Tokuhashi 2005 bands); this module only says them.
 */
import { SINS_CATEGORY_ORDER, TOKUHASHI_PROGNOSIS_ORDER } from "../scores/domains";
import type { SinsVerdict, TokuhashiVerdict } from "../scores/verdict";
import type { Translator } from "./index";
import { keyed } from "./keyed";

/** The class names, one key per class of SINS_CATEGORIES (src/scores/domains.ts). */
export const SINS_CATEGORY_LABEL = keyed(SINS_CATEGORY_ORDER, (c) => `app.sins.category.${c}` as const);
/** The band names, one key per band of TOKUHASHI_PROGNOSES (src/scores/domains.ts). */
export const TOKUHASHI_PROGNOSIS_LABEL = keyed(TOKUHASHI_PROGNOSIS_ORDER, (p) => `app.tok.prognosis.${p}` as const);

/**
 * "Potentially unstable" (one class); "Potentially unstable or unstable (≥ 7)" when every total the range allows
 * is ≥ 7, the threshold at which the SINS authors advise a surgical consultation; "Stable or potentially
 * unstable (≤ 12)"; or "not determined" when the range spans all three classes.
 */
export function sinsVerdictWords(tr: Pick<Translator, "t">, v: SinsVerdict): string {
  const [only] = v.categories;
  if (v.categories.length === 1 && only) return tr.t(SINS_CATEGORY_LABEL[only]);
  if (v.categories.length === 3) return tr.t("app.verdict.open");
  return tr.t(v.atLeast7 ? "app.verdict.sins.atLeast7" : "app.verdict.sins.atMost12");
}

/** "< 6 months" (one band), "< 6 months or ≥ 6 months" (two), or "not determined" (all three). */
export function tokuhashiVerdictWords(tr: Pick<Translator, "t">, v: TokuhashiVerdict): string {
  const [a, b] = v.prognoses.map((p) => tr.t(TOKUHASHI_PROGNOSIS_LABEL[p]));
  if (v.prognoses.length === 1 && a) return a;
  if (v.prognoses.length === 2 && a && b) return tr.t("app.verdict.or", { a, b });
  return tr.t("app.verdict.open");
}
