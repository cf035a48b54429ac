/**
 * What can go wrong between the app and the FHIR server, as data the UI can show.
 * Every fault is its own state; none of them may turn into a silently wrong score.
 */
import type { OperationOutcome } from "fhir/r4";
import type { CoreMessage, CoreParam } from "../scores/types";
import { accessMessage, DETAIL_CODE } from "./messages";

/** The searches of one patient record load (the Patient read itself is not optional). */
export type SearchName = "Condition" | "Observation" | "QuestionnaireResponse" | "Procedure";

/** What was wrong with an answer that is not the FHIR JSON asked for (each has its message, ./messages.ts). */
export type InvalidResponseDetail =
  | "not JSON"
  | "invalid JSON"
  | "not a Bundle"
  | "not a Patient"
  | "a next-page link points to another server"
  | "next-page links loop";

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
  | { kind: "invalid-response"; detail: InvalidResponseDetail }
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

/** The wait the server asked for: about n minutes from 2 minutes on, else seconds; null when it asked none. */
function serverWait(ms: number | null): { minutes: number } | { seconds: number } | null {
  if (ms === null) return null;
  const s = Math.ceil(ms / 1000);
  return s >= 120 ? { minutes: Math.ceil(s / 60) } : { seconds: s };
}

function waitHint(ms: number | null): string {
  const wait = serverWait(ms);
  if (wait === null) return "";
  return "minutes" in wait ? ` The server asked to wait about ${wait.minutes} minutes.` : ` The server asked to wait ${wait.seconds} s.`;
}

function waitParam(ms: number | null): CoreParam {
  const wait = serverWait(ms);
  if (wait === null) return "";
  return "minutes" in wait ? accessMessage("access.fault.wait-minutes", wait) : accessMessage("access.fault.wait-seconds", wait);
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

/** faultMessage(fault) in machine-readable form: its code of ACCESS_MESSAGE_CODES (./messages.ts) and parameters. */
export function faultCode(fault: FhirFault): CoreMessage {
  switch (fault.kind) {
    case "session-ended":
      return accessMessage("access.fault.session-ended");
    case "forbidden":
      return accessMessage("access.fault.forbidden");
    case "not-found":
      return accessMessage("access.fault.not-found");
    case "rate-limited":
      return accessMessage("access.fault.rate-limited", { attempts: fault.attempts, wait: waitParam(fault.retryAfterMs) });
    case "unavailable":
      return accessMessage("access.fault.unavailable", { attempts: fault.attempts, wait: waitParam(fault.retryAfterMs) });
    case "server-error":
      return accessMessage(fault.attempts === 1 ? "access.fault.server-error.one" : "access.fault.server-error.many", {
        status: fault.status,
        attempts: fault.attempts,
      });
    case "timeout":
      return accessMessage(fault.attempts === 1 ? "access.fault.timeout.one" : "access.fault.timeout.many", {
        seconds: Math.round(fault.timeoutMs / 1000),
        attempts: fault.attempts,
      });
    case "network":
      return accessMessage("access.fault.network");
    case "invalid-response":
      return accessMessage("access.fault.invalid-response", { detail: accessMessage(DETAIL_CODE[fault.detail]) });
    case "rejected":
      return accessMessage("access.fault.rejected", { status: fault.status });
    case "aborted":
      return accessMessage("access.fault.aborted");
    case "no-patient":
      return accessMessage("access.fault.no-patient");
  }
}
