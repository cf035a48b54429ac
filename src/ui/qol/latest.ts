import type { ScoreReport } from "../../report/types";

/**
 * The latest EQ-5D-5L index on file (by date), for the headline figure. Its own module: the verdict strip shows
 * it in the first paint, while the charts (QolCourse) are a chunk loaded after it.
 */
export function latestIndex(timepoints: ScoreReport["qol"]["timepoints"]) {
  let best: (typeof timepoints)[number] | null = null;
  for (const tp of timepoints) {
    if (!tp.eq5d) continue;
    const time = tp.date ? Date.parse(tp.date) : Number.NEGATIVE_INFINITY;
    const bestTime = best?.date ? Date.parse(best.date) : Number.NEGATIVE_INFINITY;
    if (best === null || time >= bestTime) best = tp;
  }
  return best;
}
