/** The app-level fault states the view can show: the data layer's FhirFault plus the launch's own. */
import type { FhirFault, SearchName } from "../fhir/faults";
import type { SearchFailure } from "../fhir/record";
import type { SessionFault } from "../fhir/session";
import type { MessageKey } from "../i18n";

export type AppFault =
  | FhirFault
  /** The launch's own failures: opened without a launch, authorization refused, token exchange failed. */
  | SessionFault
  /** A bug or an unforeseen error; details stay out of the UI and the logs (no PHI). */
  | { kind: "unexpected" };

/** A search that could not be read while the rest of the record was: shown on the panels that need it. */
export type UnavailableSearch = SearchFailure;

export interface FaultText {
  title: MessageKey;
  body: MessageKey;
  /** Whether trying again in this session can help. */
  retry: boolean;
}

const FAULT_TEXT: Record<AppFault["kind"], FaultText> = {
  "session-ended": { title: "app.fault.sessionEnded.title", body: "app.fault.sessionEnded.body", retry: false },
  forbidden: { title: "app.fault.forbidden.title", body: "app.fault.forbidden.body", retry: false },
  "not-found": { title: "app.fault.notFound.title", body: "app.fault.notFound.body", retry: false },
  "rate-limited": { title: "app.fault.busy.title", body: "app.fault.rateLimited.body", retry: true },
  unavailable: { title: "app.fault.busy.title", body: "app.fault.unavailable.body", retry: true },
  "server-error": { title: "app.fault.serverError.title", body: "app.fault.serverError.body", retry: true },
  timeout: { title: "app.fault.timeout.title", body: "app.fault.timeout.body", retry: true },
  network: { title: "app.fault.network.title", body: "app.fault.network.body", retry: true },
  "invalid-response": { title: "app.fault.invalid.title", body: "app.fault.invalid.body", retry: true },
  rejected: { title: "app.fault.rejected.title", body: "app.fault.rejected.body", retry: false },
  aborted: { title: "app.fault.aborted.title", body: "app.fault.aborted.body", retry: true },
  "no-patient": { title: "app.fault.noPatient.title", body: "app.fault.noPatient.body", retry: false },
  "no-launch": { title: "app.fault.notLaunched.title", body: "app.fault.notLaunched.body", retry: false },
  "authorization-denied": { title: "app.fault.denied.title", body: "app.fault.denied.body", retry: false },
  "token-exchange-failed": { title: "app.fault.tokenFailed.title", body: "app.fault.tokenFailed.body", retry: false },
  "state-missing": { title: "app.fault.stateMissing.title", body: "app.fault.stateMissing.body", retry: false },
  "server-not-allowed": { title: "app.fault.serverNotAllowed.title", body: "app.fault.serverNotAllowed.body", retry: false },
  unexpected: { title: "app.fault.unexpected.title", body: "app.fault.unexpected.body", retry: true },
};

/** The bodies that count attempts, for exactly one attempt ("after 1 attempt", not "1 attempts"). */
const ONE_ATTEMPT_BODY: Partial<Record<AppFault["kind"], MessageKey>> = {
  "rate-limited": "app.fault.rateLimited.body.one",
  unavailable: "app.fault.unavailable.body.one",
  timeout: "app.fault.timeout.body.one",
};

export function faultText(fault: AppFault): FaultText {
  const text = FAULT_TEXT[fault.kind];
  const one = "attempts" in fault && fault.attempts === 1 ? ONE_ATTEMPT_BODY[fault.kind] : undefined;
  return one === undefined ? text : { ...text, body: one };
}

/** Parameters of a fault's sentence: HTTP status, the wait the server asked for, seconds of the timeout. */
export function faultParams(fault: AppFault): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if ("status" in fault) params.status = fault.status;
  if ("retryAfterMs" in fault && fault.retryAfterMs !== null) params.wait = Math.ceil(fault.retryAfterMs / 1000);
  if (fault.kind === "timeout") params.seconds = Math.round(fault.timeoutMs / 1000);
  if ("attempts" in fault) params.attempts = fault.attempts;
  if (fault.kind === "authorization-denied") {
    params.error = fault.error;
    if (fault.description !== null) params.description = fault.description;
  }
  return params;
}

/** Which panels each search feeds (docs/clinical-rules.md): a missing search is flagged on those panels. */
export type Panel = "segment" | "sins" | "tokuhashi" | "qol";
export const PANELS_OF_SEARCH: Record<SearchName, readonly Panel[]> = {
  Condition: ["segment", "sins", "tokuhashi"],
  Observation: ["tokuhashi", "qol"],
  QuestionnaireResponse: ["sins", "tokuhashi", "qol"],
  // The index surgery: which evidence is pre-operative (docs/clinical-rules.md, "Time").
  Procedure: ["sins", "tokuhashi"],
};
