/**
 * Revised Tokuhashi score (2005): Tokuhashi Y et al., Spine 2005;30(19):2186–2191, as reproduced (with the
 * author's corrections) in NICE CG75 (2008) Appendix 3 Table 2 (docs/scores.md).
 * Not the 1990 version (different primary-site points, max 12).
 */
import { classOfRange, scoreItem, sumItems } from "./candidates";
import {
  EXTRASPINAL_BONE_METS,
  FRANKEL_GRADES,
  GENERAL_CONDITIONS,
  PRIMARY_SITES,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
} from "./domains";
import { validateKps } from "./observations";
import {
  TOKUHASHI_ITEMS,
  ScoreInputError,
  type ExtraspinalBoneMets,
  type FrankelGrade,
  type GeneralCondition,
  type PrimarySite,
  type TokuhashiInput,
  type TokuhashiPrognosis,
  type TokuhashiResult,
  type VertebralBodyMets,
  type VisceralMets,
} from "./types";
import { parseCandidates, refuseUnknownKeys, requireBoolean, requireInteger, requireRecord } from "./validate";

/** Item 5, primary site of the cancer (list confirmed against NICE CG75 and two reproductions). */
export const PRIMARY_SITE_POINTS: Readonly<Record<PrimarySite, number>> = {
  lung: 0, osteosarcoma: 0, stomach: 0, bladder: 0, esophagus: 0, pancreas: 0,
  liver: 1, gallbladder: 1, unidentified: 1,
  others: 2,
  kidney: 3, uterus: 3,
  rectum: 4,
  thyroid: 5, breast: 5, prostate: 5, carcinoid: 5,
};

/** Points per item category, revised 2005 (NICE CG75 Appendix 3 Table 2). Total 0–15. */
export const TOKUHASHI_POINTS: {
  readonly generalCondition: Readonly<Record<GeneralCondition, number>>;
  readonly extraspinalBoneMets: Readonly<Record<ExtraspinalBoneMets, number>>;
  readonly vertebralBodyMets: Readonly<Record<VertebralBodyMets, number>>;
  readonly visceralMets: Readonly<Record<VisceralMets, number>>;
  readonly primarySite: Readonly<Record<PrimarySite, number>>;
  readonly palsy: Readonly<Record<FrankelGrade, number>>;
} = {
  /** Karnofsky: poor 10–40 % 0, moderate 50–70 % 1, good 80–100 % 2. */
  generalCondition: { poor: 0, moderate: 1, good: 2 },
  /** Extraspinal bone metastasis foci: ≥ 3 0, 1–2 1, 0 2. */
  extraspinalBoneMets: { "3+": 0, "1-2": 1, "0": 2 },
  /** Metastases in the vertebral body: ≥ 3 0, 2 1, 1 2 (NICE CG75 Appendix 3 Table 2; the 1990 version differs). */
  vertebralBodyMets: { "3+": 0, "2": 1, "1": 2 },
  /** Metastases to the major internal organs: unremovable 0, removable 1, none 2. */
  visceralMets: { unremovable: 0, removable: 1, none: 2 },
  primarySite: PRIMARY_SITE_POINTS,
  /** Palsy: complete (Frankel A, B) 0, incomplete (C, D) 1, none (E) 2. */
  palsy: { A: 0, B: 0, C: 1, D: 1, E: 2 },
};

export const TOKUHASHI_MAX = 15;

/** Predicted survival of a total (Tokuhashi 2005; NICE CG75): 0–8 < 6 months, 9–11 ≥ 6 months, 12–15 ≥ 1 year. */
export function tokuhashiPrognosis(total: number): TokuhashiPrognosis {
  requireInteger("total", total, 0, TOKUHASHI_MAX);
  if (total <= 8) return "<6m";
  if (total <= 11) return ">=6m";
  return ">=12m";
}

/**
 * The general-condition category of a Karnofsky performance status: 10–40 poor, 50–70 moderate,
 * 80–100 good. Only multiples of 10 exist on the scale; KPS 0 (dead) is outside the item.
 */
export function kpsCategory(kps: number): GeneralCondition {
  validateKps(kps);
  if (kps <= 40) return "poor";
  if (kps <= 70) return "moderate";
  return "good";
}

/**
 * Candidates of the extraspinal-bone item from a count of foci. `atLeast`: the count is a lower bound
 * (foci recorded so far; docs/clinical-rules.md: "counts from the record are lower bounds until confirmed").
 */
export function extraspinalBoneMetsCandidates(count: number, atLeast: boolean): ExtraspinalBoneMets[] {
  requireInteger("extraspinalBoneMets", count, 0, Number.MAX_SAFE_INTEGER);
  requireBoolean("atLeast", atLeast);
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
  requireInteger("vertebralBodyMets", count, 0, Number.MAX_SAFE_INTEGER);
  requireBoolean("atLeast", atLeast);
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
  const raw = requireRecord("tokuhashi input", input);
  refuseUnknownKeys("tokuhashi input", raw, TOKUHASHI_ITEMS);
  const p = TOKUHASHI_POINTS;
  const items: TokuhashiResult["items"] = {
    generalCondition: scoreItem(
      parseCandidates("generalCondition", raw.generalCondition, GENERAL_CONDITIONS),
      GENERAL_CONDITIONS,
      (v) => p.generalCondition[v],
    ),
    extraspinalBoneMets: scoreItem(
      parseCandidates("extraspinalBoneMets", raw.extraspinalBoneMets, EXTRASPINAL_BONE_METS),
      EXTRASPINAL_BONE_METS,
      (v) => p.extraspinalBoneMets[v],
    ),
    vertebralBodyMets: scoreItem(
      parseCandidates("vertebralBodyMets", raw.vertebralBodyMets, VERTEBRAL_BODY_METS),
      VERTEBRAL_BODY_METS,
      (v) => p.vertebralBodyMets[v],
    ),
    visceralMets: scoreItem(
      parseCandidates("visceralMets", raw.visceralMets, VISCERAL_METS),
      VISCERAL_METS,
      (v) => p.visceralMets[v],
    ),
    primarySite: scoreItem(
      parseCandidates("primarySite", raw.primarySite, PRIMARY_SITES),
      PRIMARY_SITES,
      (v) => p.primarySite[v],
    ),
    palsy: scoreItem(parseCandidates("palsy", raw.palsy, FRANKEL_GRADES), FRANKEL_GRADES, (v) => p.palsy[v]),
  };
  const { total, min, max } = sumItems(Object.values(items));
  return { total, min, max, prognosis: classOfRange(min, max, tokuhashiPrognosis), version: "revised-2005", items };
}
