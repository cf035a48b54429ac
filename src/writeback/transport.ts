/**
 * How the write path talks to the FHIR server: one function, so that tests and the app can pass what they
 * have. In the app it is the data access layer's `fhirRequest` (its timeouts, retries of network errors,
 * 429 with Retry-After and 5xx, token refresh and fault types): the write path adds no retry layer of its
 * own. Its POSTs are conditional creates, which is what makes those retries safe.
 */
import type Client from "fhirclient/lib/Client";
import { fhirRequest, type FhirRequest, type FhirResponse, type RequestPolicy } from "../fhir/request";

/** Sends one request; resolves with status, body, headers; rejects with a FhirFaultError. */
export type FhirSend = <T = unknown>(request: FhirRequest) => Promise<FhirResponse<T>>;

/** The write policy: a few more retries than a read, since an unsent answer costs the patient's time. */
export const WRITE_POLICY: Partial<RequestPolicy> = { maxRetries: 5 };

export function clientSend(client: Client, policy: Partial<RequestPolicy> = {}): FhirSend {
  return <T,>(request: FhirRequest) => fhirRequest<T>(client, request, { ...WRITE_POLICY, ...policy });
}
