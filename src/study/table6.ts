/**
 * Table 6 of Segi et al. 2025, "Comparison of Pre- and Postoperative ADL and QOL Between Groups Classified
 * Based on Spinal Metastasis Segment": the three groups side by side, with the Δ rows (1 month − pre-op;
 * none for Barthel) and the pairwise P values (Tukey's HSD or Fisher's exact test with Benjamini–Hochberg
 * correction). Rows are kept in the printed order. Transcribed by hand; checked against Table 4 in tests.
 */
import type { SegmentGroup } from "../scores/types";
import { countPct as c, meanSd as ms } from "./cells";
import type { EcogCell, FrankelCell, MeanSdCell } from "./cells";
import { pValue } from "./pValue";
import type { PValue } from "./pValue";

/** Table 6's P-value columns: "C vs T", "T vs L", "C vs L". */
export type Comparison = "C vs T" | "T vs L" | "C vs L";
export const COMPARISONS: readonly Comparison[] = ["C vs T", "T vs L", "C vs L"];
/** The two groups each P-value column compares (Table 6 footnote: L = TL/L/S). */
export const COMPARISON_GROUPS: Readonly<Record<Comparison, readonly [SegmentGroup, SegmentGroup]>> = {
  "C vs T": ["cervical", "thoracic"],
  "T vs L": ["thoracic", "tl-l-s"],
  "C vs L": ["cervical", "tl-l-s"],
};

export type StudyOutcome = "frankel" | "ecog" | "barthel" | "painVas" | "eq5dIndex" | "eqVas";
export type ContinuousOutcome = "barthel" | "painVas" | "eq5dIndex" | "eqVas";
/** "change" is the Δ row (1-month value minus pre-operative value, Methods "Variables and Grouping"). */
export type StudyTimepoint = "preop" | "oneMonth" | "change";

interface Table6RowBase {
  /** The row label as printed. */
  row: string;
  timepoint: StudyTimepoint;
  p: Readonly<Record<Comparison, PValue>>;
}
interface Table6FrankelRow extends Table6RowBase {
  outcome: "frankel";
  cells: Readonly<Record<SegmentGroup, FrankelCell>>;
}
interface Table6EcogRow extends Table6RowBase {
  outcome: "ecog";
  cells: Readonly<Record<SegmentGroup, EcogCell>>;
}
export interface Table6ContinuousRow extends Table6RowBase {
  outcome: ContinuousOutcome;
  cells: Readonly<Record<SegmentGroup, MeanSdCell>>;
}
export type Table6Row = Table6FrankelRow | Table6EcogRow | Table6ContinuousRow;

export const TABLE_6_N: Readonly<Record<SegmentGroup, number>> = { cervical: 31, thoracic: 82, "tl-l-s": 90 };

function ps(cVsT: string, tVsL: string, cVsL: string): Record<Comparison, PValue> {
  return { "C vs T": pValue(cVsT), "T vs L": pValue(tVsL), "C vs L": pValue(cVsL) };
}

/** Each outcome's name in Table 6's row labels. */
const ROW_NAMES: Readonly<Record<StudyOutcome, string>> = {
  frankel: "Frankel",
  ecog: "ECOG PS",
  barthel: "Barthel index",
  painVas: "Pain VAS",
  eq5dIndex: "EQ5D HSUV",
  eqVas: "EQ5D VAS",
};

/** The row label as printed: "<name>, preop", "<name>, 1 mo", "Δ<name>". */
function rowLabel(outcome: StudyOutcome, timepoint: StudyTimepoint): string {
  const name = ROW_NAMES[outcome];
  return timepoint === "change" ? `Δ${name}` : `${name}, ${timepoint === "preop" ? "preop" : "1 mo"}`;
}

function frankel(
  timepoint: StudyTimepoint,
  p: Record<Comparison, PValue>,
  cells: Record<SegmentGroup, FrankelCell>,
): Table6FrankelRow {
  return { outcome: "frankel", timepoint, row: rowLabel("frankel", timepoint), cells, p };
}

function ecog(
  timepoint: StudyTimepoint,
  p: Record<Comparison, PValue>,
  cells: Record<SegmentGroup, EcogCell>,
): Table6EcogRow {
  return { outcome: "ecog", timepoint, row: rowLabel("ecog", timepoint), cells, p };
}

/** A continuous outcome's rows by timepoint: cervical, thoracic, TL/L/S cells, then ps(C vs T, T vs L, C vs L). */
type ContinuousRows = Partial<Record<StudyTimepoint, [MeanSdCell, MeanSdCell, MeanSdCell, Record<Comparison, PValue>]>>;

const TIMEPOINTS = ["preop", "oneMonth", "change"] as const satisfies readonly StudyTimepoint[];

/** A continuous outcome's rows in the printed order: preop, 1 mo, Δ. */
function continuous(outcome: ContinuousOutcome, rows: ContinuousRows): Table6ContinuousRow[] {
  return TIMEPOINTS.flatMap((timepoint) => {
    const r = rows[timepoint];
    if (!r) return [];
    const [cervical, thoracic, tlls, p] = r;
    return [
      { outcome, timepoint, row: rowLabel(outcome, timepoint), cells: { cervical, thoracic, "tl-l-s": tlls }, p },
    ];
  });
}

/**
 * The paper's "Table 6. Comparison of Pre- and Postoperative ADL and QOL Between Groups Classified Based on Spinal
 * Metastasis Segment."
 */
export const TABLE_6: readonly Table6Row[] = [
  // No "Unknown" row is printed under "Frankel, preop": 0 in every group (Table 4 prints 0 too).
  // C vs T 0.052 is NOT significant, although the Discussion says "Significantly more patients in the thoracic
  // group than in the cervical and TL/L/S group had preoperative paralysis" (only T vs L, <0.001, is).
  frankel("preop", ps("0.052", "<0.001", "0.22"), {
    cervical: { abc: c(10, 32), de: c(21, 68), unknown: 0 },
    thoracic: { abc: c(46, 56), de: c(36, 44), unknown: 0 },
    "tl-l-s": { abc: c(18, 20), de: c(72, 80), unknown: 0 },
  }),
  frankel("oneMonth", ps("0.005", "0.005", "0.45"), {
    cervical: { abc: c(1, 4), de: c(26, 96), unknown: 4 },
    thoracic: { abc: c(23, 30), de: c(53, 70), unknown: 6 },
    "tl-l-s": { abc: c(9, 11), de: c(76, 89), unknown: 5 },
  }),
  // Table 6 prints "2<" before "≤2" (Table 4 prints them the other way round).
  ecog("preop", ps("0.30", "0.19", ">0.99"), {
    cervical: { over2: c(14, 45), le2: c(17, 55), unknown: 0 },
    thoracic: { over2: c(49, 60), le2: c(32, 40), unknown: 1 },
    "tl-l-s": { over2: c(40, 45), le2: c(48, 55), unknown: 2 },
  }),
  ecog("oneMonth", ps("0.034", "0.034", "0.39"), {
    cervical: { over2: c(3, 12), le2: c(23, 88), unknown: 5 },
    thoracic: { over2: c(29, 38), le2: c(48, 62), unknown: 5 },
    "tl-l-s": { over2: c(17, 20), le2: c(67, 80), unknown: 6 },
  }),
  ...continuous("barthel", {
    preop: [ms(69.4, 28.4, 0), ms(57.7, 29.6, 0), ms(67.7, 27.4, 2), ps("0.13", "0.060", "0.96")],
    oneMonth: [ms(88.3, 14.7, 5), ms(72.4, 27.0, 5), ms(81.8, 23.6, 7), ps("0.012", "0.039", "0.46")],
  }),
  ...continuous("painVas", {
    preop: [ms(58.0, 25.8, 3), ms(59.7, 27.1, 2), ms(70.4, 25.9, 5), ps("0.96", "0.027", "0.083")],
    oneMonth: [ms(31.3, 20.7, 4), ms(32.5, 25.2, 6), ms(24.7, 21.7, 9), ps("0.97", "0.088", "0.41")],
    // ΔPain VAS: the Results say "VAS changes were significantly greater in the TL/L/S group than in the cervical
    // (P = 0.011) and TL/L/S (P < 0.001) groups" — a typo for "thoracic": Table 6 has T vs L <0.001, C vs L 0.011.
    change: [ms(-26.0, 30.3, 5), ms(-25.8, 30.1, 6), ms(-45.9, 30.7, 10), ps(">0.99", "<0.001", "0.011")],
  }),
  ...continuous("eq5dIndex", {
    preop: [ms(0.461, 0.291, 2), ms(0.321, 0.292, 2), ms(0.376, 0.272, 4), ps("0.059", "0.42", "0.34")],
    oneMonth: [ms(0.653, 0.233, 4), ms(0.513, 0.252, 6), ms(0.624, 0.232, 8), ps("0.027", "0.011", "0.85")],
    change: [ms(0.185, 0.221, 4), ms(0.18, 0.227, 6), ms(0.246, 0.255, 9), ps(">0.99", "0.20", "0.49")],
  }),
  ...continuous("eqVas", {
    preop: [ms(48.7, 23.6, 4), ms(32.4, 24.4, 8), ms(40.1, 23.7, 12), ps("0.008", "0.12", "0.25")],
    oneMonth: [ms(63.4, 25.8, 6), ms(54.7, 24.5, 13), ms(61.7, 21.9, 16), ps("0.25", "0.18", "0.95")],
    change: [ms(14.6, 28.0, 6), ms(22.8, 27.1, 14), ms(22.0, 28.3, 17), ps("0.42", "0.98", "0.49")],
  }),
];

/** The Δ row of Table 6 for an outcome; null for Barthel, Frankel and ECOG (the study reports no Δ for them). */
export function table6ChangeRow(outcome: ContinuousOutcome): Table6ContinuousRow | null {
  return CHANGE_ROWS.get(outcome) ?? null;
}

/** The first Δ row of each outcome, found once: every report looks them up (qol.expected). */
const CHANGE_ROWS = new Map<string, Table6ContinuousRow>();
for (const row of TABLE_6) {
  if (row.outcome === "frankel" || row.outcome === "ecog") continue;
  if (row.timepoint === "change" && !CHANGE_ROWS.has(row.outcome)) CHANGE_ROWS.set(row.outcome, row);
}
