/**
 * The scoring core's public face. Pure: no FHIR, React or network. See ./types.ts for the candidate
 * semantics (one value = known, several = a range, none = unknown) and docs/clinical-rules.md for the clinical rules.
 *
 * Clinical sources (docs/scores.md): SINS (Fisher 2010), revised Tokuhashi (2005, via NICE CG75), the EQ-5D-5L
 * value sets' own papers, DICOM PS3.16 CID 7603 for the vertebrae, and the study (Segi et al., Global Spine J
 * 2025). Every table carries its citation in a comment.
 *
 * ## Candidates, ranges, refusals
 *
 * - Each item takes candidates: one value = known, several = a range, `undefined` / `null` / `[]` = unknown (the
 *   whole domain). Results list `candidates` in domain order (counts from fewest to most: `"0","1-2","3+"`).
 * - `total` only when all six items are certain; `min`/`max` always; `category` / `prognosis` whenever
 *   `[min, max]` lies in one class.
 * - Malformed input (unknown category, wrong type, misspelt field, KPS 35, Barthel feeding 15, VAS 140, a profile
 *   `"60000"`) throws `ScoreInputError` (a `RangeError`) naming the field, at the entry. Nothing is coerced.
 * - `schemas.ts` holds the zod/mini schema of every input; the calculators parse their arguments with them, once,
 *   at the entry, so a face that checks with a schema accepts exactly what the calculator accepts.
 * - `domains.ts` holds every domain as one `as const` record (values, points, bands, each with its citation); the
 *   types, the ordered lists and the schemas derive from it.
 *
 * ## Decisions where the references leave a case open
 *
 * - SINS location is a level occiput–S5; the coccyx is refused (`COCCYX_NOT_SCOREABLE`); a lesion over levels
 *   of different classes is a range until the clinician picks the scored level. Exactly 50 % collapse: pass
 *   `["gt50","lt50"]` (range 2–3).
 * - Vertebral bodies: an exact count of 0 is refused; "at least 0" is unknown.
 * - KPS: 10–100 in steps of 10; KPS 0 is outside the Tokuhashi item and refused.
 * - Applicability: `false` (with every reason) for > 3 levels, non-contiguous levels, age < 20, en bloc planned.
 *   `null` when no level is known, when the only level is the coccyx, or when **age is unknown** and nothing
 *   else excludes (the study's "aged ≥ 20" cannot be confirmed). An unanswered en bloc question does not block
 *   `true` (it is asked in the UI) but adds a note.
 *
 * ## Messages
 *
 * Every reason (applicability, segment group) is a core message only: a code of `SCORE_MESSAGE_CODES` and its
 * parameters (./messages.ts); the faces word it from the catalogue (src/i18n/sections/core.ts).
 *
 * ## EQ-5D-5L
 *
 * - `data/eq5d5l_valuesets.json` carries each value set with its citation (≈ 13 kB gzip in the bundle).
 * - One evaluator for every model; the extra terms follow the JSON's own `definition` strings, and a term whose
 *   definition differs from what the evaluator implements is refused. Num45sq applies only when n45 ≥ 1 (the
 *   JSON's definition says so; Canada 11111 = 0.9489 needs it). N4 applies at level 4 or 5.
 * - Arithmetic is exact (integer units of 10⁻¹⁰): the index is the double nearest the exact decimal.
 * - Germany is disabled (AD4 0.244 vs 0.224 between sources; check Ludwig et al. 2018,
 *   doi:10.1007/s40273-018-0615-8, before enabling).
 * - Monotonicity (no one-level worsening raises the index) was computed over all 3125 states: every enabled
 *   value set is (weakly) monotone; the property test recomputes this rather than assuming it.
 *
 * ## Rounding
 *
 * `roundHalfAwayFromZero` / `formatIndex` round the shortest decimal that reads back as the double
 * (`String(x)`), half away from zero: 0.6845 → 0.685, −0.0255 → "−0.026", 0.9755 → 0.976. A result of zero
 * prints `"0.000"`, never `"-0.000"`.
 */
export * from "./types";
export {
  keysOf,
  SEGMENT_GROUPS,
  SINS_ITEMS,
  TOKUHASHI_ITEMS,
  BARTHEL_ITEMS,
  SINS_LEVELS,
  SINS_LOCATION_CLASSES,
  SINS_PAIN,
  SINS_BONE_LESION,
  SINS_ALIGNMENT,
  SINS_COLLAPSE,
  SINS_POSTEROLATERAL,
  GENERAL_CONDITIONS,
  EXTRASPINAL_BONE_METS,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
  PRIMARY_SITES,
  FRANKEL_GRADES,
  SINS_DOMAINS,
  TOKUHASHI_DOMAINS,
  type SinsLevel,
} from "./domains";
export { sins, sinsCategory, sinsLocationClass, SINS_POINTS, COCCYX_NOT_SCOREABLE } from "./sins";
export {
  tokuhashi,
  tokuhashiPrognosis,
  kpsCategory,
  extraspinalBoneMetsCandidates,
  vertebralBodyMetsCandidates,
  TOKUHASHI_POINTS,
  PRIMARY_SITE_POINTS,
} from "./tokuhashi";
export {
  segmentGroup,
  applicability,
  levelIndex,
  isContiguous,
  describeLevels,
  levelsParam,
  STUDY_MIN_AGE,
} from "./levels";
export { eq5d5lIndex, valueSets, parseEq5dProfile, isEq5dProfile, DEFAULT_VALUE_SET } from "./eq5d";
export {
  SCORE_MESSAGE_CODES,
  CORE_JOIN_TEXT,
  CORE_JOINS,
  coreMessage,
  coreList,
  coreTerm,
  scoreMessage,
  type ScoreMessageCode,
} from "./messages";
export { barthelIndex, barthelItemMax, BARTHEL_POINTS } from "./barthel";
export { formatIndex, formatFixed, roundHalfAwayFromZero } from "./rounding";
export {
  validateEcog,
  validatePainVas,
  validateEqVas,
  validateFrankel,
  validateKps,
  isEcog,
  isPainVas,
  isEqVas,
  isFrankel,
  isKps,
} from "./observations";
export { SinsInputSchema, SpinalLevelSchema } from "./schemas";
export { sinsVerdict, tokuhashiVerdict, type SinsVerdict, type TokuhashiVerdict } from "./verdict";
