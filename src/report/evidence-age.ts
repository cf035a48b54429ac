/**
 * The limit on ReportOptions.evidenceMaxAgeDays that a deployment may set, said once for both places that take it:
 * app-config.json's `evidenceMaxAgeDays` (launch/config.ts) and the score CLI's `--ps-max-age-days` /
 * `--palsy-max-age-days` (src/cli/score.ts). Whole days, 1 to 3650 (ten years).
 */
import { z } from "zod/mini";

export const EVIDENCE_MAX_AGE_DAYS_LIMIT = { min: 1, max: 3650 } as const;

/** One window, in whole days within EVIDENCE_MAX_AGE_DAYS_LIMIT. */
export const evidenceMaxAgeDaysSchema = z
  .int()
  .check(z.minimum(EVIDENCE_MAX_AGE_DAYS_LIMIT.min), z.maximum(EVIDENCE_MAX_AGE_DAYS_LIMIT.max));
