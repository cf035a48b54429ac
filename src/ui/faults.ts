/** The app-level fault states the view can show: the data layer's FhirFault plus the launch's own. */
import { faultCode, type FhirFault, type SearchName } from "../fhir/faults";
import type { SearchFailure } from "../fhir/record";
import type { SessionFault } from "../fhir/redirect";
import type { MessageKey } from "../i18n";
import type { CoreMessage } from "../scores/types";

export type AppFault =
  | FhirFault
  /** The launch's own failures: opened without a launch, authorization refused, token exchange failed. */
  | SessionFault
  /** A bug or an unforeseen error; details stay out of the UI and the logs (no PHI). */
  | { kind: "unexpected" };

/** A search that could not be read while the rest of the record was: shown on the panels that need it. */
export type UnavailableSearch = SearchFailure;

/**
 * How the fault screen presents a kind: its title, what to do (null: nothing beyond the retry button), and
 * whether trying again in this session can help. What happened is the fault's own sentence (appFaultCode).
 */
export interface FaultText {
  title: MessageKey;
  advice: MessageKey | null;
  retry: boolean;
}

const FAULT_TEXT: Record<AppFault["kind"], FaultText> = {
  "session-ended": { title: "app.fault.sessionEnded.title", advice: "app.fault.advice.relaunch", retry: false },
  forbidden: { title: "app.fault.forbidden.title", advice: "app.fault.advice.scopes", retry: false },
  "not-found": { title: "app.fault.notFound.title", advice: "app.fault.advice.checkPatient", retry: false },
  "rate-limited": { title: "app.fault.busy.title", advice: "app.fault.advice.wait", retry: true },
  unavailable: { title: "app.fault.busy.title", advice: "app.fault.advice.wait", retry: true },
  "server-error": { title: "app.fault.serverError.title", advice: "app.fault.advice.retryThenSupport", retry: true },
  timeout: { title: "app.fault.timeout.title", advice: "app.fault.advice.retry", retry: true },
  network: { title: "app.fault.network.title", advice: "app.fault.advice.network", retry: true },
  "invalid-response": { title: "app.fault.invalid.title", advice: "app.fault.advice.retryThenSupport", retry: true },
  rejected: { title: "app.fault.rejected.title", advice: "app.fault.advice.support", retry: false },
  aborted: { title: "app.fault.aborted.title", advice: null, retry: true },
  "no-patient": { title: "app.fault.noPatient.title", advice: "app.fault.advice.openFromChart", retry: false },
  "no-launch": { title: "app.fault.notLaunched.title", advice: "app.fault.advice.openFromChart", retry: false },
  "authorization-denied": { title: "app.fault.denied.title", advice: "app.fault.advice.denied", retry: false },
  "token-exchange-failed": { title: "app.fault.tokenFailed.title", advice: "app.fault.advice.relaunch", retry: false },
  "state-missing": { title: "app.fault.stateMissing.title", advice: "app.fault.advice.relaunch", retry: false },
  "server-not-allowed": {
    title: "app.fault.serverNotAllowed.title",
    advice: "app.fault.advice.installer",
    retry: false,
  },
  unexpected: { title: "app.fault.unexpected.title", advice: "app.fault.advice.retry", retry: true },
};

export function faultText(fault: AppFault): FaultText {
  return FAULT_TEXT[fault.kind];
}

/** What happened, as a message: the kind and its parameters (words: src/i18n/sections/faults.ts). */
export function appFaultCode(fault: AppFault): CoreMessage {
  return fault.kind === "unexpected" ? { code: "fault.unexpected" } : faultCode(fault);
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
