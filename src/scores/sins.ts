/**
 * Spinal Instability Neoplastic Score (SINS). Fisher CG et al., Spine 2010;35(22):E1221–E1229,
 * doi:10.1097/BRS.0b013e3181e16ae2; classes as worded by Fourney DR et al., J Clin Oncol 2011;29(22):3072–3077.
 * Point values and the location class of each level: Fisher 2010 (docs/scores.md).
 */
import { classOfRange, scoreGiven, sumItems } from "./candidates";
import {
  SINS_ALIGNMENT,
  SINS_BONE_LESION,
  SINS_CATEGORIES,
  SINS_CATEGORY_ORDER,
  SINS_COLLAPSE,
  SINS_LEVELS,
  SINS_PAIN,
  SINS_POINTS,
  SINS_POSTEROLATERAL,
  bandOf,
  type SinsLevel,
} from "./domains";
import { KNOWN_SINS_INPUT, SinsInputSchema, SinsTotalSchema, SpinalLevelSchema, parseInput } from "./schemas";
import type { SinsCategory, SinsInput, SinsLocationClass, SinsResult, SpinalLevel } from "./types";

export { SINS_POINTS } from "./domains";
export { COCCYX_NOT_SCOREABLE } from "./schemas";

/**
 * Location class per level, occiput–S5 (Fisher 2010; the levels as in fhir-mappings/body-sites.json, DICOM PS3.16
 * CID 7603); the coccyx has none.
 */
const LOCATION_CLASS: Readonly<Record<SinsLevel, SinsLocationClass>> = {
  Occiput: "junctional",
  C1: "junctional",
  C2: "junctional",
  C3: "mobile",
  C4: "mobile",
  C5: "mobile",
  C6: "mobile",
  C7: "junctional",
  T1: "junctional",
  T2: "junctional",
  T3: "semirigid",
  T4: "semirigid",
  T5: "semirigid",
  T6: "semirigid",
  T7: "semirigid",
  T8: "semirigid",
  T9: "semirigid",
  T10: "semirigid",
  T11: "junctional",
  T12: "junctional",
  L1: "junctional",
  L2: "mobile",
  L3: "mobile",
  L4: "mobile",
  L5: "junctional",
  S1: "junctional",
  S2: "rigid",
  S3: "rigid",
  S4: "rigid",
  S5: "rigid",
};

/** The SINS location class of a level; null for the coccyx, which SINS does not cover. */
export function sinsLocationClass(level: SpinalLevel): SinsLocationClass | null {
  const known = parseInput(SpinalLevelSchema, level, "level");
  return known === "Coccyx" ? null : LOCATION_CLASS[known];
}

function locationPoints(level: SinsLevel): number {
  return SINS_POINTS.location[LOCATION_CLASS[level]];
}

/** SINS class of a checked total (SINS_CATEGORIES). */
function categoryOf(total: number): SinsCategory {
  return bandOf(SINS_CATEGORIES, SINS_CATEGORY_ORDER, total);
}

/** SINS class of a total: 0–6 stable, 7–12 potentially unstable, 13–18 unstable (Fisher 2010; Fourney 2011). */
export function sinsCategory(total: number): SinsCategory {
  return categoryOf(parseInput(SinsTotalSchema, total, "total"));
}

/**
 * SINS from the candidates of each item. Unknown items count with their whole range; the total is set only
 * when all six are certain, the category whenever [min, max] lies in one class.
 */
export function sins(input: SinsInput): SinsResult {
  const given = parseInput(SinsInputSchema, input, "sins input", KNOWN_SINS_INPUT);
  const items: SinsResult["items"] = {
    location: scoreGiven(given.location, SINS_LEVELS, locationPoints),
    pain: scoreGiven(given.pain, SINS_PAIN, SINS_POINTS.pain),
    boneLesion: scoreGiven(given.boneLesion, SINS_BONE_LESION, SINS_POINTS.boneLesion),
    alignment: scoreGiven(given.alignment, SINS_ALIGNMENT, SINS_POINTS.alignment),
    collapse: scoreGiven(given.collapse, SINS_COLLAPSE, SINS_POINTS.collapse),
    posterolateral: scoreGiven(given.posterolateral, SINS_POSTEROLATERAL, SINS_POINTS.posterolateral),
  };
  const { total, min, max } = sumItems(Object.values(items));
  return { total, min, max, category: classOfRange(min, max, categoryOf), items };
}
