/**
 * What can go wrong between the app and the FHIR server, as data the UI can show.
 * Every fault is its own state; none of them may turn into a silently wrong score.
 */
import type { OperationOutcome } from "fhir/r4";
import type { CoreMessage, CoreParam } from "../scores/types";
import { faultStrings } from "../i18n/sections/faults";
import { createTranslator, registerSection } from "../i18n/translate";
import { DETAIL_CODE } from "./messages";
import type { SessionFault } from "./redirect";

registerSection(faultStrings);

/** The searches of one patient record load (the Patient read itself is not optional). */
export type SearchName = "Condition" | "Observation" | "QuestionnaireResponse" | "Procedure";

/** What was wrong with an answer that is not the FHIR JSON asked for (each has its words: DETAIL_CODE of ./messages.ts). */
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

/** An error that carries a typed fault: `fault` says what happened, in a form the UI can switch on. */
export abstract class FaultError<F extends FhirFault | SessionFault> extends Error {
  readonly fault: F;
  constructor(fault: F) {
    super(faultMessage(fault));
    this.fault = fault;
  }
}

/** The error thrown by the data access layer. */
export class FhirFaultError extends FaultError<FhirFault> {
  override readonly name = "FhirFaultError";
}

export function isFhirFaultError(error: unknown): error is FhirFaultError {
  return error instanceof FhirFaultError;
}

/** Faults after which nothing else can be read in this session: a load stops instead of carrying on. */
export function isFatalFault(fault: FhirFault): boolean {
  return fault.kind === "session-ended" || fault.kind === "aborted" || fault.kind === "no-patient";
}

/** The wait the server asked for, as a sentence: about n minutes from 2 minutes on, else seconds; "" when it asked none. */
function waitParam(ms: number | null): CoreParam {
  if (ms === null || ms <= 0) return "";
  const s = Math.ceil(ms / 1000);
  return s >= 120
    ? { code: "fault.wait-minutes", params: { minutes: Math.ceil(s / 60) } }
    : { code: "fault.wait-seconds", params: { seconds: s } };
}

/**
 * What went wrong, as a message: the kind (`fault.<kind>`, one sentence each in src/i18n/sections/faults.ts) and
 * the parameters its sentence names (attempts, HTTP status, seconds, the server's wait, what was unreadable).
 * No URL, id or token (no PHI).
 */
export function faultCode(fault: FhirFault | SessionFault): CoreMessage {
  const code = `fault.${fault.kind}`;
  switch (fault.kind) {
    case "rate-limited":
    case "unavailable":
      return { code, params: { attempts: fault.attempts, wait: waitParam(fault.retryAfterMs) } };
    case "server-error":
      return { code, params: { status: fault.status, attempts: fault.attempts } };
    case "timeout":
      return { code, params: { seconds: Math.round(fault.timeoutMs / 1000), attempts: fault.attempts } };
    case "invalid-response":
      return { code, params: { detail: { code: DETAIL_CODE[fault.detail] } } };
    case "rejected":
      return { code, params: { status: fault.status } };
    default:
      return { code };
  }
}

/** The fault's sentence in English, for an error's message and the English of a data note. */
export function faultMessage(fault: FhirFault | SessionFault): string {
  return createTranslator("en").message(faultCode(fault));
}
