/**
 * The machine-readable form of the data-access layer's notes: the Diagnostics of src/fhir/record.ts (a search
 * refused, failed, cut at the page limit, short of its Bundle.total, read unfiltered, or not asked for) and the
 * fault sentence nested in them (faultCode in ./faults.ts, the twin of faultMessage). Each note keeps its
 * English `message` and its `code`; `messageCode` and `params` say it again as a code of ACCESS_MESSAGE_CODES,
 * rendered by the clinician view like every diagnostic of the core (diagnosticText of src/i18n/core.ts;
 * templates `core.access.*` in src/i18n/sections/core.ts).
 *
 * The list stands beside CORE_MESSAGE_CODES (src/extract/messages.ts) rather than in it, because src/extract
 * does not import src/fhir; the catalogue's core section holds both, and the tests check both the same way
 * (catalogue English = what record.ts writes; every code in Japanese). Only types are imported from
 * src/scores, so that this module adds nothing to the first download.
 */
import type { CoreMessage, CoreParam } from "../scores/types";
import type { InvalidResponseDetail, SearchName } from "./faults";

export const ACCESS_MESSAGE_CODES = [
  // The notes (Diagnostic.messageCode)
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
  // Why: one sentence per fault kind (faultMessage of ./faults.ts), "one" / "many" where English counts attempts
  "access.fault.session-ended",
  "access.fault.forbidden",
  "access.fault.not-found",
  "access.fault.rate-limited",
  "access.fault.unavailable",
  "access.fault.server-error.one",
  "access.fault.server-error.many",
  "access.fault.timeout.one",
  "access.fault.timeout.many",
  "access.fault.network",
  "access.fault.invalid-response",
  "access.fault.rejected",
  "access.fault.aborted",
  "access.fault.no-patient",
  "access.fault.wait-seconds",
  "access.fault.wait-minutes",
  // What was wrong with an unreadable answer
  "access.detail.not-json",
  "access.detail.invalid-json",
  "access.detail.not-bundle",
  "access.detail.not-patient",
  "access.detail.foreign-next",
  "access.detail.next-loop",
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

export const DETAIL_CODE: Readonly<Record<InvalidResponseDetail, AccessMessageCode>> = {
  "not JSON": "access.detail.not-json",
  "invalid JSON": "access.detail.invalid-json",
  "not a Bundle": "access.detail.not-bundle",
  "not a Patient": "access.detail.not-patient",
  "a next-page link points to another server": "access.detail.foreign-next",
  "next-page links loop": "access.detail.next-loop",
};
