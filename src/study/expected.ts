/**
 * qol.expected of the ScoreReport: the study's group figures before surgery and at 1 month (Table 4) and the
 * group's mean change (Table 6 Δ rows).
 * n = group N minus the table's "Unknown"; change is null for Barthel (the study reports no Δ for it).
 */
import type { CountOfN, ExpectedQol, GroupExpected, MeanSd, OutcomeCourse } from "../report/types";
import type { SegmentGroup } from "../scores/types";
import type { MeanSdCell } from "./cells";
import { isSegmentGroup } from "./groups";
import { TABLE_4 } from "./table4";
import type { ContinuousOutcome } from "./table6";
import { table6ChangeRow } from "./table6";

function meanSdOf(cell: MeanSdCell, groupN: number): MeanSd {
  return { mean: cell.mean, sd: cell.sd, n: groupN - cell.unknown };
}

function outcomeCourse(group: SegmentGroup, outcome: ContinuousOutcome): OutcomeCourse {
  const column = TABLE_4[group];
  const row = column[outcome];
  const change = table6ChangeRow(outcome)?.cells[group];
  return {
    preop: meanSdOf(row.preop, column.n),
    oneMonth: meanSdOf(row.oneMonth, column.n),
    change: change ? meanSdOf(change, column.n) : null,
  };
}

function countOfN(count: number, unknown: number, groupN: number): CountOfN {
  return { count, n: groupN - unknown };
}

/** One group's figures (fresh objects on every call: callers may not corrupt the study's constants). */
export function groupExpected(group: SegmentGroup): GroupExpected {
  if (!isSegmentGroup(group)) throw new RangeError(`group: unknown segment group "${String(group)}"`);
  const column = TABLE_4[group];
  const { frankel, ecog } = column;
  return {
    eq5dIndex: outcomeCourse(group, "eq5dIndex"),
    eqVas: outcomeCourse(group, "eqVas"),
    painVas: outcomeCourse(group, "painVas"),
    barthel: outcomeCourse(group, "barthel"),
    frankelABC: {
      preop: countOfN(frankel.preop.abc.count, frankel.preop.unknown, column.n),
      oneMonth: countOfN(frankel.oneMonth.abc.count, frankel.oneMonth.unknown, column.n),
    },
    ecogOver2: {
      preop: countOfN(ecog.preop.over2.count, ecog.preop.unknown, column.n),
      oneMonth: countOfN(ecog.oneMonth.over2.count, ecog.oneMonth.unknown, column.n),
    },
  };
}

/**
 * The study's figures for the patient's segment group (null: unknown group → byGroup only). Group means only:
 * the study reports no model that depends on a patient's baseline, so nothing here is a per-patient projection
 * (adding a group's mean change to this patient's value looked like a prediction, left the scales and mixed
 * value sets).
 */
export function expectedQol(group: SegmentGroup | null): ExpectedQol {
  const byGroup: Record<SegmentGroup, GroupExpected> = {
    cervical: groupExpected("cervical"),
    thoracic: groupExpected("thoracic"),
    "tl-l-s": groupExpected("tl-l-s"),
  };
  if (group === null) return { group: null, byGroup };
  return { group, ...groupExpected(group), byGroup };
}
