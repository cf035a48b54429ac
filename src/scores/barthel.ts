/**
 * Barthel index (Mahoney FI, Barthel DW. Functional evaluation: the Barthel index. Md State Med J
 * 1965;14:61–65; the study's reference 21). Ten items with their standard weights (BARTHEL_POINTS of ./domains.ts);
 * total 0–100. A missing item counts with its whole range (0 to its maximum).
 */
import { BARTHEL_ITEMS, BARTHEL_POINTS } from "./domains";
import { BarthelInputSchema, parseInput } from "./schemas";
import type { BarthelInput, BarthelItem, BarthelResult } from "./types";

export { BARTHEL_POINTS } from "./domains";

/** The highest points of an item. */
export function barthelItemMax(item: BarthelItem): number {
  return Math.max(...BARTHEL_POINTS[item]);
}

/** Barthel index: total when all ten items are known, else null; min/max bound the total. */
export function barthelIndex(items: BarthelInput): BarthelResult {
  const given = parseInput(BarthelInputSchema, items, "barthel input");
  let min = 0;
  let max = 0;
  let complete = true;
  for (const item of BARTHEL_ITEMS) {
    const v = given[item];
    if (v === null || v === undefined) {
      complete = false;
      max += barthelItemMax(item);
      continue;
    }
    min += v;
    max += v;
  }
  return { total: complete ? min : null, min, max };
}
