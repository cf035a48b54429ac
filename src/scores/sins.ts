/**
 * Spinal Instability Neoplastic Score (SINS). Fisher CG et al., Spine 2010;35(22):E1221–E1229,
 * doi:10.1097/BRS.0b013e3181e16ae2; classes as worded by Fourney DR et al., J Clin Oncol 2011;29(22):3072–3077.
 * Point values and the location class of each level: Fisher 2010 (docs/scores.md).
 */
import { classOfRange, scoreItem, sumItems } from "./candidates";
import {
  SINS_ALIGNMENT,
  SINS_BONE_LESION,
  SINS_COLLAPSE,
  SINS_LEVELS,
  SINS_PAIN,
  SINS_POSTEROLATERAL,
  type SinsLevel,
} from "./domains";
import {
  SINS_ITEMS,
  ScoreInputError,
  type SinsCategory,
  type SinsInput,
  type SinsLocationClass,
  type SinsResult,
  type SpinalLevel,
} from "./types";
import { describeValue, parseCandidates, refuseUnknownKeys, requireInteger, requireRecord } from "./validate";

/** SINS points per item category (Fisher 2010, docs/scores.md). Total 0–18. */
export const SINS_POINTS = {
  /** Junctional O–C2, C7–T2, T11–L1, L5–S1; mobile C3–C6, L2–L4; semirigid T3–T10; rigid S2–S5. */
  location: { junctional: 3, mobile: 2, semirigid: 1, rigid: 0 },
  /** Mechanical = relief with recumbency and/or pain with movement/loading of the spine. */
  pain: { mechanical: 3, occasional: 1, none: 0 },
  boneLesion: { lytic: 2, mixed: 1, blastic: 0 },
  /** Subluxation/translation present 4; de novo deformity (kyphosis/scoliosis) 2; normal 0. */
  alignment: { subluxation: 4, deformity: 2, normal: 0 },
  /** > 50 % collapse 3; < 50 % 2; no collapse with > 50 % of the body involved 1; none of the above 0. */
  collapse: { gt50: 3, lt50: 2, noCollapseOver50Involved: 1, none: 0 },
  /** Facet, pedicle or costovertebral joint fracture or replacement with tumour. */
  posterolateral: { bilateral: 3, unilateral: 1, none: 0 },
} as const satisfies {
  location: Record<SinsLocationClass, number>;
  pain: Record<string, number>;
  boneLesion: Record<string, number>;
  alignment: Record<string, number>;
  collapse: Record<string, number>;
  posterolateral: Record<string, number>;
};

export const SINS_MAX = 18;

/**
 * Location class per level, occiput–S5 (Fisher 2010; the levels as in fhir-mappings/body-sites.json, DICOM PS3.16
 * CID 7603); the coccyx has none.
 */
const LOCATION_CLASS: Record<SinsLevel, SinsLocationClass> = {
  Occiput: "junctional", C1: "junctional", C2: "junctional",
  C3: "mobile", C4: "mobile", C5: "mobile", C6: "mobile",
  C7: "junctional", T1: "junctional", T2: "junctional",
  T3: "semirigid", T4: "semirigid", T5: "semirigid", T6: "semirigid",
  T7: "semirigid", T8: "semirigid", T9: "semirigid", T10: "semirigid",
  T11: "junctional", T12: "junctional", L1: "junctional",
  L2: "mobile", L3: "mobile", L4: "mobile",
  L5: "junctional", S1: "junctional",
  S2: "rigid", S3: "rigid", S4: "rigid", S5: "rigid",
};

export const COCCYX_NOT_SCOREABLE =
  "the coccyx cannot be scored for SINS location (Fisher 2010 defines location classes from the occiput to S5 only)";

/** The SINS location class of a level; null for the coccyx, which SINS does not cover. */
export function sinsLocationClass(level: SpinalLevel): SinsLocationClass | null {
  if (level === "Coccyx") return null;
  if (!Object.hasOwn(LOCATION_CLASS, level)) {
    throw new ScoreInputError("level", `unknown spinal level ${describeValue(level)}`);
  }
  return LOCATION_CLASS[level];
}

function locationPoints(level: SinsLevel): number {
  return SINS_POINTS.location[LOCATION_CLASS[level]];
}

/** SINS class of a total: 0–6 stable, 7–12 potentially unstable, 13–18 unstable (Fisher 2010; Fourney 2011). */
export function sinsCategory(total: number): SinsCategory {
  requireInteger("total", total, 0, SINS_MAX);
  if (total <= 6) return "stable";
  if (total <= 12) return "potentially-unstable";
  return "unstable";
}

/**
 * SINS from the candidates of each item. Unknown items count with their whole range; the total is set only
 * when all six are certain, the category whenever [min, max] lies in one class.
 */
export function sins(input: SinsInput): SinsResult {
  const raw = requireRecord("sins input", input);
  refuseUnknownKeys("sins input", raw, SINS_ITEMS);
  const location = parseCandidates("location", raw.location, SINS_LEVELS, (v) =>
    v === "Coccyx" ? COCCYX_NOT_SCOREABLE : null,
  );
  const pain = parseCandidates("pain", raw.pain, SINS_PAIN);
  const boneLesion = parseCandidates("boneLesion", raw.boneLesion, SINS_BONE_LESION);
  const alignment = parseCandidates("alignment", raw.alignment, SINS_ALIGNMENT);
  const collapse = parseCandidates("collapse", raw.collapse, SINS_COLLAPSE);
  const posterolateral = parseCandidates("posterolateral", raw.posterolateral, SINS_POSTEROLATERAL);

  const items: SinsResult["items"] = {
    location: scoreItem(location, SINS_LEVELS, locationPoints),
    pain: scoreItem(pain, SINS_PAIN, (v) => SINS_POINTS.pain[v]),
    boneLesion: scoreItem(boneLesion, SINS_BONE_LESION, (v) => SINS_POINTS.boneLesion[v]),
    alignment: scoreItem(alignment, SINS_ALIGNMENT, (v) => SINS_POINTS.alignment[v]),
    collapse: scoreItem(collapse, SINS_COLLAPSE, (v) => SINS_POINTS.collapse[v]),
    posterolateral: scoreItem(posterolateral, SINS_POSTEROLATERAL, (v) => SINS_POINTS.posterolateral[v]),
  };
  const { total, min, max } = sumItems(Object.values(items));
  return { total, min, max, category: classOfRange(min, max, sinsCategory), items };
}
