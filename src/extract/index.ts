/**
 * From the FHIR record to score inputs, with Provenance: the public face of src/extract. No I/O, no React, no
 * words (messages are codes); points and bands are src/scores' alone.
 *
 * - extractEvidence(resources, patientId) → PatientEvidence (never throws)
 * - scoreReport(evidence, options) → ScoreReport (clinician entries applied here)
 * - buildReport(resources, patientId, options) = both (resources: an array, or any iterable read once)
 * - groupByPatient(resources) → Map<patientId, resources>
 * - SEARCH_CODES: every "system|code" extraction reads, for filtering searches
 */
import type { ReportOptions, ScoreReport } from "../report/types";
import { extractEvidence } from "./evidence";
import { scoreReport } from "./report";

export { extractEvidence } from "./evidence";
export { scoreReport } from "./report";
export { groupByPatient, patientOf } from "./group";
export { SEARCH_CODES } from "./mappings";
export { regionTerm } from "./messages";
export type { PatientEvidence } from "./types";

export function buildReport(resources: Iterable<unknown>, patientId: string, options: ReportOptions): ScoreReport {
  return scoreReport(extractEvidence(resources, patientId), options);
}
