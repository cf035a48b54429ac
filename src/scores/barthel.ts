/**
 * Barthel index (Mahoney FI, Barthel DW. Functional evaluation: the Barthel index. Md State Med J
 * 1965;14:61–65; the study's reference 21). Ten items with their standard weights; total 0–100.
 * A missing item counts with its whole range (0 to its maximum).
 */
import { BARTHEL_ITEMS, ScoreInputError, type BarthelInput, type BarthelItem, type BarthelResult } from "./types";
import { describeValue, refuseUnknownKeys, requireRecord } from "./validate";

/** The points each item can take (Mahoney & Barthel 1965). */
export const BARTHEL_POINTS: Readonly<Record<BarthelItem, readonly number[]>> = {
  feeding: [0, 5, 10],
  bathing: [0, 5],
  grooming: [0, 5],
  dressing: [0, 5, 10],
  bowels: [0, 5, 10],
  bladder: [0, 5, 10],
  toiletUse: [0, 5, 10],
  transfers: [0, 5, 10, 15],
  mobility: [0, 5, 10, 15],
  stairs: [0, 5, 10],
};

/** The highest points of an item. */
export function barthelItemMax(item: BarthelItem): number {
  return Math.max(...BARTHEL_POINTS[item]);
}

/** Barthel index: total when all ten items are known, else null; min/max bound the total. */
export function barthelIndex(items: BarthelInput): BarthelResult {
  const raw = requireRecord("barthel input", items);
  refuseUnknownKeys("barthel input", raw, BARTHEL_ITEMS);
  let min = 0;
  let max = 0;
  let complete = true;
  for (const item of BARTHEL_ITEMS) {
    const v = raw[item];
    if (v === null || v === undefined) {
      complete = false;
      max += barthelItemMax(item);
      continue;
    }
    const allowed = BARTHEL_POINTS[item];
    if (typeof v !== "number" || !allowed.includes(v)) {
      throw new ScoreInputError(item, `${describeValue(v)} is not a Barthel ${item} score (allowed: ${allowed.join(", ")})`);
    }
    min += v;
    max += v;
  }
  return { total: complete ? min : null, min, max };
}
