/**
 * The data of the QOL course charts, computed once and drawn twice: as SVG and as the equivalent table.
 * Every number the chart shows is a `formatted` string of this model, so the chart and its table cannot differ.
 * Figures are the study's (qol.expected, from Tables 4 and 6 of Segi et al. 2025) and the patient's own values.
 */
import type { CountOfN, ExpectedQol, MeanSd, QolTimepoint, QolTimepointKind } from "../../report/types";
import type { FrankelGrade, SegmentGroup } from "../../scores/types";
import { formatFixed, formatIndex } from "../../scores";
import { SEGMENT_GROUPS } from "../../study";
import { TIMEPOINTS } from "../labels";

export type CourseOutcome = "eq5dIndex" | "eqVas" | "painVas" | "barthel";
export const COURSE_OUTCOMES: readonly CourseOutcome[] = ["eq5dIndex", "eqVas", "painVas", "barthel"];

/** How the series is drawn: the patient's group in front, the others muted; all neutral when the group is unknown. */
export type Emphasis = "patient" | "muted" | "neutral";

export interface StatPoint {
  mean: number;
  sd: number;
  n: number;
  /** Group N minus n: patients without the value in the study. */
  unknown: number;
  /** "0.321 ± 0.292": exactly what the chart's label and the table's cell show. */
  text: string;
}

interface GroupCourse {
  group: SegmentGroup;
  emphasis: Emphasis;
  preop: StatPoint;
  oneMonth: StatPoint;
  change: StatPoint | null;
}

export interface PatientValue {
  timepoint: QolTimepointKind;
  date: string | null;
  value: number;
  text: string;
}

/**
 * The patient's own change: the 1-month value minus the pre-op value (the study's Δ, Methods), from the values
 * drawn at those timepoints; only when both are on file. Measured, never projected.
 */
interface PatientChange {
  preop: PatientValue;
  oneMonth: PatientValue;
  value: number;
  /** Signed: "+30", "−0.094". */
  text: string;
}

interface McidLine {
  /** The MCID itself (0.039, 0.071). */
  mcid: number;
  /** Where it comes from, as the study quotes it: "Hu et al. 2020". */
  source: string;
  /** Where the line is drawn: the reference value + the MCID. */
  level: number;
  /** The pre-operative value the MCID is added to. */
  reference: number;
  /** Whose pre-operative value that is. */
  referenceOf: "patient" | "group";
  referenceText: string;
  text: string;
}

/** A dated value of the patient, placed on the chart's time panel. */
interface TimelinePoint extends PatientValue {
  date: string;
  /** Where on the panel, 0 (the first date on file) to 1 (the last); 0.5 when every value has one date. */
  at: number;
}

/** A day with different values of the outcome: each value (ascending) and its text; none is taken. */
export interface CourseConflict {
  date: string | null;
  values: number[];
  texts: string[];
}

interface TimelineConflict extends CourseConflict {
  date: string;
  at: number;
}

/**
 * The patient's own values over time, on calendar dates: every dated value of the outcome, whichever
 * timepoint it belongs to. Undated values cannot be placed and are in the table only.
 */
export interface TimelineModel {
  points: TimelinePoint[];
  /** Dated same-day conflicts of the outcome (different values, none taken), placed like the points. */
  conflicts: TimelineConflict[];
  /** The first and last dates on the panel (equal when there is one date). */
  first: string;
  last: string;
}

export interface CourseModel {
  outcome: CourseOutcome;
  /** Patient's group first is not assumed: order is cervical, thoracic, TL/L/S, except the patient's group last. */
  groups: GroupCourse[];
  /**
   * Every value of the patient, oldest first: the latest pre-op and 1-month ones are drawn at the study's
   * timepoints, and every dated one on the time panel (timeline).
   */
  patient: PatientValue[];
  /** Days with different values of the outcome (none drawn at the study's timepoints; on the time panel). */
  conflicts: CourseConflict[];
  timeline: TimelineModel | null;
  change: PatientChange | null;
  mcids: McidLine[];
  /**
   * The y-axis: the outcome's scale (0–100 for the VAS and Barthel; up to 1 for the index, down to the lowest
   * value drawn or 0). A whisker (mean ± SD) that leaves the scale is drawn to its edge, never past it.
   */
  domain: [number, number];
  ticks: number[];
}

/** Decimals the study prints: the index to 3, the scales 0–100 to 1. */
function studyDigits(outcome: CourseOutcome): number {
  return outcome === "eq5dIndex" ? 3 : 1;
}

/** A number as shown in the chart and its table (locale-independent digits; the index is rounded half away from zero). */
export function formatOutcome(outcome: CourseOutcome, value: number, kind: "study" | "patient" = "study"): string {
  if (outcome === "eq5dIndex") return formatIndex(value);
  if (kind === "patient" && Number.isInteger(value)) return String(value);
  return formatFixed(value, studyDigits(outcome));
}

function stat(outcome: CourseOutcome, m: MeanSd, groupN: number): StatPoint {
  return {
    mean: m.mean,
    sd: m.sd,
    n: m.n,
    unknown: Math.max(0, groupN - m.n),
    text: `${formatOutcome(outcome, m.mean)} ± ${formatOutcome(outcome, m.sd)}`,
  };
}

function patientValueOf(outcome: CourseOutcome, tp: QolTimepoint): number | null {
  switch (outcome) {
    case "eq5dIndex":
      return tp.eq5d?.index ?? null;
    case "eqVas":
      return tp.eqVas;
    case "painVas":
      return tp.painVas;
    case "barthel":
      return tp.barthel;
  }
}

function timeOf(date: string | null): number {
  if (!date) return Number.POSITIVE_INFINITY;
  const t = Date.parse(date);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** The patient's values of one outcome, oldest first (undated last within their kind). */
function patientValues(outcome: CourseOutcome, timepoints: readonly QolTimepoint[]): PatientValue[] {
  const values: PatientValue[] = [];
  for (const tp of timepoints) {
    const v = patientValueOf(outcome, tp);
    if (v === null || !Number.isFinite(v)) continue;
    values.push({ timepoint: tp.timepoint, date: tp.date, value: v, text: formatOutcome(outcome, v, "patient") });
  }
  return values.sort(
    (a, b) => timeOf(a.date) - timeOf(b.date) || TIMEPOINTS.indexOf(a.timepoint) - TIMEPOINTS.indexOf(b.timepoint),
  );
}

/** The value drawn for the patient at a study timepoint: the latest dated one of that kind. */
export function drawnPatientValue(values: readonly PatientValue[], kind: "preop" | "1mo"): PatientValue | null {
  const ofKind = values.filter((v) => v.timepoint === kind);
  return ofKind[ofKind.length - 1] ?? null;
}

/**
 * The dated values (and same-day conflicts) on a calendar axis (oldest left); null when nothing has a usable
 * date.
 */
export function patientTimeline(
  values: readonly PatientValue[],
  conflicts: readonly CourseConflict[] = [],
): TimelineModel | null {
  const dated = <T extends { date: string | null }>(xs: readonly T[]) =>
    xs
      .map((v) => ({ v, time: timeOf(v.date) }))
      .filter((d): d is { v: T & { date: string }; time: number } => d.v.date !== null && Number.isFinite(d.time))
      .sort((a, b) => a.time - b.time);
  const points = dated(values);
  const days = dated(conflicts);
  const all = [...points, ...days].map((d) => ({ date: d.v.date, time: d.time })).sort((a, b) => a.time - b.time);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return null;
  const span = last.time - first.time;
  const at = (time: number) => (span > 0 ? (time - first.time) / span : 0.5);
  return {
    points: points.map(({ v, time }) => ({ ...v, at: at(time) })),
    conflicts: days.map(({ v, time }) => ({ ...v, at: at(time) })),
    first: first.date,
    last: last.date,
  };
}

/** The outcome's same-day conflicts on the timepoints (the index has none: it comes from one questionnaire). */
function courseConflicts(outcome: CourseOutcome, timepoints: readonly QolTimepoint[]): CourseConflict[] {
  if (outcome === "eq5dIndex") return [];
  const out: CourseConflict[] = [];
  for (const tp of timepoints) {
    for (const c of tp.conflicts ?? []) {
      if (c.measure !== outcome) continue;
      const values = c.values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      if (values.length > 1)
        out.push({ date: tp.date, values, texts: values.map((v) => formatOutcome(outcome, v, "patient")) });
    }
  }
  return out;
}

/** A date label under the time panel: where (0–1 as TimelinePoint.at), how it is anchored, and on which row. */
export interface TimeTick {
  date: string;
  at: number;
  anchor: "start" | "middle" | "end";
  /** 0: the labels' row; 1: one row lower (only the last date, when the panel is too narrow for both). */
  row: 0 | 1;
}

/**
 * The dates written under the time panel, none overlapping another: the first (left-aligned) and the last
 * (right-aligned) always, and between them each further date whose label fits, oldest first. `width` is a
 * label's width and `span` the panel's inner width, in the same units; `gap` the room kept between labels.
 * When even the first and the last do not fit side by side, the last moves one row down.
 */
export function timeTicks(
  points: readonly { date: string; at: number }[],
  width: (date: string) => number,
  span: number,
  gap: number,
): TimeTick[] {
  const dates: { date: string; at: number }[] = [];
  for (const p of [...points].sort((a, b) => a.at - b.at)) if (!dates.some((d) => d.date === p.date)) dates.push(p);
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return [];
  if (first === last) return [{ date: first.date, at: first.at, anchor: "middle", row: 0 }];
  const box = (d: { date: string; at: number }, anchor: TimeTick["anchor"]): [number, number] => {
    const x = d.at * span;
    const w = width(d.date);
    return anchor === "start" ? [x, x + w] : anchor === "end" ? [x - w, x] : [x - w / 2, x + w / 2];
  };
  const ticks: TimeTick[] = [{ date: first.date, at: first.at, anchor: "start", row: 0 }];
  let right = box(first, "start")[1];
  const lastLeft = box(last, "end")[0];
  for (const d of dates.slice(1, -1)) {
    const [l, r] = box(d, "middle");
    if (l >= right + gap && r + gap <= lastLeft) {
      ticks.push({ date: d.date, at: d.at, anchor: "middle", row: 0 });
      right = r;
    }
  }
  ticks.push({ date: last.date, at: last.at, anchor: "end", row: lastLeft >= right + gap ? 0 : 1 });
  return ticks;
}

export function orderedGroups(patientGroup: SegmentGroup | null): { group: SegmentGroup; emphasis: Emphasis }[] {
  if (patientGroup === null) return SEGMENT_GROUPS.map((group) => ({ group, emphasis: "neutral" as const }));
  return [
    ...SEGMENT_GROUPS.filter((g) => g !== patientGroup).map((group) => ({ group, emphasis: "muted" as const })),
    { group: patientGroup, emphasis: "patient" as const },
  ];
}

function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/** A y-axis from the scale's usual bounds, widened to every value given (nothing given is clipped). */
function axis(
  values: readonly number[],
  floor: number,
  ceiling: number,
): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(floor, ...values);
  const hi = Math.max(ceiling, ...values);
  const step = niceStep(hi - lo);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { domain: [start, end], ticks };
}

/**
 * Each outcome's scale: EQ VAS, pain VAS (mm) and the Barthel index 0–100; the EQ-5D-5L index at most 1 (full
 * health) and, below 0, as low as a value on file (value sets go below 0: worse than dead).
 */
const SCALE: Record<CourseOutcome, { min: number; max: number; widenBelow: boolean }> = {
  eq5dIndex: { min: 0, max: 1, widenBelow: true },
  eqVas: { min: 0, max: 100, widenBelow: false },
  painVas: { min: 0, max: 100, widenBelow: false },
  barthel: { min: 0, max: 100, widenBelow: false },
};

/** "+30", "−0.094", "0": a change with its sign (a real minus sign, as the study prints Δ). */
export function signedChange(outcome: CourseOutcome, value: number): string {
  const text = formatOutcome(outcome, Math.abs(value), "patient");
  if (Number(text) === 0) return formatOutcome(outcome, 0, "patient");
  return `${value < 0 ? "−" : "+"}${text}`;
}

function patientChange(outcome: CourseOutcome, values: readonly PatientValue[]): PatientChange | null {
  const preop = drawnPatientValue(values, "preop");
  const oneMonth = drawnPatientValue(values, "1mo");
  if (!preop || !oneMonth) return null;
  const value = oneMonth.value - preop.value;
  return { preop, oneMonth, value, text: signedChange(outcome, value) };
}

export interface CourseInput {
  expected: ExpectedQol;
  timepoints: readonly QolTimepoint[];
  /** Study group sizes (31, 82, 90). */
  groupN: Readonly<Record<SegmentGroup, number>>;
  /** MCIDs of the index the study cites (0.039 Hu et al. 2020, 0.071 Zheng et al. 2023); index chart only. */
  mcids?: readonly { value: number; short: string }[];
}

export function courseModel(outcome: CourseOutcome, input: CourseInput): CourseModel {
  const { expected, timepoints, groupN } = input;
  const groups: GroupCourse[] = orderedGroups(expected.group).map(({ group, emphasis }) => {
    const c = expected.byGroup[group][outcome];
    return {
      group,
      emphasis,
      preop: stat(outcome, c.preop, groupN[group]),
      oneMonth: stat(outcome, c.oneMonth, groupN[group]),
      change: c.change ? stat(outcome, c.change, groupN[group]) : null,
    };
  });
  const patient = patientValues(outcome, timepoints);
  const ownPreop = drawnPatientValue(patient, "preop");

  const mcids: McidLine[] = [];
  if (outcome === "eq5dIndex" && input.mcids && input.mcids.length > 0) {
    const own = expected.group ? groups.find((g) => g.group === expected.group) : undefined;
    // A threshold above a pre-op value (this patient's, else the group's mean), not a prediction.
    const reference = ownPreop
      ? { value: ownPreop.value, of: "patient" as const }
      : own
        ? { value: own.preop.mean, of: "group" as const }
        : null;
    if (reference) {
      for (const { value: mcid, short: source } of input.mcids) {
        const level = reference.value + mcid;
        // Above full health (1) no change can reach it: no line.
        if (level > SCALE[outcome].max) continue;
        mcids.push({
          mcid,
          source,
          level,
          reference: reference.value,
          referenceOf: reference.of,
          referenceText: formatOutcome(outcome, reference.value),
          text: formatOutcome(outcome, level),
        });
      }
    }
  }

  const scale = SCALE[outcome];
  // Only the patient's values and the MCID levels may widen the index's axis below 0; the groups' whiskers are
  // drawn to the scale's edge. The VAS and Barthel keep 0–100 (their values cannot leave it).
  const widening = scale.widenBelow ? [...patient.map((v) => v.value), ...mcids.map((m) => m.level)] : [];
  const { domain, ticks } = axis(
    widening.filter((v) => v < scale.min),
    scale.min,
    scale.max,
  );
  const conflicts = courseConflicts(outcome, timepoints);
  return {
    outcome,
    groups,
    patient,
    conflicts,
    timeline: patientTimeline(patient, conflicts),
    change: patientChange(outcome, patient),
    mcids,
    domain,
    ticks,
  };
}

// ------------------------------------------------------------- Frankel A–C and ECOG > 2 proportions

export type ProportionMeasure = "frankelABC" | "ecogOver2";
export const PROPORTION_MEASURES: readonly ProportionMeasure[] = ["frankelABC", "ecogOver2"];

interface ProportionPoint extends CountOfN {
  /** Percent of n (0–100). */
  percent: number;
  /** "46/82 (56%)". */
  text: string;
}

export interface ProportionModel {
  measure: ProportionMeasure;
  groups: { group: SegmentGroup; emphasis: Emphasis; preop: ProportionPoint; oneMonth: ProportionPoint }[];
  /**
   * The patient's Frankel grade / ECOG value per timepoint, oldest first. A day with different values (a
   * same-day conflict, none taken) is one entry with `conflict`: its values, ascending; `value` then joins them.
   */
  patient: ProportionPatientValue[];
}

export interface ProportionPatientValue {
  timepoint: QolTimepointKind;
  date: string | null;
  value: string;
  /** In the chart's category (Frankel A–C, ECOG > 2); for a conflict, only when every value is. */
  inCategory: boolean;
  conflict?: string[];
}

function proportion(c: CountOfN): ProportionPoint {
  const percent = c.n > 0 ? (c.count / c.n) * 100 : 0;
  return { ...c, percent, text: `${c.count}/${c.n} (${formatFixed(percent, 0)}%)` };
}

function frankelInCategory(f: FrankelGrade): boolean {
  return f === "A" || f === "B" || f === "C";
}

export function proportionModel(
  measure: ProportionMeasure,
  expected: ExpectedQol,
  timepoints: readonly QolTimepoint[],
): ProportionModel {
  const groups = orderedGroups(expected.group).map(({ group, emphasis }) => {
    const c = expected.byGroup[group][measure];
    return { group, emphasis, preop: proportion(c.preop), oneMonth: proportion(c.oneMonth) };
  });
  const patient: ProportionModel["patient"] = [];
  for (const tp of [...timepoints].sort((a, b) => timeOf(a.date) - timeOf(b.date))) {
    if (measure === "frankelABC" && tp.frankel !== null) {
      patient.push({
        timepoint: tp.timepoint,
        date: tp.date,
        value: tp.frankel,
        inCategory: frankelInCategory(tp.frankel),
      });
    }
    if (measure === "ecogOver2" && tp.ecog !== null) {
      patient.push({ timepoint: tp.timepoint, date: tp.date, value: String(tp.ecog), inCategory: tp.ecog > 2 });
    }
    const field = measure === "frankelABC" ? "frankel" : "ecog";
    for (const c of tp.conflicts ?? []) {
      if (c.measure !== field) continue;
      const values = c.values.map(String);
      const inCategory = c.values.every((v) =>
        measure === "frankelABC" ? frankelInCategory(v as FrankelGrade) : typeof v === "number" && v > 2,
      );
      patient.push({ timepoint: tp.timepoint, date: tp.date, value: values.join("/"), inCategory, conflict: values });
    }
  }
  return { measure, groups, patient };
}
