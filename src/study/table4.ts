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

/** A row's cells as printed: pre-op, 1 month, and the within-group P value. */
type Cells<C> = [preop: C, oneMonth: C, p: string];

/** Each row's label as printed. */
const ROW_LABELS = {
  frankel: "Frankel",
  ecog: "ECOG-PS",
  painVas: "Pain VAS",
  barthel: "Barthel index",
  eq5dIndex: "EQ5D HSUV",
  eqVas: "EQ5D VAS",
} as const;

function row<C>(label: string, [preop, oneMonth, pv]: Cells<C>): Table4Row<C> {
  return { row: label, preop, oneMonth, p: p(pv) };
}

/** One group's column, its rows in the printed order. */
function column(
  header: string,
  n: number,
  cells: {
    frankel: Cells<FrankelCell>;
    ecog: Cells<EcogCell>;
    painVas: Cells<MeanSdCell>;
    barthel: Cells<MeanSdCell>;
    eq5dIndex: Cells<MeanSdCell>;
    eqVas: Cells<MeanSdCell>;
  },
): Table4Column {
  return {
    column: header,
    n,
    frankel: row(ROW_LABELS.frankel, cells.frankel),
    ecog: row(ROW_LABELS.ecog, cells.ecog),
    painVas: row(ROW_LABELS.painVas, cells.painVas),
    barthel: row(ROW_LABELS.barthel, cells.barthel),
    eq5dIndex: row(ROW_LABELS.eq5dIndex, cells.eq5dIndex),
    eqVas: row(ROW_LABELS.eqVas, cells.eqVas),
  };
}

/**
 * The paper's "Table 4. ADL and QOL Recovery Following Surgical Treatment." Rows "Frankel" A/B/C, D/E, Unknown and
 * "ECOG-PS" ≤2, 2<, Unknown; the others mean ± SD with their Unknown count.
 */
export const TABLE_4: Readonly<Record<SegmentGroup, Table4Column>> = {
  cervical: column("Cervical, N = 31", 31, {
    frankel: [{ abc: c(10, 32), de: c(21, 68), unknown: 0 }, { abc: c(1, 4), de: c(26, 96), unknown: 4 }, "0.007"],
    ecog: [{ le2: c(17, 55), over2: c(14, 45), unknown: 0 }, { le2: c(23, 88), over2: c(3, 12), unknown: 5 }, "0.008"],
    painVas: [ms(58.0, 25.8, 3), ms(31.3, 20.7, 4), "0.001"],
    barthel: [ms(69.4, 28.4, 0), ms(88.3, 14.7, 5), "<0.001"],
    eq5dIndex: [ms(0.461, 0.291, 2), ms(0.653, 0.233, 4), "<0.001"],
    eqVas: [ms(48.7, 23.6, 4), ms(63.4, 25.8, 6), "0.002"],
  }),
  thoracic: column("Thoracic, N = 82", 82, {
    frankel: [{ abc: c(46, 56), de: c(36, 44), unknown: 0 }, { abc: c(23, 30), de: c(53, 70), unknown: 6 }, "0.001"],
    ecog: [{ le2: c(32, 40), over2: c(49, 60), unknown: 1 }, { le2: c(48, 62), over2: c(29, 38), unknown: 5 }, "0.004"],
    painVas: [ms(59.7, 27.1, 2), ms(32.5, 25.2, 6), "<0.001"],
    barthel: [ms(57.7, 29.6, 0), ms(72.4, 27.0, 5), "<0.001"],
    eq5dIndex: [ms(0.321, 0.292, 2), ms(0.513, 0.252, 6), "<0.001"],
    eqVas: [ms(32.4, 24.4, 8), ms(54.7, 24.5, 13), "<0.001"],
  }),
  "tl-l-s": column("TL/L/S, N = 90", 90, {
    // Frankel P = 0.10: the only non-significant within-group change of Table 4. The Abstract ("All groups
    // exhibited improvement in the Frankel grade") and the Conclusion gloss over this; the Results say it.
    frankel: [{ abc: c(18, 20), de: c(72, 80), unknown: 0 }, { abc: c(9, 11), de: c(76, 89), unknown: 5 }, "0.10"],
    ecog: [
      { le2: c(48, 55), over2: c(40, 45), unknown: 2 },
      { le2: c(67, 80), over2: c(17, 20), unknown: 6 },
      "<0.001",
    ],
    painVas: [ms(70.4, 25.9, 5), ms(24.7, 21.7, 9), "<0.001"],
    barthel: [ms(67.7, 27.4, 2), ms(81.8, 23.6, 7), "<0.001"],
    eq5dIndex: [ms(0.376, 0.272, 4), ms(0.624, 0.232, 8), "<0.001"],
    eqVas: [ms(40.1, 23.7, 12), ms(61.7, 21.9, 16), "<0.001"],
  }),
};
