/**
 * The machine-readable form of the extraction's messages: item context notes (`ReportItem.contextCodes`),
 * suggestion reasons (`Suggestion.reasonCode`), diagnostics (`Diagnostic.messageCode`) and the terms and
 * phrases nested in them. The English text the extraction writes is unchanged; each message also carries
 * a code of CORE_MESSAGE_CODES and its parameters, which the UI renders through the catalogue
 * (src/i18n/sections/core.ts; a test checks that the catalogue's English equals what the core writes).
 *
 * CORE_MESSAGE_CODES is the one list of every code the core (src/scores and src/extract) can emit.
 */
import {
  coreMessage,
  EXTRASPINAL_BONE_METS,
  GENERAL_CONDITIONS,
  PRIMARY_SITES,
  SCORE_MESSAGE_CODES,
  SINS_ALIGNMENT,
  SINS_BONE_LESION,
  SINS_COLLAPSE,
  SINS_PAIN,
  SINS_POSTEROLATERAL,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
  type CoreMessage,
  type CoreParam,
  type ScoreMessageCode,
} from "../scores";
import type { ObservationConcept, SpinalRegion } from "./types";

const FIXED_CODES = [
  // Terms and phrases nested in other messages
  "term.no-id",
  "term.unknown-date",
  "term.on-day",
  "term.dated",
  "term.entry",
  "term.resource-no-id",
  "term.with-ref",
  "term.value-in",
  "term.primary-cancer",
  "term.site-not-coded",
  "term.whole-resource",
  "term.in-steps",
  "term.kps-0",
  "term.primary-categories",
  "term.primary-not-derivable",
  "concept.kps",
  "concept.ecog",
  "concept.painNrs",
  "concept.painVas",
  "concept.eqVas",
  "concept.barthel",
  "concept.frankel",
  "region.spine",
  "region.cervical",
  "region.thoracic",
  "region.lumbar",
  "region.sacrum",
  "verification.unconfirmed",
  "verification.provisional",
  "verification.differential",
  "claim.kps",
  "claim.ecog",
  "claim.frankel",
  "claim.general-condition",
  "claim.foci",
  "claim.vertebrae",
  "item.sins.location",
  "item.sins.pain",
  "item.sins.boneLesion",
  "item.sins.boneLesion-key",
  "item.sins.alignment",
  "item.sins.collapse",
  "item.sins.posterolateral",
  "item.tokuhashi.generalCondition",
  "item.tokuhashi.generalCondition-kps",
  "item.tokuhashi.extraspinalBoneMets",
  "item.tokuhashi.vertebralBodyMets",
  "item.tokuhashi.visceralMets",
  "item.tokuhashi.primarySite",
  "item.tokuhashi.palsy",
  "item.tokuhashi.palsy-frankel",
  // Why a resource could not be read (the first zod issue, or a check before zod)
  "issue.expected",
  "issue.codeable-concept",
  "issue.required",
  "issue.date",
  "issue.too-long",
  "issue.not-allowed",
  "issue.invalid",
  "issue.none",
  // Diagnostics
  "diag.invalid-resource",
  "diag.invalid-resource.not-object",
  "diag.invalid-resource.no-type",
  "diag.other-subject",
  "diag.internal",
  "diag.patient-not-found",
  "diag.ignored-status.observation",
  "diag.ignored-status.observation-other",
  "diag.ignored-status.condition",
  "diag.ignored-status.questionnaire",
  "diag.ignored-status.questionnaire-other",
  "diag.not-active",
  "diag.unconfirmed",
  "diag.preliminary.observation",
  "diag.preliminary.questionnaire",
  "diag.no-value",
  "diag.no-value.grade",
  "diag.inconsistent-value",
  "diag.other-scale",
  "diag.out-of-range",
  "diag.scale-unclear",
  "diag.level-not-coded",
  "diag.site-not-coded",
  "diag.unrecognised-answer",
  "diag.conflict.item",
  "diag.conflict.ecog",
  "diag.conflict.measurement",
  "diag.coccyx",
  "diag.invalid-entry",
  "diag.birth-date.unusable",
  "diag.birth-date.partial",
  "diag.value-set.stored",
  "diag.value-set.no-index",
  // Item context notes
  "context.conflict",
  "context.same-category",
  "context.preliminary",
  "context.sins.lesions",
  "context.sins.pick-across-classes",
  "context.sins.pick",
  "context.sins.coccyx",
  "context.sins.no-level",
  "context.sins.region-only",
  "context.no-kps",
  "context.ecog",
  "context.ecog-conflict",
  "context.ecog-spans",
  "context.extraspinal.none",
  "context.extraspinal.unlocated",
  "context.extraspinal.at-least-one",
  "context.extraspinal.at-least",
  "context.vertebrae.none",
  "context.vertebrae.region-only",
  "context.vertebrae.at-least-one",
  "context.vertebrae.at-least",
  "context.visceral.certain",
  "context.visceral.also-possible",
  "context.visceral.possible",
  "context.visceral.none",
  "context.primary.none",
  "context.primary.on-file",
  "context.primary.linked",
  "context.primary.mapping-note",
  "context.primary.pick",
  "context.palsy.none",
  // Suggestion reasons
  "suggestion.ecog-kps",
  "suggestion.extraspinal-none",
  "suggestion.visceral-none",
] as const;

/** The item values quoted in messages (a questionnaire's answer, a suggested category), one term each. */
const VALUE_CODES = [
  ...GENERAL_CONDITIONS.map((v) => `value.generalCondition.${v}` as const),
  ...EXTRASPINAL_BONE_METS.map((v) => `value.extraspinalBoneMets.${v}` as const),
  ...VERTEBRAL_BODY_METS.map((v) => `value.vertebralBodyMets.${v}` as const),
  ...VISCERAL_METS.map((v) => `value.visceralMets.${v}` as const),
  ...PRIMARY_SITES.map((v) => `value.primarySite.${v}` as const),
  ...SINS_PAIN.map((v) => `value.pain.${v}` as const),
  ...SINS_BONE_LESION.map((v) => `value.boneLesion.${v}` as const),
  ...SINS_ALIGNMENT.map((v) => `value.alignment.${v}` as const),
  ...SINS_COLLAPSE.map((v) => `value.collapse.${v}` as const),
  ...SINS_POSTEROLATERAL.map((v) => `value.posterolateral.${v}` as const),
];

export type ExtractMessageCode = (typeof FIXED_CODES)[number] | (typeof VALUE_CODES)[number];
export const EXTRACT_MESSAGE_CODES: readonly ExtractMessageCode[] = [...FIXED_CODES, ...VALUE_CODES];

/** Every code the core can emit (src/scores and src/extract), each once. */
export type CoreMessageCode = ScoreMessageCode | ExtractMessageCode;
export const CORE_MESSAGE_CODES: readonly CoreMessageCode[] = [...SCORE_MESSAGE_CODES, ...EXTRACT_MESSAGE_CODES];

/** A message of the extraction. */
export function msg(code: CoreMessageCode, params?: Record<string, CoreParam>): CoreMessage {
  return coreMessage(code, params);
}

/** An item whose value is quoted: the value's term. */
export type ValueItem =
  | "generalCondition"
  | "extraspinalBoneMets"
  | "vertebralBodyMets"
  | "visceralMets"
  | "primarySite"
  | "pain"
  | "boneLesion"
  | "alignment"
  | "collapse"
  | "posterolateral";

/** The term of an item's value (its English text is the value's key, as the extraction writes it). */
export function valueTerm(item: ValueItem, value: string): CoreMessage {
  return coreMessage(`value.${item}.${value}`);
}

export function conceptTerm(concept: ObservationConcept): CoreMessage {
  return coreMessage(`concept.${concept}`);
}

export function regionTerm(region: SpinalRegion): CoreMessage {
  return coreMessage(`region.${region}`);
}

/** A resource reference, or the "no id" term. */
export function refParam(reference: string | null): CoreParam {
  return reference ?? msg("term.no-id");
}

/** " on 2024-05-01" (used as a phrase of time in the sentence), or nothing. */
export function onDay(day: string | null): CoreParam {
  return day ? msg("term.on-day", { day }) : "";
}
