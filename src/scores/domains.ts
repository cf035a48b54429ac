/**
 * The value domains of every item, in one place: the order here is the order of `candidates` in results.
 * Count-like domains go from the fewest to the most (so "at least 1" reads ["1-2", "3+"]).
 */
import type {
  ExtraspinalBoneMets,
  FrankelGrade,
  GeneralCondition,
  PrimarySite,
  SinsAlignment,
  SinsBoneLesion,
  SinsCollapse,
  SinsLocationClass,
  SinsPain,
  SinsPosterolateral,
  SpinalLevel,
  VertebralBodyMets,
  VisceralMets,
} from "./types";
import { SPINAL_LEVELS } from "./types";

/** A spinal level SINS can score (Fisher 2010 covers occiput–S5; the coccyx is not covered). */
export type SinsLevel = Exclude<SpinalLevel, "Coccyx">;

export const SINS_LEVELS: readonly SinsLevel[] = SPINAL_LEVELS.filter((l): l is SinsLevel => l !== "Coccyx");
export const SINS_LOCATION_CLASSES: readonly SinsLocationClass[] = ["junctional", "mobile", "semirigid", "rigid"];
export const SINS_PAIN: readonly SinsPain[] = ["mechanical", "occasional", "none"];
export const SINS_BONE_LESION: readonly SinsBoneLesion[] = ["lytic", "mixed", "blastic"];
export const SINS_ALIGNMENT: readonly SinsAlignment[] = ["subluxation", "deformity", "normal"];
export const SINS_COLLAPSE: readonly SinsCollapse[] = ["gt50", "lt50", "noCollapseOver50Involved", "none"];
export const SINS_POSTEROLATERAL: readonly SinsPosterolateral[] = ["bilateral", "unilateral", "none"];

export const GENERAL_CONDITIONS: readonly GeneralCondition[] = ["poor", "moderate", "good"];
export const EXTRASPINAL_BONE_METS: readonly ExtraspinalBoneMets[] = ["0", "1-2", "3+"];
export const VERTEBRAL_BODY_METS: readonly VertebralBodyMets[] = ["1", "2", "3+"];
export const VISCERAL_METS: readonly VisceralMets[] = ["unremovable", "removable", "none"];
export const PRIMARY_SITES: readonly PrimarySite[] = [
  "lung", "osteosarcoma", "stomach", "bladder", "esophagus", "pancreas",
  "liver", "gallbladder", "unidentified",
  "others",
  "kidney", "uterus",
  "rectum",
  "thyroid", "breast", "prostate", "carcinoid",
];
export const FRANKEL_GRADES: readonly FrankelGrade[] = ["A", "B", "C", "D", "E"];
