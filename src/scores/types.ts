/**
 * Types of the scoring core. Pure data: nothing here knows FHIR, React or the network.
 *
 * Every calculator takes, per item, a *set of candidate values* (the clinical categories the item may
 * still be in): one candidate = the item is known; several = a range; none given = unknown (the item's
 * whole domain). Measurements (a KPS of 60, "at least 1 extraspinal bone focus", the levels a lesion
 * spans) are turned into candidate sets by the helpers in the calculators' modules, so that every rule of
 * docs/clinical-rules.md ("counts are lower bounds", "a lesion spanning classes is a range", "exactly 50 % collapse is
 * not guessed") is a candidate set, not a special case.
 */

/** Vertebral levels the app knows, cranial to caudal (Fisher 2010; fhir-mappings/body-sites.json). */
export const SPINAL_LEVELS = [
  "Occiput",
  "C1", "C2", "C3", "C4", "C5", "C6", "C7",
  "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
  "L1", "L2", "L3", "L4", "L5",
  "S1", "S2", "S3", "S4", "S5",
  "Coccyx",
] as const;
export type SpinalLevel = (typeof SPINAL_LEVELS)[number];

/** What one item of a score came to, given its candidate values. */
export interface ItemScore<V extends string = string> {
  /** Points when certain (min === max), else null. */
  points: number | null;
  min: number;
  max: number;
  /** The value when exactly one candidate remains, else null. */
  value: V | null;
  /** The candidate values still possible (the whole domain when unknown). */
  candidates: V[];
}

/** Candidates for one item: a single value, several, or nothing known (undefined / null / empty). */
export type Candidates<V extends string> = V | readonly V[] | null | undefined;

// ---------------------------------------------------------------- SINS (Fisher 2010, docs/scores.md)

export type SinsItem = "location" | "pain" | "boneLesion" | "alignment" | "collapse" | "posterolateral";
export const SINS_ITEMS: readonly SinsItem[] = ["location", "pain", "boneLesion", "alignment", "collapse", "posterolateral"];

export type SinsLocationClass = "junctional" | "mobile" | "semirigid" | "rigid";
export type SinsPain = "mechanical" | "occasional" | "none";
export type SinsBoneLesion = "lytic" | "mixed" | "blastic";
export type SinsAlignment = "subluxation" | "deformity" | "normal";
/** "gt50" > 50 %; "lt50" < 50 %; "noCollapseOver50Involved" no collapse with > 50 % of the body involved; "none". */
export type SinsCollapse = "gt50" | "lt50" | "noCollapseOver50Involved" | "none";
export type SinsPosterolateral = "bilateral" | "unilateral" | "none";

export interface SinsInput {
  /** The level(s) the scored lesion occupies (occiput–S5). Several levels = range until one is chosen. */
  location?: Candidates<Exclude<SpinalLevel, "Coccyx">>;
  pain?: Candidates<SinsPain>;
  boneLesion?: Candidates<SinsBoneLesion>;
  alignment?: Candidates<SinsAlignment>;
  collapse?: Candidates<SinsCollapse>;
  posterolateral?: Candidates<SinsPosterolateral>;
}

export type SinsCategory = "stable" | "potentially-unstable" | "unstable";

export interface SinsResult {
  total: number | null;
  min: number;
  max: number;
  category: SinsCategory | null;
  items: {
    location: ItemScore<Exclude<SpinalLevel, "Coccyx">>;
    pain: ItemScore<SinsPain>;
    boneLesion: ItemScore<SinsBoneLesion>;
    alignment: ItemScore<SinsAlignment>;
    collapse: ItemScore<SinsCollapse>;
    posterolateral: ItemScore<SinsPosterolateral>;
  };
}

// ------------------------------------------------ Revised Tokuhashi 2005 (NICE CG75, docs/scores.md)

export type TokuhashiItem =
  | "generalCondition"
  | "extraspinalBoneMets"
  | "vertebralBodyMets"
  | "visceralMets"
  | "primarySite"
  | "palsy";
export const TOKUHASHI_ITEMS: readonly TokuhashiItem[] = [
  "generalCondition", "extraspinalBoneMets", "vertebralBodyMets", "visceralMets", "primarySite", "palsy",
];

/** KPS bands: poor 10–40 %, moderate 50–70 %, good 80–100 %. */
export type GeneralCondition = "poor" | "moderate" | "good";
/** Extraspinal bone foci: "3+" (≥ 3), "1-2", "0". */
export type ExtraspinalBoneMets = "3+" | "1-2" | "0";
/** Vertebral bodies involved: "3+" (≥ 3), "2", "1". */
export type VertebralBodyMets = "3+" | "2" | "1";
export type VisceralMets = "unremovable" | "removable" | "none";
export type PrimarySite =
  | "lung" | "osteosarcoma" | "stomach" | "bladder" | "esophagus" | "pancreas" // 0
  | "liver" | "gallbladder" | "unidentified" // 1
  | "others" // 2
  | "kidney" | "uterus" // 3
  | "rectum" // 4
  | "thyroid" | "breast" | "prostate" | "carcinoid"; // 5
export type FrankelGrade = "A" | "B" | "C" | "D" | "E";

export interface TokuhashiInput {
  generalCondition?: Candidates<GeneralCondition>;
  extraspinalBoneMets?: Candidates<ExtraspinalBoneMets>;
  vertebralBodyMets?: Candidates<VertebralBodyMets>;
  visceralMets?: Candidates<VisceralMets>;
  primarySite?: Candidates<PrimarySite>;
  /** Palsy by Frankel grade: A–B complete, C–D incomplete, E none. */
  palsy?: Candidates<FrankelGrade>;
}

export type TokuhashiPrognosis = "<6m" | ">=6m" | ">=12m";

export interface TokuhashiResult {
  total: number | null;
  min: number;
  max: number;
  prognosis: TokuhashiPrognosis | null;
  version: "revised-2005";
  items: {
    generalCondition: ItemScore<GeneralCondition>;
    extraspinalBoneMets: ItemScore<ExtraspinalBoneMets>;
    vertebralBodyMets: ItemScore<VertebralBodyMets>;
    visceralMets: ItemScore<VisceralMets>;
    primarySite: ItemScore<PrimarySite>;
    palsy: ItemScore<FrankelGrade>;
  };
}

// ------------------------------------------------------------- Segment group (the study's, Segi 2025)

export type SegmentGroup = "cervical" | "thoracic" | "tl-l-s";

export interface SegmentGroupResult {
  group: SegmentGroup | null;
  levels: SpinalLevel[];
  /** Why the group is null, when it is. */
  reason: string | null;
  /** `reason` in machine-readable form (present exactly when `reason` is not null). */
  reasonCode?: CoreMessage;
}

export interface Applicability {
  /** true: 1–3 contiguous levels and age ≥ 20; false: outside the study population; null: no level known. */
  inStudyPopulation: boolean | null;
  reasons: string[];
  /** `reasons` in machine-readable form, one per reason, same order (the faces translate them). */
  reasonCodes?: CoreMessage[];
}

// ------------------------------------------------------ Core messages (machine-readable, ./messages.ts)

/**
 * A message of the core in machine-readable form, next to its English text: a stable code (listed in
 * CORE_MESSAGE_CODES of src/extract/messages.ts) and its parameters. A face looks the code up in its
 * catalogue and fills the parameters; for a code it does not know it shows the English text.
 */
export interface CoreMessage {
  code: string;
  params?: Record<string, CoreParam>;
}

/**
 * How the items of a CoreList are joined; in English ", ", "; ", " and ", " or ", and " " between the
 * sentences of an item's context (CORE_JOIN_TEXT).
 */
export type CoreJoin = "comma" | "semicolon" | "and" | "or" | "sentence";

/** A list inside a message ("T3, T5, T6"; "lung or others"), its items joined by the locale's separator. */
export interface CoreList {
  join: CoreJoin;
  items: CoreParam[];
}

/**
 * A term from the mapping data (fhir-mappings/: an organ of metastases.json, a note of primary-sites.json),
 * by its English text as written there. English shows the term itself; another locale looks it up in its
 * table (fhir-mappings/terms.ja.json) and shows the English when the table lacks it.
 */
export interface CoreTerm {
  term: string;
}

/**
 * A parameter: text from the record or a code (shown as is, in every language), a number, a nested message
 * (a clinical term, a phrase), a term of the mapping data, or a list of them.
 */
export type CoreParam = string | number | CoreMessage | CoreList | CoreTerm;

export interface ApplicabilityInput {
  levels: readonly SpinalLevel[];
  age: number | null;
  /** Planned total en bloc spondylectomy (asked in the UI); null = not asked yet. */
  enBlocPlanned: boolean | null;
}

// ---------------------------------------------------------------------- EQ-5D-5L (docs/scores.md)

export interface ValueSetInfo {
  id: string;
  country: string;
  /** Display label telling variants of one country apart (e.g. "Japan (cTTO, 6-decimal coefficients; default)"). */
  label?: string;
  citation: string;
  doi: string | null;
  enabled: boolean;
  /** Why a value set is disabled (e.g. Germany's AD4 conflict). */
  disabledReason: string | null;
}

// ------------------------------------------------- Barthel index (Mahoney & Barthel 1965, ref. 21)

export type BarthelItem =
  | "feeding" | "bathing" | "grooming" | "dressing" | "bowels"
  | "bladder" | "toiletUse" | "transfers" | "mobility" | "stairs";
export const BARTHEL_ITEMS: readonly BarthelItem[] = [
  "feeding", "bathing", "grooming", "dressing", "bowels", "bladder", "toiletUse", "transfers", "mobility", "stairs",
];
/** Item points as given by the standard weights (0/5/10/15 depending on the item). */
export type BarthelInput = Partial<Record<BarthelItem, number | null>>;

export interface BarthelResult {
  total: number | null;
  min: number;
  max: number;
}

/** An input the core refuses: out of range, wrong type, unknown category. Names the field. */
export class ScoreInputError extends RangeError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "ScoreInputError";
    this.field = field;
  }
}
