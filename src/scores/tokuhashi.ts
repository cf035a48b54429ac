/**
 * Revised Tokuhashi score (2005): Tokuhashi Y et al., Spine 2005;30(19):2186–2191, as reproduced (with the
 * author's corrections) in NICE CG75 (2008) Appendix 3 Table 2 (docs/scores.md).
 * Not the 1990 version (different primary-site points, max 12).
 */
import { classOfRange, scoreGiven, sumItems } from "./candidates";
import {
  EXTRASPINAL_BONE_METS,
  FRANKEL_GRADES,
  GENERAL_CONDITIONS,
  KPS_OF_GENERAL_CONDITION,
  KPS_SCORES,
  PRIMARY_SITES,
  TOKUHASHI_POINTS,
  TOKUHASHI_PROGNOSES,
  TOKUHASHI_PROGNOSIS_ORDER,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
  bandOf,
} from "./domains";
import { validateKps } from "./observations";
import {
  BooleanSchema,
  CountSchema,
  KNOWN_TOKUHASHI_INPUT,
  TokuhashiInputSchema,
  TokuhashiTotalSchema,
  parseInput,
} from "./schemas";
import {
  ScoreInputError,
  type ExtraspinalBoneMets,
  type GeneralCondition,
  type KpsScore,
  type TokuhashiInput,
  type TokuhashiPrognosis,
  type TokuhashiResult,
  type VertebralBodyMets,
} from "./types";

export { PRIMARY_SITE_POINTS, TOKUHASHI_POINTS } from "./domains";

/** Predicted survival of a checked total (TOKUHASHI_PROGNOSES). */
function prognosisOf(total: number): TokuhashiPrognosis {
  return bandOf(TOKUHASHI_PROGNOSES, TOKUHASHI_PROGNOSIS_ORDER, total);
}

/** Predicted survival of a total (Tokuhashi 2005; NICE CG75): 0–8 < 6 months, 9–11 ≥ 6 months, 12–15 ≥ 1 year. */
export function tokuhashiPrognosis(total: number): TokuhashiPrognosis {
  return prognosisOf(parseInput(TokuhashiTotalSchema, total, "total"));
}

const CATEGORY_OF_KPS: ReadonlyMap<unknown, GeneralCondition> = new Map(
  KPS_SCORES.map((kps) => [kps, categoryOfKps(kps)]),
);

/**
 * The general-condition category of a Karnofsky performance status: 10–40 poor, 50–70 moderate,
 * 80–100 good. Only multiples of 10 exist on the scale; KPS 0 (dead) is outside the item.
 */
export function kpsCategory(kps: number): GeneralCondition {
  // Looked up, as the extraction asks once per KPS on file; what the table lacks is refused by KpsSchema.
  return CATEGORY_OF_KPS.get(kps) ?? categoryOfKps(validateKps(kps));
}

function categoryOfKps(kps: KpsScore): GeneralCondition {
  return bandOf(KPS_OF_GENERAL_CONDITION, GENERAL_CONDITIONS, kps);
}

/**
 * Candidates of the extraspinal-bone item from a count of foci. `atLeast`: the count is a lower bound
 * (foci recorded so far; docs/clinical-rules.md: "counts from the record are lower bounds until confirmed").
 */
export function extraspinalBoneMetsCandidates(count: number, atLeast: boolean): ExtraspinalBoneMets[] {
  parseInput(CountSchema, count, "extraspinalBoneMets");
  parseInput(BooleanSchema, atLeast, "atLeast");
  const exact: ExtraspinalBoneMets = count === 0 ? "0" : count <= 2 ? "1-2" : "3+";
  if (!atLeast) return [exact];
  const from = EXTRASPINAL_BONE_METS.indexOf(exact);
  return EXTRASPINAL_BONE_METS.slice(from);
}

/**
 * Candidates of the vertebral-body item from a count of vertebral bodies with metastases. An exact count of 0
 * is refused (the score is for a patient with a spinal metastasis); "at least 0" means nothing is known yet.
 */
export function vertebralBodyMetsCandidates(count: number, atLeast: boolean): VertebralBodyMets[] {
  parseInput(CountSchema, count, "vertebralBodyMets");
  parseInput(BooleanSchema, atLeast, "atLeast");
  if (count === 0) {
    if (atLeast) return [...VERTEBRAL_BODY_METS];
    throw new ScoreInputError(
      "vertebralBodyMets",
      "0 vertebral bodies cannot be scored: the item counts the vertebral bodies with metastases (at least 1)",
    );
  }
  const exact: VertebralBodyMets = count === 1 ? "1" : count === 2 ? "2" : "3+";
  if (!atLeast) return [exact];
  return VERTEBRAL_BODY_METS.slice(VERTEBRAL_BODY_METS.indexOf(exact));
}

/**
 * Revised Tokuhashi score from the candidates of each item. Unknown items count with their whole range; the
 * total is set only when all six are certain, the prognosis whenever [min, max] lies in one band.
 */
export function tokuhashi(input: TokuhashiInput): TokuhashiResult {
  const given = parseInput(TokuhashiInputSchema, input, "tokuhashi input", KNOWN_TOKUHASHI_INPUT);
  const p = TOKUHASHI_POINTS;
  const items: TokuhashiResult["items"] = {
    generalCondition: scoreGiven(given.generalCondition, GENERAL_CONDITIONS, p.generalCondition),
    extraspinalBoneMets: scoreGiven(given.extraspinalBoneMets, EXTRASPINAL_BONE_METS, p.extraspinalBoneMets),
    vertebralBodyMets: scoreGiven(given.vertebralBodyMets, VERTEBRAL_BODY_METS, p.vertebralBodyMets),
    visceralMets: scoreGiven(given.visceralMets, VISCERAL_METS, p.visceralMets),
    primarySite: scoreGiven(given.primarySite, PRIMARY_SITES, p.primarySite),
    palsy: scoreGiven(given.palsy, FRANKEL_GRADES, p.palsy),
  };
  const { total, min, max } = sumItems(Object.values(items));
  return { total, min, max, prognosis: classOfRange(min, max, prognosisOf), version: "revised-2005", items };
}
