/**
 * Table 4 of Segi et al. 2025, "ADL and QOL Recovery Following Surgical Treatment":
 * each group's figures before surgery ("Preop") and 1 month after ("1 mo"), with the within-group P value
 * (Wilcoxon signed-rank test with continuity correction or Fisher's exact test).
 * Transcribed by hand from the study text; every figure is checked against Table 6 in test/unit/study.
 */
import type { SegmentGroup } from "../scores/types";
import { countPct as c, meanSd as ms } from "./cells";
import type { EcogCell, FrankelCell, MeanSdCell } from "./cells";
import { pValue as p } from "./pValue";
import type { PValue } from "./pValue";

interface Table4Row<C> {
  /** The row label as printed. */
  row: string;
  preop: C;
  oneMonth: C;
  /** Within-group P value, pre-op vs 1 month. */
  p: PValue;
}

export interface Table4Column {
  /** The column header as printed. */
  column: string;
  n: number;
  frankel: Table4Row<FrankelCell>;
  ecog: Table4Row<EcogCell>;
  painVas: Table4Row<MeanSdCell>;
  barthel: Table4Row<MeanSdCell>;
  /** "EQ5D HSUV": the EQ-5D-5L health state utility value (index). */
  eq5dIndex: Table4Row<MeanSdCell>;
  /** "EQ5D VAS": the EQ VAS, 0–100. */
  eqVas: Table4Row<MeanSdCell>;
}

/** The paper's "Table 4. ADL and QOL Recovery Following Surgical Treatment." */
export const TABLE_4: Readonly<Record<SegmentGroup, Table4Column>> = {
  cervical: {
    column: "Cervical, N = 31",
    n: 31,
    // Rows "Frankel" A/B/C, D/E, Unknown.
    frankel: {
      row: "Frankel",
      preop: { abc: c(10, 32), de: c(21, 68), unknown: 0 },
      oneMonth: { abc: c(1, 4), de: c(26, 96), unknown: 4 },
      p: p("0.007"),
    },
    // Rows "ECOG-PS" ≤2, 2<, Unknown.
    ecog: {
      row: "ECOG-PS",
      preop: { le2: c(17, 55), over2: c(14, 45), unknown: 0 },
      oneMonth: { le2: c(23, 88), over2: c(3, 12), unknown: 5 },
      p: p("0.008"),
    },
    painVas: { row: "Pain VAS", preop: ms(58.0, 25.8, 3), oneMonth: ms(31.3, 20.7, 4), p: p("0.001") },
    barthel: { row: "Barthel index", preop: ms(69.4, 28.4, 0), oneMonth: ms(88.3, 14.7, 5), p: p("<0.001") },
    eq5dIndex: { row: "EQ5D HSUV", preop: ms(0.461, 0.291, 2), oneMonth: ms(0.653, 0.233, 4), p: p("<0.001") },
    eqVas: { row: "EQ5D VAS", preop: ms(48.7, 23.6, 4), oneMonth: ms(63.4, 25.8, 6), p: p("0.002") },
  },
  thoracic: {
    column: "Thoracic, N = 82",
    n: 82,
    frankel: {
      row: "Frankel",
      preop: { abc: c(46, 56), de: c(36, 44), unknown: 0 },
      oneMonth: { abc: c(23, 30), de: c(53, 70), unknown: 6 },
      p: p("0.001"),
    },
    ecog: {
      row: "ECOG-PS",
      preop: { le2: c(32, 40), over2: c(49, 60), unknown: 1 },
      oneMonth: { le2: c(48, 62), over2: c(29, 38), unknown: 5 },
      p: p("0.004"),
    },
    painVas: { row: "Pain VAS", preop: ms(59.7, 27.1, 2), oneMonth: ms(32.5, 25.2, 6), p: p("<0.001") },
    barthel: { row: "Barthel index", preop: ms(57.7, 29.6, 0), oneMonth: ms(72.4, 27.0, 5), p: p("<0.001") },
    eq5dIndex: { row: "EQ5D HSUV", preop: ms(0.321, 0.292, 2), oneMonth: ms(0.513, 0.252, 6), p: p("<0.001") },
    eqVas: { row: "EQ5D VAS", preop: ms(32.4, 24.4, 8), oneMonth: ms(54.7, 24.5, 13), p: p("<0.001") },
  },
  "tl-l-s": {
    column: "TL/L/S, N = 90",
    n: 90,
    // Frankel P = 0.10: the only non-significant within-group change of Table 4. The Abstract ("All groups
    // exhibited improvement in the Frankel grade") and the Conclusion gloss over this; the Results say it.
    frankel: {
      row: "Frankel",
      preop: { abc: c(18, 20), de: c(72, 80), unknown: 0 },
      oneMonth: { abc: c(9, 11), de: c(76, 89), unknown: 5 },
      p: p("0.10"),
    },
    ecog: {
      row: "ECOG-PS",
      preop: { le2: c(48, 55), over2: c(40, 45), unknown: 2 },
      oneMonth: { le2: c(67, 80), over2: c(17, 20), unknown: 6 },
      p: p("<0.001"),
    },
    painVas: { row: "Pain VAS", preop: ms(70.4, 25.9, 5), oneMonth: ms(24.7, 21.7, 9), p: p("<0.001") },
    barthel: { row: "Barthel index", preop: ms(67.7, 27.4, 2), oneMonth: ms(81.8, 23.6, 7), p: p("<0.001") },
    eq5dIndex: { row: "EQ5D HSUV", preop: ms(0.376, 0.272, 4), oneMonth: ms(0.624, 0.232, 8), p: p("<0.001") },
    eqVas: { row: "EQ5D VAS", preop: ms(40.1, 23.7, 12), oneMonth: ms(61.7, 21.9, 16), p: p("<0.001") },
  },
};
