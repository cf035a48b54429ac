/** The CLI's scoring loop, shared with the benchmark: one patient at a time. */
import { buildReport } from "../extract";
import type { ReportOptions, ScoreReport } from "../report/types";
import { eachResource, type PatientInput } from "./read";

/** Scores each patient of the input in turn, parsing each of its resources only as extraction reads it. */
export function* scorePatients(
  input: PatientInput,
  now: Date,
  valueSetId: string,
  more: Pick<ReportOptions, "evidenceMaxAgeDays"> = {},
): Generator<ScoreReport> {
  for (const [patientId, items] of input.patients) {
    input.patients.delete(patientId);
    yield buildReport(eachResource(items, input.alias), patientId, { now, valueSetId, ...more });
  }
}
