/**
 * How the write path talks to the FHIR server: one function, so that tests and the app can pass what they
 * have. In the app it is the data access layer's `fhirRequest` (its timeouts, retries of network errors,
 * 429 with Retry-After and 5xx, token refresh and fault types).
 *
 * Reads (the CapabilityStatement, Questionnaire and identifier searches) use those retries as they are. A POST
 * of a QuestionnaireResponse does not: it is sent once per attempt (`{ maxRetries: 0 }`) and the write path
 * resends it itself, after looking the identifier up (submit.ts), because a gateway may drop If-None-Exist and a
 * timed-out POST may have been stored. `policy` tells that loop the same waits and limits as fhirRequest's.
 */
import type Client from "fhirclient/lib/Client";
import {
  DEFAULT_REQUEST_POLICY,
  fhirRequest,
  type FhirRequest,
  type FhirResponse,
  type RequestPolicy,
} from "../fhir/request";

/** Sends one request; resolves with status, body, headers; rejects with a FhirFaultError. */
export interface FhirSend {
  <T = unknown>(request: FhirRequest, override?: Partial<RequestPolicy>): Promise<FhirResponse<T>>;
  /** The policy this send applies (retries, waits, sleep); absent: the defaults with WRITE_POLICY. */
  readonly policy?: Partial<RequestPolicy>;
}

/** The write policy: a few more retries than a read, since an unsent answer costs the patient's time. */
const WRITE_POLICY: Partial<RequestPolicy> = { maxRetries: 5 };

/** The full policy of `send` (what its requests do, and what the write path's resend loop follows). */
export function policyOf(send: FhirSend): RequestPolicy {
  return { ...DEFAULT_REQUEST_POLICY, ...WRITE_POLICY, ...send.policy };
}

export function clientSend(client: Client, policy: Partial<RequestPolicy> = {}): FhirSend {
  const merged: Partial<RequestPolicy> = { ...WRITE_POLICY, ...policy };
  const send = <T>(request: FhirRequest, override: Partial<RequestPolicy> = {}) =>
    fhirRequest<T>(client, request, { ...merged, ...override });
  return Object.assign(send, { policy: merged });
}
