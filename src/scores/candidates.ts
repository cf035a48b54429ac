/** Scoring an item from its candidate values, and a score's range from its items. */
import type { Candidates, ItemScore } from "./types";

/**
 * The candidates of an item as a list (the input already parsed at the entry): nothing given = [] (unknown); a
 * value or a list of values = those values, without duplicates, in domain order.
 */
function candidatesOf<V extends string>(given: Candidates<V>, domain: readonly V[]): V[] {
  if (given === undefined || given === null) return [];
  if (typeof given === "string") return [given];
  const list = given;
  // None or one value (nearly every item of a report): already in domain order, no need to walk the domain.
  if (list.length <= 1) return list.slice();
  const seen = new Set(list);
  return seen.size === 1 ? [list[0] as V] : domain.filter((v) => seen.has(v));
}

/**
 * The points an item may still score. No candidate = unknown = the whole domain. `points` is set when every
 * candidate scores the same (min === max); `value` when exactly one candidate remains.
 */
function scoreItem<V extends string>(
  candidates: readonly V[],
  domain: readonly V[],
  pointsOf: (value: V) => number,
): ItemScore<V> {
  const values = candidates.length > 0 ? candidates.slice() : domain.slice();
  // One pass for both bounds (no points array, no spread into Math.min/max): this runs twelve times a report.
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    const p = pointsOf(v);
    if (p < min) min = p;
    if (p > max) max = p;
  }
  return {
    points: min === max ? min : null,
    min,
    max,
    value: values.length === 1 ? (values[0] ?? null) : null,
    candidates: values,
  };
}

/** Total (only when every item's points are certain), and the bounds of what the total can be. */
/** An item as given (a value, a list of candidates or nothing), scored by its points table or rule. */
export function scoreGiven<V extends string>(
  given: Candidates<V>,
  domain: readonly V[],
  points: Readonly<Record<V, number>> | ((value: V) => number),
): ItemScore<V> {
  return scoreItem(candidatesOf(given, domain), domain, typeof points === "function" ? points : (v) => points[v]);
}

export function sumItems(items: readonly ItemScore[]): { total: number | null; min: number; max: number } {
  let min = 0;
  let max = 0;
  let certain = true;
  for (const item of items) {
    min += item.min;
    max += item.max;
    if (item.points === null) certain = false;
  }
  return { total: certain ? min : null, min, max };
}

/** The class of a range: the class of min when max falls in the same class, else null. */
export function classOfRange<C>(min: number, max: number, classOf: (total: number) => C): C | null {
  const low = classOf(min);
  return low === classOf(max) ? low : null;
}
