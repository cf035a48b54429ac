/** Cell shapes of the study's tables, as printed (Tables 2, 4 and 6 of Segi et al. 2025). */

/** "mean ± SD" with the row's "Unknown" count (patients without the value). */
export interface MeanSdCell {
  mean: number;
  sd: number;
  /** The table's "Unknown" row for this cell; 0 where the table prints none. */
  unknown: number;
}

/** "count (percent%)"; percent exactly as printed (the paper rounds it, sometimes to 2 digits). */
export interface CountCell {
  count: number;
  percent: number;
}

/** Frankel grade split as the study prints it: A/B/C ("severe paralysis") vs D/E. */
export interface FrankelCell {
  abc: CountCell;
  de: CountCell;
  unknown: number;
}

/** ECOG performance status split as printed: ≤2 vs "2<" (i.e. > 2). */
export interface EcogCell {
  le2: CountCell;
  over2: CountCell;
  unknown: number;
}

/** Plain mean ± SD without an Unknown row (Table 2). */
export interface MeanAndSd {
  mean: number;
  sd: number;
}

export function meanSd(mean: number, sd: number, unknown = 0): MeanSdCell {
  return { mean, sd, unknown };
}

export function countPct(count: number, percent: number): CountCell {
  return { count, percent };
}
