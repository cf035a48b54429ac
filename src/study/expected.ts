/**
 * qol.expected of the ScoreReport (DESIGN.md "The ScoreReport"): the study's group figures before surgery and at
 * 1 month (Table 4), the change (Table 6 Δ rows), and a projection for this patient's pre-operative values.
 * n = group N minus the table's "Unknown"; change is null for Barthel (the study reports no Δ for it).
 */
import type {
  CountOfN,
  ExpectedQol,
  GroupExpected,
  MeanSd,
  OutcomeCourse,
  ProjectedOutcome,
  Projection,
  QolTimepoint,
} from "../report/types";
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

/** How each projected outcome is read from a timepoint, and the bounds of its scale. */
const PROJECTED: Readonly<Record<ProjectedOutcome, { read: (t: QolTimepoint) => number | null; min: number; max: number }>> = {
  // EQ-5D-5L index: at most 1 (full health); the floor depends on the value set, and the study's Δ is positive.
  eq5dIndex: { read: (t) => t.eq5d?.index ?? null, min: Number.NEGATIVE_INFINITY, max: 1 },
  // EQ VAS and pain VAS: 0–100 mm. A 0–10 pain NRS is never read as a VAS.
  eqVas: { read: (t) => t.eqVas, min: 0, max: 100 },
  painVas: { read: (t) => t.painVas, min: 0, max: 100 },
};
export const PROJECTED_OUTCOMES: readonly ProjectedOutcome[] = ["eq5dIndex", "eqVas", "painVas"];

function timeOf(date: string | null): number {
  if (date === null) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(date);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/**
 * The patient's pre-operative value of an outcome: among "preop" timepoints holding a value on the outcome's
 * scale, the one with the latest date (undated ones count as oldest; on a tie, the later in the list).
 * Values off the scale (e.g. a pain VAS of 150, NaN) are not taken as a baseline.
 */
export function preopBaseline(outcome: ProjectedOutcome, timepoints: readonly QolTimepoint[]): number | null {
  const spec = PROJECTED[outcome];
  let best: { value: number; time: number } | null = null;
  for (const tp of timepoints) {
    if (tp.timepoint !== "preop") continue;
    const value = spec.read(tp);
    if (value === null || !Number.isFinite(value) || value < spec.min || value > spec.max) continue;
    const time = timeOf(tp.date);
    if (best === null || time >= best.time) best = { value, time };
  }
  return best?.value ?? null;
}

/**
 * Projection for one outcome: the patient's pre-operative value plus the group's mean Δ (Table 6), with Δ's SD.
 * The expected value is kept on the outcome's scale (pain VAS not below 0, EQ VAS not above 100, index not above 1).
 */
export function projectOutcome(
  outcome: ProjectedOutcome,
  course: OutcomeCourse,
  timepoints: readonly QolTimepoint[],
): Projection | null {
  if (course.change === null) return null;
  const baseline = preopBaseline(outcome, timepoints);
  if (baseline === null) return null;
  const spec = PROJECTED[outcome];
  const expectedOneMonth = Math.min(spec.max, Math.max(spec.min, baseline + course.change.mean));
  return { baseline, expectedOneMonth, sd: course.change.sd };
}

/**
 * The study's expected QOL course for the patient's segment group (null: unknown group → byGroup only, no
 * projection), with a projection for each of EQ-5D index, EQ VAS and pain VAS the patient has a pre-op value of.
 */
export function expectedQol(group: SegmentGroup | null, timepoints: readonly QolTimepoint[]): ExpectedQol {
  const byGroup: Record<SegmentGroup, GroupExpected> = {
    cervical: groupExpected("cervical"),
    thoracic: groupExpected("thoracic"),
    "tl-l-s": groupExpected("tl-l-s"),
  };
  if (group === null) return { group: null, projection: {}, byGroup };
  const own = groupExpected(group);
  const projection: Partial<Record<ProjectedOutcome, Projection>> = {};
  for (const outcome of PROJECTED_OUTCOMES) {
    const p = projectOutcome(outcome, own[outcome], timepoints);
    if (p !== null) projection[outcome] = p;
  }
  return { group, ...own, projection, byGroup };
}
