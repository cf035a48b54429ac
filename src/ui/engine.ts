/**
 * The extraction and scoring engine of the view (its own chunk, see main.tsx): the record's resources are
 * read once into evidence; each set of clinician entries re-runs only scoreReport, so edits re-score at once.
 */
import { extractEvidence, scoreReport, SEARCH_CODES } from "../extract";
import type { ScoringEngine } from "./loadSession";

export const engine: ScoringEngine = {
  observationCodes: () => SEARCH_CODES.observations,
  makeScorer: ({ record, context, config, now }) => {
    const patientId = record.patient.id ?? context.patientId ?? "";
    const evidence = extractEvidence([record.patient, ...record.resources], patientId);
    return (entries) =>
      scoreReport(evidence, {
        now,
        clinician: entries,
        valueSetId: config.defaultValueSet,
        partial: record.partial,
        diagnostics: record.diagnostics,
        evidenceMaxAgeDays: config.evidenceMaxAgeDays,
      });
  },
};
