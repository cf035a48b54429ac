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

import type {
  BARTHEL_POINTS,
  ECOG_GRADES,
  FRANKEL_GRADES,
  KPS_SCORES,
  SegmentGroup,
  SINS_CATEGORIES,
  SINS_POINTS,
  SinsLevel,
  SpinalLevel,
  TOKUHASHI_POINTS,
  TOKUHASHI_PROGNOSES,
} from "./domains";
import type { CORE_JOIN_TEXT } from "./messages";

export { SPINAL_LEVELS, type SegmentGroup, type SinsLevel, type SpinalLevel } from "./domains";

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
// Every type here derives from the tables of ./domains.ts: an item, a value or a class is added there only.

export type SinsItem = keyof typeof SINS_POINTS;
export type SinsLocationClass = keyof typeof SINS_POINTS.location;
export type SinsPain = keyof typeof SINS_POINTS.pain;
export type SinsBoneLesion = keyof typeof SINS_POINTS.boneLesion;
export type SinsAlignment = keyof typeof SINS_POINTS.alignment;
/** "gt50" > 50 %; "lt50" < 50 %; "noCollapseOver50Involved" no collapse with > 50 % of the body involved; "none". */
export type SinsCollapse = keyof typeof SINS_POINTS.collapse;
export type SinsPosterolateral = keyof typeof SINS_POINTS.posterolateral;
export type SinsCategory = keyof typeof SINS_CATEGORIES;

/**
 * The values each SINS item takes: the scored level for location (occiput–S5; its points come by its class),
 * the table's categories for the others.
 */
export type SinsValues = { [K in SinsItem]: K extends "location" ? SinsLevel : keyof (typeof SINS_POINTS)[K] };

/** Per item: the candidates of its value. Location: the level(s) the scored lesion occupies; several = a range. */
export type SinsInput = { [K in SinsItem]?: Candidates<SinsValues[K]> };

export interface SinsResult {
  total: number | null;
  min: number;
  max: number;
  category: SinsCategory | null;
  items: { [K in SinsItem]: ItemScore<SinsValues[K]> };
}

// ------------------------------------------------ Revised Tokuhashi 2005 (NICE CG75, docs/scores.md)

export type TokuhashiItem = keyof typeof TOKUHASHI_POINTS;
/** KPS bands: poor 10–40 %, moderate 50–70 %, good 80–100 %. */
export type GeneralCondition = keyof typeof TOKUHASHI_POINTS.generalCondition;
/** Extraspinal bone foci: "3+" (≥ 3), "1-2", "0". */
export type ExtraspinalBoneMets = keyof typeof TOKUHASHI_POINTS.extraspinalBoneMets;
/** Vertebral bodies involved: "3+" (≥ 3), "2", "1". */
export type VertebralBodyMets = keyof typeof TOKUHASHI_POINTS.vertebralBodyMets;
export type VisceralMets = keyof typeof TOKUHASHI_POINTS.visceralMets;
export type PrimarySite = keyof typeof TOKUHASHI_POINTS.primarySite;
export type FrankelGrade = (typeof FRANKEL_GRADES)[number];
export type TokuhashiPrognosis = keyof typeof TOKUHASHI_PROGNOSES;

/** The values each Tokuhashi item takes (palsy: by Frankel grade, A–B complete, C–D incomplete, E none). */
export type TokuhashiValues = { [K in TokuhashiItem]: keyof (typeof TOKUHASHI_POINTS)[K] };

export type TokuhashiInput = { [K in TokuhashiItem]?: Candidates<TokuhashiValues[K]> };

export interface TokuhashiResult {
  total: number | null;
  min: number;
  max: number;
  prognosis: TokuhashiPrognosis | null;
  version: "revised-2005";
  items: { [K in TokuhashiItem]: ItemScore<TokuhashiValues[K]> };
}

/** ECOG performance status 0–5 (5 = dead). */
export type EcogGrade = (typeof ECOG_GRADES)[number];
/** Karnofsky performance status 10–100 in steps of 10. */
export type KpsScore = (typeof KPS_SCORES)[number];

// ------------------------------------------------------------- Segment group (the study's, Segi 2025)

export interface SegmentGroupResult {
  group: SegmentGroup | null;
  levels: SpinalLevel[];
  /** Why the group is null, when it is (a core message; the faces word it). */
  reason: CoreMessage | null;
}

export interface Applicability {
  /** true: 1–3 contiguous levels and age ≥ 20; false: outside the study population; null: no level known. */
  inStudyPopulation: boolean | null;
  /** Why, as core messages (the faces word them). */
  reasons: CoreMessage[];
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
export type CoreJoin = keyof typeof CORE_JOIN_TEXT;

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

export type BarthelItem = keyof typeof BARTHEL_POINTS;
/** Item points as given by the standard weights (0/5/10/15 depending on the item). */
export type BarthelInput = { [K in BarthelItem]?: number | null | undefined };

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
