/**
 * Table 1 of Segi et al. 2025, "Metastatic Lesion Segments": patients per involved vertebra in each group,
 * "count (percent%)" of the group N. A patient with 2–3 involved vertebrae counts at each (Figure 1: "with
 * overlap"), so a column adds up to more than its N. Blank cells are not listed. "S" is the sacrum.
 * T1 appears under cervical (C7–T1 lesions) and thoracic; T10 under thoracic (T10 alone, or with T9 and above)
 * and TL/L/S (T10–T11 lesions) — the grouping rule of src/scores/levels.ts.
 */
import { SPINAL_LEVELS, type SpinalLevel } from "../scores/domains";
import type { SegmentGroup } from "../scores/types";
import { countPct as c } from "./cells";
import type { CountCell } from "./cells";

/** A vertebra Table 1 lists by itself: C1–C7, T1–T12, L1–L5 (src/scores/domains.ts owns the levels). */
type Table1Vertebra = Extract<SpinalLevel, `${"C" | "T" | "L"}${number}`>;

/** A row of Table 1: a vertebra, or "S", the sacrum as one row. */
export type Table1Level = Table1Vertebra | "S";

/** The rows of Table 1, cranial to caudal. */
export const TABLE_1_LEVELS: readonly Table1Level[] = [
  ...SPINAL_LEVELS.filter((l): l is Table1Vertebra => /^[CTL]\d+$/.test(l)),
  "S",
];

/** The paper's "Table 1. Metastatic Lesion Segments." */
export const TABLE_1: Readonly<Record<SegmentGroup, Readonly<Partial<Record<Table1Level, CountCell>>>>> = {
  // Column "Cervical N = 31".
  cervical: {
    C1: c(0, 0),
    C2: c(5, 16),
    C3: c(6, 19),
    C4: c(10, 32),
    C5: c(8, 26),
    C6: c(5, 16),
    C7: c(8, 26),
    T1: c(3, 10),
  },
  // Column "Thoracic N = 82".
  thoracic: {
    T1: c(7, 9),
    T2: c(12, 15),
    T3: c(18, 22),
    T4: c(21, 26),
    T5: c(17, 21),
    T6: c(12, 15),
    T7: c(9, 11),
    T8: c(11, 13),
    T9: c(10, 12),
    T10: c(2, 2),
  },
  // Column "TL/L/S N = 90".
  "tl-l-s": {
    T10: c(7, 8),
    T11: c(22, 24),
    T12: c(15, 17),
    L1: c(17, 19),
    L2: c(19, 21),
    L3: c(15, 17),
    L4: c(11, 12),
    L5: c(8, 9),
    S: c(4, 4),
  },
};
