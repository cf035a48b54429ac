/**
 * Which catalogue key names each category of the scores and the study, so that every word shown traces to
 * the scores' sources (SINS: Fisher 2010; revised Tokuhashi 2005, as cited in src/scores) or the study. React-free:
 * the CDS Hooks card uses the same names.
 *
 * Nothing here lists a domain again: the items, values, points and their order come from the records of
 * src/scores/domains.ts, and each key is built from the value by a template literal (`app.sins.pain.${v}`) whose
 * type the compiler checks against the catalogue, so a category without its words does not compile.
 */
import type { MessageKey } from "../i18n";
import { keyed } from "../i18n/keyed";
import { TIMEPOINT_CODES } from "../questionnaires/contract";
import type { EvidenceSource, QolTimepointKind } from "../report/types";
import type { CourseOutcome, ProportionMeasure } from "./qol/courseModel";
import {
  SEGMENT_GROUPS,
  SINS_ITEMS,
  SINS_LEVELS,
  SINS_LOCATION_CLASSES,
  SINS_POINTS,
  TOKUHASHI_ITEMS,
  TOKUHASHI_POINTS,
  keysOf,
  sinsLocationClass,
  type SinsItem,
  type SinsLocationClass,
  type TokuhashiItem,
} from "../scores";

export type SinsItemKey = SinsItem;
export type TokuhashiItemKey = TokuhashiItem;

export const SEGMENT_GROUP_LABEL = keyed(SEGMENT_GROUPS, (g) => `app.group.${g}` as const);
/** Short names for chart legends and table headers. */
export const SEGMENT_GROUP_SHORT = keyed(SEGMENT_GROUPS, (g) => `app.group.short.${g}` as const);

/** A QOL measure's name (a course outcome or one of the two proportions), in the charts, tables and sheet. */
export const qolMeasureLabel = (measure: CourseOutcome | ProportionMeasure) => `app.qol.outcome.${measure}` as const;

/** The class and band names: the one wording of what a range allows (src/i18n/verdict.ts). */

/**
 * Where an item's value came from: `app.source.<source>`; a value missing from the record is said as everywhere
 * else ("not on file"), so a new source does not compile until it is worded.
 */
export function sourceLabel(source: EvidenceSource) {
  return source === "missing" ? ("app.notOnFile" as const) : (`app.source.${source}` as const);
}

/**
 * The QOL timepoints in the study's order (pre-op, 1 month after surgery, another date): the kinds the app's
 * Questionnaires code (TIMEPOINT_CODES). The two checks make the list and QolTimepointKind one set: a kind
 * without its code, or a code that is no kind, does not compile.
 */
export const TIMEPOINTS = keysOf(
  TIMEPOINT_CODES satisfies Readonly<Record<QolTimepointKind, string>>,
) satisfies readonly QolTimepointKind[];

export const SINS_ITEM_LABEL = keyed(SINS_ITEMS, (item) => `app.sins.item.${item}` as const);
export const TOKUHASHI_ITEM_LABEL = keyed(TOKUHASHI_ITEMS, (item) => `app.tok.item.${item}` as const);

/** The items in the order of the published score tables (Fisher 2010; Tokuhashi 2005): cards, save bar, checks. */
export const SINS_ITEM_ORDER: readonly SinsItemKey[] = SINS_ITEMS;
export const TOKUHASHI_ITEM_ORDER: readonly TokuhashiItemKey[] = TOKUHASHI_ITEMS;

const SINS_LOCATION_CLASS_LABEL = keyed(SINS_LOCATION_CLASSES, (c) => `app.sins.location.${c}` as const);

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

/** An item's options from its points table, in the table's order unless `order` is given, each with its words. */
function options<V extends string>(
  points: Readonly<Record<V, number>>,
  label: (value: V) => MessageKey,
  order: readonly V[] = keysOf(points),
): ItemOption[] {
  return order.map((value) => ({ value, label: label(value), points: points[value] }));
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

export const SINS_OPTIONS: Readonly<Record<SinsItemKey, ItemOption[]>> = {
  location: LOCATION_OPTIONS,
  pain: options(SINS_POINTS.pain, (v) => `app.sins.pain.${v}` as const),
  boneLesion: options(SINS_POINTS.boneLesion, (v) => `app.sins.boneLesion.${v}` as const),
  alignment: options(SINS_POINTS.alignment, (v) => `app.sins.alignment.${v}` as const),
  collapse: options(SINS_POINTS.collapse, (v) => `app.sins.collapse.${v}` as const),
  posterolateral: options(SINS_POINTS.posterolateral, (v) => `app.sins.posterolateral.${v}` as const),
};

/** The count categories of both Tokuhashi count items share their words ("≥ 3" is filed as `3plus`). */
const countLabel = (v: "0" | "1" | "2" | "1-2" | "3+") => `app.tok.count.${v === "3+" ? "3plus" : v}` as const;
/** The core lists counts from the fewest up; the options list them as NICE CG75 Appendix 3 Table 2 prints them (≥ 3 first). */
const mostFirst = <V extends string>(points: Readonly<Record<V, number>>): V[] => [...keysOf(points)].reverse();

export const TOKUHASHI_OPTIONS: Readonly<Record<TokuhashiItemKey, ItemOption[]>> = {
  generalCondition: options(TOKUHASHI_POINTS.generalCondition, (v) => `app.tok.generalCondition.${v}` as const),
  extraspinalBoneMets: options(
    TOKUHASHI_POINTS.extraspinalBoneMets,
    countLabel,
    mostFirst(TOKUHASHI_POINTS.extraspinalBoneMets),
  ),
  vertebralBodyMets: options(
    TOKUHASHI_POINTS.vertebralBodyMets,
    countLabel,
    mostFirst(TOKUHASHI_POINTS.vertebralBodyMets),
  ),
  visceralMets: options(TOKUHASHI_POINTS.visceralMets, (v) => `app.tok.visceralMets.${v}` as const),
  primarySite: options(TOKUHASHI_POINTS.primarySite, (v) => `app.tok.primary.${v}` as const),
  palsy: options(TOKUHASHI_POINTS.palsy, (v) => `app.tok.palsy.${v}` as const),
};

/** What a list of a score's items shows besides the report's items (card, print sheet): order, names, options. */
export interface ItemWords<K extends string> {
  order: readonly K[];
  itemLabels: Readonly<Record<K, MessageKey>>;
  options: Readonly<Record<K, readonly ItemOption[]>>;
}

export const SINS_ITEM_WORDS: ItemWords<SinsItemKey> = {
  order: SINS_ITEM_ORDER,
  itemLabels: SINS_ITEM_LABEL,
  options: SINS_OPTIONS,
};
export const TOKUHASHI_ITEM_WORDS: ItemWords<TokuhashiItemKey> = {
  order: TOKUHASHI_ITEM_ORDER,
  itemLabels: TOKUHASHI_ITEM_LABEL,
  options: TOKUHASHI_OPTIONS,
};

/** The words for one value of an item (a level's name, or the catalogue text). */
export function optionText(options: readonly ItemOption[], value: string, t: (key: MessageKey) => string): string {
  const option = options.find((o) => o.value === value);
  if (!option) return value;
  const name = option.label ? t(option.label) : option.value;
  return option.locationClass ? `${name} (${t(SINS_LOCATION_CLASS_LABEL[option.locationClass])})` : name;
}
