/**
 * Which catalogue key names each category of the scores and the study, so that every word shown traces to
 * the scores' sources (SINS: Fisher 2010; revised Tokuhashi 2005, as cited in src/scores) or the study. React-free:
 * the CDS Hooks card uses the same names. Records keyed by the core's types: the compiler
 * refuses a category without its words.
 */
import type { MessageKey } from "../i18n";
import type { EvidenceSource, TokuhashiReport, SinsReport } from "../report/types";
import type {
  ExtraspinalBoneMets,
  FrankelGrade,
  GeneralCondition,
  PrimarySite,
  SegmentGroup,
  SinsAlignment,
  SinsBoneLesion,
  SinsCategory,
  SinsCollapse,
  SinsPain,
  SinsPosterolateral,
  TokuhashiPrognosis,
  VertebralBodyMets,
  VisceralMets,
} from "../scores/types";
import {
  EXTRASPINAL_BONE_METS,
  FRANKEL_GRADES,
  GENERAL_CONDITIONS,
  PRIMARY_SITES,
  SINS_ALIGNMENT,
  SINS_BONE_LESION,
  SINS_COLLAPSE,
  SINS_LEVELS,
  SINS_PAIN,
  SINS_POINTS,
  SINS_POSTEROLATERAL,
  TOKUHASHI_POINTS,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
  sinsLocationClass,
  type SinsLocationClass,
} from "../scores";

export type SinsItemKey = keyof SinsReport["items"];
export type TokuhashiItemKey = keyof TokuhashiReport["items"];

export const SEGMENT_GROUP_LABEL: Record<SegmentGroup, MessageKey> = {
  cervical: "app.group.cervical",
  thoracic: "app.group.thoracic",
  "tl-l-s": "app.group.tl-l-s",
};
/** Short names for chart legends and table headers. */
export const SEGMENT_GROUP_SHORT: Record<SegmentGroup, MessageKey> = {
  cervical: "app.group.short.cervical",
  thoracic: "app.group.short.thoracic",
  "tl-l-s": "app.group.short.tl-l-s",
};

/** The class and band names: the one wording of what a range allows (src/i18n/verdict.ts). */
export { SINS_CATEGORY_LABEL, TOKUHASHI_PROGNOSIS_LABEL } from "../i18n/verdict";

export const SOURCE_LABEL: Record<EvidenceSource, MessageKey> = {
  record: "app.source.record",
  questionnaire: "app.source.questionnaire",
  clinician: "app.source.clinician",
  missing: "app.source.missing",
};

export const SINS_ITEM_LABEL: Record<SinsItemKey, MessageKey> = {
  location: "app.sins.item.location",
  pain: "app.sins.item.pain",
  boneLesion: "app.sins.item.boneLesion",
  alignment: "app.sins.item.alignment",
  collapse: "app.sins.item.collapse",
  posterolateral: "app.sins.item.posterolateral",
};

export const TOKUHASHI_ITEM_LABEL: Record<TokuhashiItemKey, MessageKey> = {
  generalCondition: "app.tok.item.generalCondition",
  extraspinalBoneMets: "app.tok.item.extraspinalBoneMets",
  vertebralBodyMets: "app.tok.item.vertebralBodyMets",
  visceralMets: "app.tok.item.visceralMets",
  primarySite: "app.tok.item.primarySite",
  palsy: "app.tok.item.palsy",
};

/** The items in the order of the published score tables (Fisher 2010; Tokuhashi 2005): cards, save bar, checks. */
export const SINS_ITEM_ORDER: readonly SinsItemKey[] = ["location", "pain", "boneLesion", "alignment", "collapse", "posterolateral"];
export const TOKUHASHI_ITEM_ORDER: readonly TokuhashiItemKey[] = [
  "generalCondition",
  "extraspinalBoneMets",
  "vertebralBodyMets",
  "visceralMets",
  "primarySite",
  "palsy",
];

const SINS_PAIN_LABEL: Record<SinsPain, MessageKey> = {
  mechanical: "app.sins.pain.mechanical",
  occasional: "app.sins.pain.occasional",
  none: "app.sins.pain.none",
};
const SINS_BONE: Record<SinsBoneLesion, MessageKey> = {
  lytic: "app.sins.boneLesion.lytic",
  mixed: "app.sins.boneLesion.mixed",
  blastic: "app.sins.boneLesion.blastic",
};
const SINS_ALIGNMENT_LABEL: Record<SinsAlignment, MessageKey> = {
  subluxation: "app.sins.alignment.subluxation",
  deformity: "app.sins.alignment.deformity",
  normal: "app.sins.alignment.normal",
};
const SINS_COLLAPSE_LABEL: Record<SinsCollapse, MessageKey> = {
  gt50: "app.sins.collapse.gt50",
  lt50: "app.sins.collapse.lt50",
  noCollapseOver50Involved: "app.sins.collapse.noCollapseOver50Involved",
  none: "app.sins.collapse.none",
};
const SINS_POSTEROLATERAL_LABEL: Record<SinsPosterolateral, MessageKey> = {
  bilateral: "app.sins.posterolateral.bilateral",
  unilateral: "app.sins.posterolateral.unilateral",
  none: "app.sins.posterolateral.none",
};

const TOK_GENERAL: Record<GeneralCondition, MessageKey> = {
  poor: "app.tok.generalCondition.poor",
  moderate: "app.tok.generalCondition.moderate",
  good: "app.tok.generalCondition.good",
};
const TOK_EXTRASPINAL: Record<ExtraspinalBoneMets, MessageKey> = {
  "3+": "app.tok.count.3plus",
  "1-2": "app.tok.count.1-2",
  "0": "app.tok.count.0",
};
const TOK_VERTEBRAL: Record<VertebralBodyMets, MessageKey> = {
  "3+": "app.tok.count.3plus",
  "2": "app.tok.count.2",
  "1": "app.tok.count.1",
};
const TOK_VISCERAL: Record<VisceralMets, MessageKey> = {
  unremovable: "app.tok.visceralMets.unremovable",
  removable: "app.tok.visceralMets.removable",
  none: "app.tok.visceralMets.none",
};
const TOK_PRIMARY: Record<PrimarySite, MessageKey> = {
  lung: "app.tok.primary.lung",
  osteosarcoma: "app.tok.primary.osteosarcoma",
  stomach: "app.tok.primary.stomach",
  bladder: "app.tok.primary.bladder",
  esophagus: "app.tok.primary.esophagus",
  pancreas: "app.tok.primary.pancreas",
  liver: "app.tok.primary.liver",
  gallbladder: "app.tok.primary.gallbladder",
  unidentified: "app.tok.primary.unidentified",
  others: "app.tok.primary.others",
  kidney: "app.tok.primary.kidney",
  uterus: "app.tok.primary.uterus",
  rectum: "app.tok.primary.rectum",
  thyroid: "app.tok.primary.thyroid",
  breast: "app.tok.primary.breast",
  prostate: "app.tok.primary.prostate",
  carcinoid: "app.tok.primary.carcinoid",
};
const TOK_PALSY: Record<FrankelGrade, MessageKey> = {
  A: "app.tok.palsy.A",
  B: "app.tok.palsy.B",
  C: "app.tok.palsy.C",
  D: "app.tok.palsy.D",
  E: "app.tok.palsy.E",
};

/** One selectable value of an item: the category key and how to name it. Levels are named by themselves. */
export interface ItemOption {
  value: string;
  /** A catalogue key, or null when the value is its own name (a vertebral level). */
  label: MessageKey | null;
  /** The item's points for this value (SINS_POINTS / TOKUHASHI_POINTS of the scoring core). */
  points: number;
  /** For a SINS level: its location class (junctional, mobile, semirigid, rigid). */
  locationClass?: SinsLocationClass;
}

export const SINS_LOCATION_CLASS_LABEL: Record<SinsLocationClass, MessageKey> = {
  junctional: "app.sins.location.junctional",
  mobile: "app.sins.location.mobile",
  semirigid: "app.sins.location.semirigid",
  rigid: "app.sins.location.rigid",
};

/** Options in the order given (object key order would put "0", "1", "2" first). */
function options<V extends string>(
  order: readonly V[],
  map: Record<V, MessageKey>,
  points: Readonly<Record<V, number>>,
): ItemOption[] {
  return order.map((value) => ({ value, label: map[value], points: points[value] }));
}

const LOCATION_OPTIONS: ItemOption[] = SINS_LEVELS.flatMap((value) => {
  const locationClass = sinsLocationClass(value);
  if (locationClass === null) return []; // never for SINS_LEVELS (occiput–S5); keeps the type narrow
  return [
    {
      value,
      label: value === "Occiput" ? ("app.level.occiput" as const) : null,
      points: SINS_POINTS.location[locationClass],
      locationClass,
    },
  ];
});

export const SINS_OPTIONS: Record<SinsItemKey, ItemOption[]> = {
  location: LOCATION_OPTIONS,
  pain: options(SINS_PAIN, SINS_PAIN_LABEL, SINS_POINTS.pain),
  boneLesion: options(SINS_BONE_LESION, SINS_BONE, SINS_POINTS.boneLesion),
  alignment: options(SINS_ALIGNMENT, SINS_ALIGNMENT_LABEL, SINS_POINTS.alignment),
  collapse: options(SINS_COLLAPSE, SINS_COLLAPSE_LABEL, SINS_POINTS.collapse),
  posterolateral: options(SINS_POSTEROLATERAL, SINS_POSTEROLATERAL_LABEL, SINS_POINTS.posterolateral),
};

// The core lists counts from the fewest up; the select lists them as NICE CG75 Appendix 3 Table 2 prints them (≥ 3 first).
export const TOKUHASHI_OPTIONS: Record<TokuhashiItemKey, ItemOption[]> = {
  generalCondition: options(GENERAL_CONDITIONS, TOK_GENERAL, TOKUHASHI_POINTS.generalCondition),
  extraspinalBoneMets: options([...EXTRASPINAL_BONE_METS].reverse(), TOK_EXTRASPINAL, TOKUHASHI_POINTS.extraspinalBoneMets),
  vertebralBodyMets: options([...VERTEBRAL_BODY_METS].reverse(), TOK_VERTEBRAL, TOKUHASHI_POINTS.vertebralBodyMets),
  visceralMets: options(VISCERAL_METS, TOK_VISCERAL, TOKUHASHI_POINTS.visceralMets),
  primarySite: options(PRIMARY_SITES, TOK_PRIMARY, TOKUHASHI_POINTS.primarySite),
  palsy: options(FRANKEL_GRADES, TOK_PALSY, TOKUHASHI_POINTS.palsy),
};

/** The words for one value of an item (a level's name, or the catalogue text). */
export function optionText(options: readonly ItemOption[], value: string, t: (key: MessageKey) => string): string {
  const option = options.find((o) => o.value === value);
  if (!option) return value;
  const name = option.label ? t(option.label) : option.value;
  return option.locationClass ? `${name} (${t(SINS_LOCATION_CLASS_LABEL[option.locationClass])})` : name;
}
