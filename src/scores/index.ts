/**
 * The scoring core's public face. Pure: no FHIR, React or network. See ./types.ts for the candidate
 * semantics (one value = known, several = a range, none = unknown) and DESIGN.md for the clinical rules.
 */
export * from "./types";
export {
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
  type SinsLevel,
} from "./domains";
export { sins, sinsCategory, sinsLocationClass, SINS_POINTS, SINS_MAX, COCCYX_NOT_SCOREABLE } from "./sins";
export {
  tokuhashi,
  tokuhashiPrognosis,
  kpsCategory,
  extraspinalBoneMetsCandidates,
  vertebralBodyMetsCandidates,
  TOKUHASHI_POINTS,
  PRIMARY_SITE_POINTS,
  TOKUHASHI_MAX,
} from "./tokuhashi";
export {
  segmentGroup,
  applicability,
  levelIndex,
  isContiguous,
  describeLevels,
  STUDY_MIN_AGE,
  STUDY_MAX_LEVELS,
} from "./levels";
export {
  eq5d5lIndex,
  valueSets,
  parseEq5dProfile,
  isEq5dProfile,
  DEFAULT_VALUE_SET,
  DISABLED_VALUE_SETS,
  EQ5D_DIMENSIONS,
  type Eq5dDimension,
  type Eq5dLevels,
} from "./eq5d";
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
export {
  SinsInputSchema,
  TokuhashiInputSchema,
  ApplicabilityInputSchema,
  BarthelInputSchema,
  SpinalLevelSchema,
  Eq5dProfileSchema,
  EcogSchema,
  PainVasSchema,
  EqVasSchema,
  FrankelSchema,
  KpsSchema,
} from "./schemas";
