/**
 * Every item's domain, in one place: one `as const` record per domain (a list, or value → points / band), each
 * table with its citation. The union types (./types.ts), the ordered lists below, the zod schemas of the inputs
 * (./schemas.ts) and the catalogue keys of the words (src/ui/labels.ts) all derive from these records, so a value
 * is added or renamed here and nowhere else.
 *
 * A record's key order is the domain's order: the order of `candidates` in results. Count-like domains go from the
 * fewest to the most (so "at least 1" reads ["1-2", "3+"]); JavaScript lists integer-like keys ("0", "1", "2")
 * before the others, so those records are written fewest first.
 */

/** A record's keys, in its order, typed as the record's own keys. */
export function keysOf<R extends object>(record: R): readonly (keyof R & string)[] {
  return Object.keys(record) as (keyof R & string)[];
}

/** Totals from `min` to `max`, inclusive. */
export interface Band {
  readonly min: number;
  readonly max: number;
}

/** The key of `bands` whose [min, max] holds `total`; the bands cover their score's whole domain. */
export function bandOf<K extends string>(bands: Readonly<Record<K, Band>>, order: readonly K[], total: number): K {
  for (const key of order) if (total <= bands[key].max) return key;
  throw new RangeError(`no band holds ${total}`);
}

// ------------------------------------------------------------------------------------- spinal levels

/** Vertebral levels the app knows, cranial to caudal (Fisher 2010; fhir-mappings/body-sites.json). */
export const SPINAL_LEVELS = [
  "Occiput",
  "C1",
  "C2",
  "C3",
  "C4",
  "C5",
  "C6",
  "C7",
  "T1",
  "T2",
  "T3",
  "T4",
  "T5",
  "T6",
  "T7",
  "T8",
  "T9",
  "T10",
  "T11",
  "T12",
  "L1",
  "L2",
  "L3",
  "L4",
  "L5",
  "S1",
  "S2",
  "S3",
  "S4",
  "S5",
  "Coccyx",
] as const;
export type SpinalLevel = (typeof SPINAL_LEVELS)[number];

/** A spinal level SINS can score (Fisher 2010 covers occiput–S5; the coccyx is not covered). */
export type SinsLevel = Exclude<SpinalLevel, "Coccyx">;
export const SINS_LEVELS: readonly SinsLevel[] = SPINAL_LEVELS.filter((l): l is SinsLevel => l !== "Coccyx");

/** The study's segment groups (Segi 2025, Methods "Variables and Grouping"; Table 1), in the paper's order. */
export const SEGMENT_GROUPS = ["cervical", "thoracic", "tl-l-s"] as const;
export type SegmentGroup = (typeof SEGMENT_GROUPS)[number];

// --------------------------------------------------------------------------------------------- SINS

/**
 * SINS points per item category (Fisher CG et al., Spine 2010;35(22):E1221–E1229, docs/scores.md). Total 0–18.
 * The item order is the published table's (the cards, the save bar and the checks list the items in it).
 */
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
} as const satisfies Record<string, Readonly<Record<string, number>>>;

export const SINS_MAX = 18;

/** SINS classes (Fisher 2010; worded as by Fourney DR et al., J Clin Oncol 2011;29(22):3072–3077). */
export const SINS_CATEGORIES = {
  stable: { min: 0, max: 6 },
  "potentially-unstable": { min: 7, max: 12 },
  unstable: { min: 13, max: 18 },
} as const satisfies Record<string, Band>;

export const SINS_ITEMS = keysOf(SINS_POINTS);
export const SINS_LOCATION_CLASSES = keysOf(SINS_POINTS.location);
export const SINS_PAIN = keysOf(SINS_POINTS.pain);
export const SINS_BONE_LESION = keysOf(SINS_POINTS.boneLesion);
export const SINS_ALIGNMENT = keysOf(SINS_POINTS.alignment);
export const SINS_COLLAPSE = keysOf(SINS_POINTS.collapse);
export const SINS_POSTEROLATERAL = keysOf(SINS_POINTS.posterolateral);
export const SINS_CATEGORY_ORDER = keysOf(SINS_CATEGORIES);

/** Each SINS item's values: the scored level for location (its points come by its class), the table's categories. */
export const SINS_DOMAINS = {
  location: SINS_LEVELS,
  pain: SINS_PAIN,
  boneLesion: SINS_BONE_LESION,
  alignment: SINS_ALIGNMENT,
  collapse: SINS_COLLAPSE,
  posterolateral: SINS_POSTEROLATERAL,
} as const satisfies Record<keyof typeof SINS_POINTS, readonly string[]>;

// ------------------------------------------------------------------------------ revised Tokuhashi 2005

/** Frankel grades, A (complete) to E (normal) (Frankel HL et al., Paraplegia 1969;7(3):179–192). */
export const FRANKEL_GRADES = ["A", "B", "C", "D", "E"] as const;

/** Item 5, primary site of the cancer (list confirmed against NICE CG75 and two reproductions). */
export const PRIMARY_SITE_POINTS = {
  lung: 0,
  osteosarcoma: 0,
  stomach: 0,
  bladder: 0,
  esophagus: 0,
  pancreas: 0,
  liver: 1,
  gallbladder: 1,
  unidentified: 1,
  others: 2,
  kidney: 3,
  uterus: 3,
  rectum: 4,
  thyroid: 5,
  breast: 5,
  prostate: 5,
  carcinoid: 5,
} as const satisfies Record<string, number>;

/**
 * Points per item category, revised Tokuhashi 2005 (Tokuhashi Y et al., Spine 2005;30(19):2186–2191, as reproduced
 * in NICE CG75 (2008) Appendix 3 Table 2; docs/scores.md). Total 0–15. Counts are written fewest first (see above).
 */
export const TOKUHASHI_POINTS = {
  /** Karnofsky: poor 10–40 % 0, moderate 50–70 % 1, good 80–100 % 2. */
  generalCondition: { poor: 0, moderate: 1, good: 2 },
  /** Extraspinal bone metastasis foci: ≥ 3 0, 1–2 1, 0 2. */
  extraspinalBoneMets: { "0": 2, "1-2": 1, "3+": 0 },
  /** Metastases in the vertebral body: ≥ 3 0, 2 1, 1 2 (NICE CG75 Appendix 3 Table 2; the 1990 version differs). */
  vertebralBodyMets: { "1": 2, "2": 1, "3+": 0 },
  /** Metastases to the major internal organs: unremovable 0, removable 1, none 2. */
  visceralMets: { unremovable: 0, removable: 1, none: 2 },
  primarySite: PRIMARY_SITE_POINTS,
  /** Palsy: complete (Frankel A, B) 0, incomplete (C, D) 1, none (E) 2. */
  palsy: { A: 0, B: 0, C: 1, D: 1, E: 2 },
} as const satisfies Record<string, Readonly<Record<string, number>>> & {
  palsy: Record<(typeof FRANKEL_GRADES)[number], number>;
};

export const TOKUHASHI_MAX = 15;

/** Predicted survival by total (Tokuhashi 2005; NICE CG75): 0–8 < 6 months, 9–11 ≥ 6 months, 12–15 ≥ 1 year. */
export const TOKUHASHI_PROGNOSES = {
  "<6m": { min: 0, max: 8 },
  ">=6m": { min: 9, max: 11 },
  ">=12m": { min: 12, max: 15 },
} as const satisfies Record<string, Band>;

/**
 * Karnofsky performance status of each general condition (Tokuhashi 2005; NICE CG75): 10–40 poor, 50–70 moderate,
 * 80–100 good. Only multiples of 10 exist on the scale; KPS 0 (dead) is outside the item.
 */
export const KPS_OF_GENERAL_CONDITION = {
  poor: { min: 10, max: 40 },
  moderate: { min: 50, max: 70 },
  good: { min: 80, max: 100 },
} as const satisfies Record<keyof typeof TOKUHASHI_POINTS.generalCondition, Band>;

export const TOKUHASHI_ITEMS = keysOf(TOKUHASHI_POINTS);
export const GENERAL_CONDITIONS = keysOf(TOKUHASHI_POINTS.generalCondition);
export const EXTRASPINAL_BONE_METS = keysOf(TOKUHASHI_POINTS.extraspinalBoneMets);
export const VERTEBRAL_BODY_METS = keysOf(TOKUHASHI_POINTS.vertebralBodyMets);
export const VISCERAL_METS = keysOf(TOKUHASHI_POINTS.visceralMets);
export const PRIMARY_SITES = keysOf(PRIMARY_SITE_POINTS);
export const TOKUHASHI_PROGNOSIS_ORDER = keysOf(TOKUHASHI_PROGNOSES);

/** Each revised Tokuhashi item's values (palsy by Frankel grade). */
export const TOKUHASHI_DOMAINS = {
  generalCondition: GENERAL_CONDITIONS,
  extraspinalBoneMets: EXTRASPINAL_BONE_METS,
  vertebralBodyMets: VERTEBRAL_BODY_METS,
  visceralMets: VISCERAL_METS,
  primarySite: PRIMARY_SITES,
  palsy: FRANKEL_GRADES,
} as const satisfies Record<keyof typeof TOKUHASHI_POINTS, readonly string[]>;

// ------------------------------------------------------------------------- performance status, QOL

/** ECOG performance status grades (Oken MM et al., Am J Clin Oncol 1982;5(6):649–655): 0 fully active … 5 dead. */
export const ECOG_GRADES = [0, 1, 2, 3, 4, 5] as const;
/** Karnofsky performance status as the Tokuhashi item uses it: 10–100 in steps of 10 (0 = dead is outside it). */
export const KPS_SCORES = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

/**
 * Barthel index: the points each item can take (Mahoney FI, Barthel DW. Functional evaluation: the Barthel index.
 * Md State Med J 1965;14:61–65; the study's reference 21). Total 0–100.
 */
export const BARTHEL_POINTS = {
  feeding: [0, 5, 10],
  bathing: [0, 5],
  grooming: [0, 5],
  dressing: [0, 5, 10],
  bowels: [0, 5, 10],
  bladder: [0, 5, 10],
  toiletUse: [0, 5, 10],
  transfers: [0, 5, 10, 15],
  mobility: [0, 5, 10, 15],
  stairs: [0, 5, 10],
} as const satisfies Record<string, readonly number[]>;

export const BARTHEL_ITEMS = keysOf(BARTHEL_POINTS);
