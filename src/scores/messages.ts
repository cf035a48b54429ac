/**
 * The machine-readable form of the scoring core's messages (types in ./types.ts, "Core messages"). Every
 * English reason the core writes gets a code from this list and its parameters, so that a face can show
 * it in another language (src/i18n/sections/core.ts). The English text stays exactly what the core
 * writes; a test renders each code with the catalogue's English and compares.
 *
 * The one list of every code the core can emit is CORE_MESSAGE_CODES in src/extract/messages.ts; this is
 * its src/scores part.
 */
import { keysOf } from "./domains";
import type { CoreJoin, CoreList, CoreMessage, CoreParam, CoreTerm } from "./types";

export const SCORE_MESSAGE_CODES = [
  // segmentGroup(…).reason
  "segment.no-level",
  "segment.coccyx",
  // applicability(…).reasons
  "applicability.no-level",
  "applicability.too-many-levels",
  "applicability.non-contiguous",
  "applicability.coccyx-only",
  "applicability.coccyx-note",
  "applicability.age-unknown",
  "applicability.age-under-20",
  "applicability.en-bloc-planned",
  "applicability.en-bloc-unanswered",
  "applicability.within-one",
  "applicability.within",
  // COCCYX_NOT_SCOREABLE, quoted inside the extraction's messages
  "term.coccyx-not-scoreable",
] as const;
export type ScoreMessageCode = (typeof SCORE_MESSAGE_CODES)[number];

/** The English separators of CoreList joins: what the core writes between the items. */
export const CORE_JOIN_TEXT = {
  comma: ", ",
  semicolon: "; ",
  and: " and ",
  or: " or ",
  sentence: " ",
} as const satisfies Record<string, string>;
export const CORE_JOINS: readonly CoreJoin[] = keysOf(CORE_JOIN_TEXT);

/** A message; `params` left out when there are none. */
export function coreMessage(code: string, params?: Record<string, CoreParam>): CoreMessage {
  return params === undefined ? { code } : { code, params };
}

export function coreList(join: CoreJoin, items: CoreParam[]): CoreList {
  return { join, items };
}

/** A term of the mapping data, by its English text as the mapping writes it (types.ts, CoreTerm). */
export function coreTerm(term: string): CoreTerm {
  return { term };
}

export function scoreMessage(code: ScoreMessageCode, params?: Record<string, CoreParam>): CoreMessage {
  return coreMessage(code, params);
}
