/**
 * Data access after the SMART launch. The UI calls, in order:
 *   const client = await readySession();                       // redirect page
 *   const ctx = launchContext(client);                          // patient, user, banner, scopes
 *   const record = await loadPatientRecord(client, { observationCodes, policy });
 * and the write-back sends its POSTs with `fhirRequest` (same retries, timeouts and faults).
 * This folder is the only code that talks to the FHIR server or imports fhirclient: the view (src/ui, src/forms)
 * holds a launch's client only as the opaque `FhirClient` and hands it back to functions here or in src/writeback.
 */
export type { default as FhirClient } from "fhirclient/lib/Client";
export { readUserName } from "./user";
export { readySession, SessionError, type SessionFault, type SmartOAuth2 } from "./redirect";
export { launchContext, type LaunchContext } from "./context";
export {
  loadPatientRecord,
  codeChunks,
  hasCode,
  DEFAULT_MAX_PAGES,
  DEFAULT_PAGE_SIZE,
  type LoadOptions,
  type PatientRecord,
  type SearchFailure,
} from "./record";
export { loadOptionsFromConfig } from "./from-config";
export { searchAll, searchUrl, type SearchOptions, type SearchResult } from "./search";
export {
  fhirRequest,
  realSleep,
  DEFAULT_REQUEST_POLICY,
  type FhirRequest,
  type FhirResponse,
  type HttpMethod,
  type RequestPolicy,
} from "./request";
export {
  FhirFaultError,
  faultCode,
  faultMessage,
  isFatalFault,
  isFhirFaultError,
  type FhirFault,
  type FhirFaultKind,
  type InvalidResponseDetail,
  type SearchName,
} from "./faults";
export { ACCESS_MESSAGE_CODES, type AccessMessageCode } from "./messages";
export { parseRetryAfter } from "./retry-after";
export { patientBanner, needPatientBanner, pickName, pickMrn, formatHumanName, type PatientBanner } from "./banner";
export { parseScopes, scopeAllows, type ResourceScope, type ScopeAction, type ScopeContext } from "./scopes";
