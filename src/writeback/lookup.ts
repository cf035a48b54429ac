/**
 * What the write path asks the server before (re)sending a QuestionnaireResponse:
 * - whether it honours conditional creates (`If-None-Exist`) for QuestionnaireResponse: the CapabilityStatement's
 *   `conditionalCreate`, read once per session (per `send`);
 * - whether a response with this identifier is already stored (after an outcome that is not known, or where
 *   conditional creates are not supported, or to confirm a 412).
 * Nothing here logs: the search carries the patient's id.
 */
import type { Bundle, CapabilityStatement, QuestionnaireResponse } from "fhir/r4";
import { isFhirFaultError } from "../fhir/faults";
import type { FhirSend } from "./transport";

const conditional = new WeakMap<FhirSend, Promise<boolean>>();

function announcesConditionalCreate(cs: CapabilityStatement | null): boolean {
  if (cs?.resourceType !== "CapabilityStatement") return false;
  return (cs.rest ?? []).some(
    (rest) =>
      rest.mode === "server" &&
      (rest.resource ?? []).some((r) => r.type === "QuestionnaireResponse" && r.conditionalCreate === true),
  );
}

/**
 * True only when the server's CapabilityStatement says QuestionnaireResponse supports conditionalCreate.
 * Absent, false, unreadable or refused (4xx) → false, remembered for the session; a transient failure (network,
 * timeout, 5xx) → false for now and asked again next time.
 */
export function conditionalCreateSupported(send: FhirSend): Promise<boolean> {
  const cached = conditional.get(send);
  if (cached) return cached;
  const asking = send<CapabilityStatement>({ url: "metadata" }).then(
    (res) => announcesConditionalCreate(res.body),
    (error: unknown) => {
      if (!isFhirFaultError(error)) throw error;
      const k = error.fault.kind;
      if (
        k === "timeout" ||
        k === "network" ||
        k === "unavailable" ||
        k === "server-error" ||
        k === "rate-limited" ||
        k === "aborted"
      ) {
        conditional.delete(send);
      }
      return false;
    },
  );
  conditional.set(send, asking);
  return asking;
}

export type Lookup =
  /** A response with this identifier (and subject) is on the server. */
  | { kind: "found"; id: string | null }
  | { kind: "absent" }
  /** The search was refused (403/4xx): whether it is stored cannot be told. */
  | { kind: "cannot-tell" };

function sameIdentifier(a: QuestionnaireResponse, b: QuestionnaireResponse): boolean {
  const x = a.identifier;
  const y = b.identifier;
  return Boolean(x?.value) && x?.system === y?.system && x?.value === y?.value;
}

/** "Patient/1" and "https://ehr/fhir/Patient/1" name the same patient. */
function sameReference(stored: string | undefined, wanted: string): boolean {
  return stored === wanted || (stored?.endsWith(`/${wanted}`) ?? false);
}

/**
 * `QuestionnaireResponse?identifier=<system>|<value>&subject=<Patient/id>`. Only an entry with the same identifier
 * system and value and the same subject counts (a server that ignores a parameter answers more than asked).
 * Transient faults are thrown (FhirFaultError): the caller keeps the draft.
 */
export async function findByIdentifier(send: FhirSend, response: QuestionnaireResponse): Promise<Lookup> {
  const params = new URLSearchParams({
    identifier: `${response.identifier?.system ?? ""}|${response.identifier?.value ?? ""}`,
  });
  const subject = response.subject?.reference;
  if (subject) params.set("subject", subject);
  try {
    const res = await send<Bundle<QuestionnaireResponse>>({ url: `QuestionnaireResponse?${params.toString()}` });
    const match = (res.body?.entry ?? []).find((e) => {
      const r = e.resource;
      return (
        r?.resourceType === "QuestionnaireResponse" &&
        sameIdentifier(r, response) &&
        (!subject || sameReference(r.subject?.reference, subject))
      );
    });
    const found = match?.resource;
    return found ? { kind: "found", id: found.id ?? null } : { kind: "absent" };
  } catch (error) {
    if (
      isFhirFaultError(error) &&
      (error.fault.kind === "forbidden" ||
        error.fault.kind === "rejected" ||
        error.fault.kind === "not-found" ||
        error.fault.kind === "invalid-response")
    ) {
      return { kind: "cannot-tell" };
    }
    throw error;
  }
}
