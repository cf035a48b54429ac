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
export { readySession } from "./redirect";
export { launchContext, type LaunchContext } from "./context";
export { loadPatientRecord, type PatientRecord } from "./record";
export { loadOptionsFromConfig } from "./from-config";
export { FhirFaultError } from "./faults";
