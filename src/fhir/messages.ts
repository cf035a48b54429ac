/**
 * The machine-readable form of the data-access layer's notes: the Diagnostics of src/fhir/record.ts (a search
 * refused, failed, cut at the page limit, short of its Bundle.total, read unfiltered, or not asked for). Each
 * note has its `code` and its `message`, a code of ACCESS_MESSAGE_CODES and its parameters, worded by the faces
 * like every message of the core (src/i18n/core.ts; templates `core.access.*` in src/i18n/sections/core.ts). The fault a note quotes is a
 * message of its own (faultCode of ./faults.ts: `fault.<kind>`, words in src/i18n/sections/faults.ts).
 *
 * The list stands beside CORE_MESSAGE_CODES (src/extract/messages.ts) rather than in it, because src/extract
 * does not import src/fhir; the catalogue's core section holds both, and the tests check both the same way
 * (every code worded in English and Japanese). Only types are imported from
 * src/scores, so that this module adds nothing to the first download.
 */
import type { CoreMessage, CoreParam } from "../scores/types";
import type { InvalidResponseDetail, SearchName } from "./faults";

export const ACCESS_MESSAGE_CODES = [
  // The notes (Diagnostic.message)
  "access.search-forbidden",
  "access.search-failed",
  "access.page-cap",
  "access.page-failed",
  "access.search-incomplete",
  "access.fallback-unfiltered",
  "access.observations-not-requested",
  // A search's data, and what it holds (sentence-initial: "-start")
  "access.search.Condition",
  "access.search.Observation",
  "access.search.QuestionnaireResponse",
  "access.search.Procedure",
  "access.holds.Condition",
  "access.holds.Observation",
  "access.holds.QuestionnaireResponse",
  "access.holds.Procedure",
  "access.holds-start.Condition",
  "access.holds-start.Observation",
  "access.holds-start.QuestionnaireResponse",
  "access.holds-start.Procedure",
] as const;
export type AccessMessageCode = (typeof ACCESS_MESSAGE_CODES)[number];

export function accessMessage(code: AccessMessageCode, params?: Record<string, CoreParam>): CoreMessage {
  return params === undefined ? { code } : { code, params };
}

/** The search's data ("Observations"). */
export function searchTerm(name: SearchName): CoreMessage {
  return accessMessage(`access.search.${name}`);
}

/** What the search holds ("measurements (performance status, pain, function scores)"); `start`: opening a sentence. */
export function holdsTerm(name: SearchName, start = false): CoreMessage {
  return accessMessage(start ? `access.holds-start.${name}` : `access.holds.${name}`);
}

/** What was wrong with an unreadable answer, as a message code (nested in the invalid-response fault). */
export const DETAIL_CODE = {
  "not JSON": "fault.detail.not-json",
  "invalid JSON": "fault.detail.invalid-json",
  "not a Bundle": "fault.detail.not-bundle",
  "not a Patient": "fault.detail.not-patient",
  "a next-page link points to another server": "fault.detail.foreign-next",
  "next-page links loop": "fault.detail.next-loop",
} as const satisfies Readonly<Record<InvalidResponseDetail, `fault.detail.${string}`>>;
export type FaultDetailCode = (typeof DETAIL_CODE)[InvalidResponseDetail];
