/**
 * The study's significance facts in a form the UI can put into plain words:
 * between-group differences (Table 6, pairwise, Benjamini–Hochberg corrected) and within-group changes
 * from pre-op to 1 month (Table 4). Significant means P < 0.05 (Methods, "Statistical analysis").
 */
import type { SegmentGroup } from "../scores/types";
import type { EcogCell, FrankelCell, MeanSdCell } from "./cells";
import { GROUP_N, SEGMENT_GROUPS } from "./groups";
import { isSignificant } from "./pValue";
import type { PValue } from "./pValue";
import { TABLE_4 } from "./table4";
import { COMPARISONS, COMPARISON_GROUPS, TABLE_6 } from "./table6";
import type { Comparison, StudyOutcome, StudyTimepoint, Table6Row } from "./table6";

export interface GroupDifference {
  outcome: StudyOutcome;
  timepoint: StudyTimepoint;
  comparison: Comparison;
  /** The two groups compared, in the column's order ("C vs T" → cervical, thoracic). */
  groups: readonly [SegmentGroup, SegmentGroup];
  /** As printed: "0.027", "<0.001", ">0.99". */
  p: string;
  pValue: PValue;
  significant: boolean;
  /**
   * The group with the better figure: higher EQ5D index / EQ VAS / Barthel, lower pain VAS, a larger pain
   * decrease or EQ5D increase, fewer Frankel A/B/C or ECOG > 2 (as shares of those known). Null on a tie.
   * Meaningful as a statement only when `significant`.
   */
  better: SegmentGroup | null;
  /** "Table 6, row "EQ5D HSUV, 1 mo", column C vs T". */
  source: string;
}

/** A score on a scale where higher is better: the figure compared between groups. */
function merit(row: Table6Row, group: SegmentGroup): number {
  const n = GROUP_N[group];
  switch (row.outcome) {
    case "frankel": {
      const cell: FrankelCell = row.cells[group];
      return -cell.abc.count / (n - cell.unknown);
    }
    case "ecog": {
      const cell: EcogCell = row.cells[group];
      return -cell.over2.count / (n - cell.unknown);
    }
    case "painVas": {
      const cell: MeanSdCell = row.cells[group];
      return -cell.mean; // less pain, or a larger decrease (Δ more negative), is better
    }
    default:
      return row.cells[group].mean;
  }
}

function groupDifference(row: Table6Row, comparison: Comparison): GroupDifference {
  const groups = COMPARISON_GROUPS[comparison];
  const [a, b] = groups;
  const pv = row.p[comparison];
  const ma = merit(row, a);
  const mb = merit(row, b);
  return {
    outcome: row.outcome,
    timepoint: row.timepoint,
    comparison,
    groups,
    p: pv.text,
    pValue: pv,
    significant: isSignificant(pv),
    better: ma > mb ? a : mb > ma ? b : null,
    source: `Table 6, row "${row.row}", column ${comparison}`,
  };
}

/** Every pairwise comparison of Table 6 (15 rows × 3 columns), in the printed order. */
export const GROUP_DIFFERENCES: readonly GroupDifference[] = TABLE_6.flatMap((row) =>
  COMPARISONS.map((comparison) => groupDifference(row, comparison)),
);

/** Table 6's comparisons, filtered (e.g. `{ significantOnly: true, outcome: "eq5dIndex" }`). */
export function groupDifferences(
  filter: {
    outcome?: StudyOutcome;
    timepoint?: StudyTimepoint;
    group?: SegmentGroup;
    significantOnly?: boolean;
  } = {},
): GroupDifference[] {
  return GROUP_DIFFERENCES.filter(
    (d) =>
      (filter.outcome === undefined || d.outcome === filter.outcome) &&
      (filter.timepoint === undefined || d.timepoint === filter.timepoint) &&
      (filter.group === undefined || d.groups.includes(filter.group)) &&
      (filter.significantOnly !== true || d.significant),
  );
}

export interface WithinGroupChange {
  group: SegmentGroup;
  outcome: StudyOutcome;
  p: string;
  pValue: PValue;
  /** Pre-op vs 1 month significantly different (all six outcomes improved on average in every group). */
  significant: boolean;
  source: string;
}

const TABLE_4_OUTCOMES: readonly StudyOutcome[] = ["frankel", "ecog", "painVas", "barthel", "eq5dIndex", "eqVas"];

/** Table 4's within-group P values (18: 6 outcomes × 3 groups). Only TL/L/S Frankel (P = 0.10) is not significant. */
export const WITHIN_GROUP_CHANGES: readonly WithinGroupChange[] = SEGMENT_GROUPS.flatMap((group) =>
  TABLE_4_OUTCOMES.map((outcome) => {
    const column = TABLE_4[group];
    const row = column[outcome];
    return {
      group,
      outcome,
      p: row.p.text,
      pValue: row.p,
      significant: isSignificant(row.p),
      source: `Table 4, row "${row.row}", column "${column.column}"`,
    };
  }),
);
