/**
 * What can go wrong between the app and the FHIR server, as data the UI can show.
 * Every fault is its own state; none of them may turn into a silently wrong score.
 */
import type { OperationOutcome } from "fhir/r4";

/** The searches of one patient record load (the Patient read itself is not optional). */
export type SearchName = "Condition" | "Observation" | "QuestionnaireResponse";

export type FhirFault =
  /** 401 after the one refresh attempt (or none was possible): the user must relaunch from the EHR. */
  | { kind: "session-ended"; status: 401; refreshTried: boolean }
  /** 403: the granted scopes do not cover this request. */
  | { kind: "forbidden"; status: 403 }
  /** 404 / 410: the resource (for a read: the patient) does not exist on this server. */
  | { kind: "not-found"; status: 404 | 410 }
  /** 429 after the bounded retries; retryAfterMs is the server's last Retry-After, when it sent one. */
  | { kind: "rate-limited"; status: 429; attempts: number; retryAfterMs: number | null }
  /** 503 after the bounded retries. */
  | { kind: "unavailable"; status: 503; attempts: number; retryAfterMs: number | null }
  /** Any other 5xx (after retries where retrying makes sense). */
  | { kind: "server-error"; status: number; attempts: number }
  /** No answer within the configured time, on every attempt. */
  | { kind: "timeout"; timeoutMs: number; attempts: number }
  /** The network failed (DNS, TLS, CORS, connection reset), on every attempt. */
  | { kind: "network"; attempts: number }
  /** An answer that is not the FHIR JSON asked for (invalid JSON, HTML error page, wrong resource type). */
  | { kind: "invalid-response"; detail: string }
  /** Any other 4xx (400, 405, 409, 412, 422 …): the server refused this request; retrying will not help. */
  | { kind: "rejected"; status: number; outcome: OperationOutcome | null }
  /** The caller cancelled (its AbortSignal fired). */
  | { kind: "aborted" }
  /** The launch gave no patient context (standalone launch without a patient picked). */
  | { kind: "no-patient" };

export type FhirFaultKind = FhirFault["kind"];

/** The error thrown by the data access layer: `fault` says what happened, in a form the UI can switch on. */
export class FhirFaultError extends Error {
  readonly fault: FhirFault;
  constructor(fault: FhirFault) {
    super(faultMessage(fault));
    this.name = "FhirFaultError";
    this.fault = fault;
  }
}

export function isFhirFaultError(error: unknown): error is FhirFaultError {
  return error instanceof FhirFaultError;
}

/** Faults after which nothing else can be read in this session: a load stops instead of carrying on. */
export function isFatalFault(fault: FhirFault): boolean {
  return fault.kind === "session-ended" || fault.kind === "aborted" || fault.kind === "no-patient";
}

function waitHint(ms: number | null): string {
  if (ms === null) return "";
  const s = Math.ceil(ms / 1000);
  return s >= 120 ? ` The server asked to wait about ${Math.ceil(s / 60)} minutes.` : ` The server asked to wait ${s} s.`;
}

/**
 * One sentence in English, for diagnostics and error messages. No URLs, ids or tokens (no PHI):
 * the UI shows its own localised text per `kind`.
 */
export function faultMessage(fault: FhirFault): string {
  switch (fault.kind) {
    case "session-ended":
      return "The EHR session has ended. Close this window and open the app again from the patient's chart.";
    case "forbidden":
      return "The EHR did not give this app permission for this data (scope missing).";
    case "not-found":
      return "The EHR does not have this record.";
    case "rate-limited":
      return `The EHR is limiting requests and did not answer after ${fault.attempts} attempts.${waitHint(fault.retryAfterMs)}`;
    case "unavailable":
      return `The EHR's FHIR server is temporarily unavailable (503) after ${fault.attempts} attempts.${waitHint(fault.retryAfterMs)}`;
    case "server-error":
      return `The EHR's FHIR server failed (HTTP ${fault.status}) after ${fault.attempts} attempt${fault.attempts === 1 ? "" : "s"}.`;
    case "timeout":
      return `The EHR's FHIR server did not answer within ${Math.round(fault.timeoutMs / 1000)} s (${fault.attempts} attempt${fault.attempts === 1 ? "" : "s"}).`;
    case "network":
      return "The EHR's FHIR server could not be reached (network error).";
    case "invalid-response":
      return `The EHR's FHIR server sent an answer the app cannot read (${fault.detail}).`;
    case "rejected":
      return `The EHR's FHIR server refused the request (HTTP ${fault.status}).`;
    case "aborted":
      return "The request was cancelled.";
    case "no-patient":
      return "No patient was selected at launch. Open the app from a patient's chart.";
  }
}
