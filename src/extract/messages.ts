/**
 * The extraction's messages: item context notes (`ReportItem.context`), suggestion reasons
 * (`Suggestion.reason`), diagnostics (`Diagnostic.message`), provenance notes (`Provenance.note`) and the terms
 * and phrases nested in them, each a code of CORE_MESSAGE_CODES and its parameters ({ code, params }, like an
 * OperationOutcome issue's `details`). The core writes no words: the faces render the codes through the
 * catalogue (src/i18n/sections/core.ts), the CLI's JSON in English at output time. Words of the mapping data (an organ, a primary site's note) are CoreTerms
 * (fhir-mappings/terms.ja.json); words of the record (a coding's display, a body site's text) are quoted
 * as plain strings, the same in every language.
 *
 * CORE_MESSAGE_CODES is the one list of every code the core (src/scores and src/extract) can emit.
 */
import type { Provenance } from "../report/types";
import {
  coreList,
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
  "applicability.unlevelled",
  "applicability.inactive-counted",
  "term.unknown-date",
  "term.on-day",
  "term.dated",
  "term.entry",
  "term.resource-no-id",
  "term.with-ref",
  "term.value-in",
  "term.more",
  "term.primary-cancer",
  "term.site-not-coded",
  "term.whole-resource",
  "term.in-steps",
  "term.kps-0",
  "term.primary-categories",
  "term.primary-not-derivable",
  "term.kps-by-table",
  "term.primary-unmapped",
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
  "diag.not-active.spinal",
  "diag.unconfirmed",
  "diag.preliminary.observation",
  "diag.preliminary.questionnaire",
  "diag.no-value",
  "diag.no-value.grade",
  "diag.inconsistent-value",
  "diag.other-scale",
  "diag.out-of-range",
  "diag.scale-unclear",
  "diag.unsupported-unit",
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
  "context.ecog-tables",
  "context.ecog-also",
  "context.kps-older-than-ecog",
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
  "context.primary.inactive",
  "context.palsy.none",
  // Time: pre-operative and follow-up evidence (src/extract/timing.ts, src/extract/procedures.ts)
  "term.ref-dated",
  "time.boundary.surgery",
  "time.boundary.surgery-undated",
  "time.boundary.one-month",
  "time.boundary.unknown",
  "time.piece",
  "time.reason.same-day",
  "time.reason.undated",
  "time.reason.surgery-undated",
  "time.reason.surgery-status-unknown",
  "time.reason.condition-after",
  "time.reason.between",
  "time.reason.preop-contradiction",
  "time.values.unknown",
  "context.time.unclear",
  "context.time.unclear-same",
  "context.time.follow-up",
  "diag.ignored-status.procedure",
  "diag.time.index-surgery",
  "diag.time.surgery-undated",
  "diag.time.surgery-status-unknown",
  "diag.time.procedures-unread",
  "diag.time.one-month-boundary",
  "diag.time.one-month-before-surgery",
  "diag.time.preop-after-one-month",
  "diag.time.preop-after-surgery",
  // Suggestion reasons
  "suggestion.ecog-kps",
  "suggestion.extraspinal-none",
  "suggestion.visceral-none",
  // Provenance notes (Provenance.note)
  "prov.preliminary",
  "prov.clinician",
  "prov.in-progress",
  "prov.unconfirmed-diagnosis",
  "prov.also",
  "prov.includes-preliminary",
  "prov.notes",
  "prov.unit-converted",
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

// ------------------------------------------------------------------------------ provenance notes

/** A note on a piece of evidence (Provenance.note): a "prov.*" message. */
export type ProvenanceNote = CoreMessage;

export const provenanceNotes = {
  preliminary: (): ProvenanceNote => msg("prov.preliminary"),
  clinician: (): ProvenanceNote => msg("prov.clinician"),
  inProgress: (): ProvenanceNote => msg("prov.in-progress"),
  unconfirmedDiagnosis: (status: "unconfirmed" | "provisional" | "differential"): ProvenanceNote =>
    msg("prov.unconfirmed-diagnosis", { status: msg(`verification.${status}`) }),
  /** "also Observation/1, Observation/2": other resources of the same row; at most `max` named, then "N more". */
  also: (references: readonly string[], max = Infinity): ProvenanceNote => {
    const named = references.slice(0, max);
    const more = references.length - named.length;
    const items: CoreParam[] = more > 0 ? [...named, msg("term.more", { n: more })] : [...named];
    return msg("prov.also", { refs: coreList("comma", items) });
  },
  includesPreliminary: (): ProvenanceNote => msg("prov.includes-preliminary"),
  /** "7 cm read as 70 mm": a quantity converted into the scale's unit (UCUM codes are the same in every language). */
  unitConverted: (from: number, unit: string, value: number | string, scaleUnit: string): ProvenanceNote =>
    msg("prov.unit-converted", { from: String(from), unit, value: String(value), scaleUnit }),
};

/** The parts of a provenance note ("prov.notes" holds several). */
function noteParts(note: CoreMessage): CoreParam[] {
  const notes = note.code === "prov.notes" ? note.params?.notes : undefined;
  return typeof notes === "object" && "join" in notes ? notes.items : [note];
}

function joinedNote(parts: readonly CoreParam[]): CoreMessage | null {
  const [first] = parts;
  if (first === undefined) return null;
  if (parts.length === 1 && typeof first === "object" && "code" in first) return first;
  return msg("prov.notes", { notes: coreList("semicolon", [...parts]) });
}

/** A copy of `p` whose note is `notes` joined by "; " (replacing any note it had); `p` itself when there are none. */
export function withNotes(p: Provenance, notes: readonly ProvenanceNote[]): Provenance {
  const note = joinedNote(notes);
  if (note === null) return p;
  const out = Object.assign({}, p);
  out.note = note;
  return out;
}

/** A copy of `p` with `n` added after its note ("; "). */
export function addNote(p: Provenance, n: ProvenanceNote): Provenance {
  if (!p.note) return withNotes(p, [n]);
  const out = Object.assign({}, p);
  out.note = joinedNote([...noteParts(p.note), n]) ?? n;
  return out;
}
