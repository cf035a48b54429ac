import { useId } from "react";
import { useTranslator } from "../../i18n/react";
import { qolMeasureLabel, SEGMENT_GROUP_SHORT } from "../labels";
import type { ProportionMeasure, ProportionModel, ProportionPatientValue } from "./courseModel";
import { GroupRowHeader, inSeriesOrder, SeriesHead, TIMEPOINT_LABEL } from "./CourseTable";

const W = 360;
const BAR_H = 10;
const ROW_GAP = 8;
const LEFT = 62;
const RIGHT = 92;
/** The patient's own grades or scores written under the bars: the latest three, oldest first (all in the table). */
const PATIENT_SHOWN = 3;
const PATIENT_ROW = 16;

/** The measure's name before a value ("ECOG 1"): the scales' own names, the same in every language. */
export const MEASURE_SHORT: Record<ProportionMeasure, string> = { frankelABC: "Frankel", ecogOver2: "ECOG" };

/** "ECOG 1 and 2 on 18 Jun 2025 (conflict)": a day's different values, none taken. */
export function useConflictText(): (measure: ProportionMeasure, v: ProportionPatientValue) => string {
  const { t, date } = useTranslator();
  return (measure, v) =>
    t("app.qol.conflictValues", {
      measure: MEASURE_SHORT[measure],
      values: (v.conflict ?? [v.value]).join(t("app.qol.conflictAnd")),
      date: v.date ? date(v.date) : t("app.prov.noDate"),
    });
}

/**
 * Proportion of patients with Frankel A–C (severe paralysis) or ECOG PS > 2, per group, before surgery and at
 * 1 month: horizontal bars, pre-op hatched and 1 month solid, each with its figure written next to it.
 */
export function ProportionChart({ model, tableId }: { model: ProportionModel; tableId: string }) {
  const { t, date } = useTranslator();
  const hatchId = useId().replace(/:/g, "");
  const rows = model.groups;
  const rowH = BAR_H * 2 + ROW_GAP + 4;
  const barsH = rows.length * rowH + 24;
  // Single values on one line (the latest three); a same-day conflict (the latest) on a line of its own, with
  // both values and the date, instead of "no value on file".
  const single = model.patient.filter((v) => !v.conflict);
  const conflicts = model.patient.filter((v) => v.conflict);
  const latestConflict = conflicts[conflicts.length - 1];
  const singleLine = single.length > 0 || !latestConflict;
  const H = barsH + PATIENT_ROW * ((singleLine ? 1 : 0) + (latestConflict ? 1 : 0));
  const shown = single.slice(-PATIENT_SHOWN);
  const conflictText = useConflictText();
  const when = (v: ProportionModel["patient"][number]) =>
    v.timepoint === "other"
      ? v.date
        ? date(v.date)
        : t("app.prov.noDate")
      : t(v.timepoint === "preop" ? "app.qol.preopShort" : "app.qol.oneMonthShort");
  const x = (pct: number) => LEFT + ((W - LEFT - RIGHT) * pct) / 100;
  return (
    <svg
      className="proportion-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t("app.qol.chartLabel", { outcome: t(qolMeasureLabel(model.measure)) })}
      aria-describedby={tableId}
      data-testid={`chart-${model.measure}`}
    >
      <defs>
        <pattern id={hatchId} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="4" className="hatch" />
        </pattern>
      </defs>
      {rows.map((g, i) => {
        const top = 4 + i * rowH;
        const bars = [
          { when: "preop" as const, p: g.preop, y: top },
          { when: "1mo" as const, p: g.oneMonth, y: top + BAR_H + 2 },
        ];
        return (
          <g key={g.group} className={`series series-${g.emphasis}`} data-group={g.group}>
            <text x={LEFT - 6} y={top + BAR_H + 4} textAnchor="end" className="series-label">
              {t(SEGMENT_GROUP_SHORT[g.group])}
            </text>
            {bars.map((b) => (
              <g key={b.when} data-series={g.group} data-timepoint={b.when} data-text={b.p.text}>
                <title>
                  {t("app.qol.barTitle", {
                    series: t(SEGMENT_GROUP_SHORT[g.group]),
                    timepoint: t(TIMEPOINT_LABEL[b.when]),
                    value: b.p.text,
                  })}
                </title>
                <rect
                  className={b.when === "preop" ? "bar bar-preop" : "bar bar-1mo"}
                  x={LEFT}
                  y={b.y}
                  width={Math.max(0.5, x(b.p.percent) - LEFT)}
                  height={BAR_H}
                  fill={b.when === "preop" ? `url(#${hatchId})` : undefined}
                />
                <text x={x(b.p.percent) + 4} y={b.y + BAR_H - 1} className="bar-label">
                  {`${t(b.when === "preop" ? "app.qol.preopShort" : "app.qol.oneMonthShort")} ${b.p.text}`}
                </text>
              </g>
            ))}
          </g>
        );
      })}
      <line className="axis-line" x1={LEFT} x2={LEFT} y1={0} y2={barsH - 20} />
      <text x={LEFT} y={barsH - 6} textAnchor="middle" className="axis">
        0%
      </text>
      <text x={x(100)} y={barsH - 6} textAnchor="middle" className="axis">
        100%
      </text>
      <g className="series series-self" data-series="patient">
        {singleLine ? (
          <text x={4} y={barsH + PATIENT_ROW - 4} className="patient-values">
            <tspan className="series-label">{t("app.qol.patientValuesLabel")}</tspan>
            {shown.length === 0 ? t("app.notOnFile") : null}
            {single.length > shown.length ? "… " : null}
            {shown.map((v, i) => (
              <tspan key={`${v.date}-${i}`} data-timepoint={v.timepoint} data-text={v.value}>
                {`${i > 0 ? " · " : ""}${when(v)} ${v.value}`}
              </tspan>
            ))}
          </text>
        ) : null}
        {latestConflict ? (
          <text x={4} y={H - 4} className="patient-values patient-conflict" data-testid={`conflict-${model.measure}`}>
            {singleLine ? null : <tspan className="series-label">{t("app.qol.patientValuesLabel")}</tspan>}
            {conflicts.length > 1 ? "… " : null}
            <tspan
              data-timepoint={latestConflict.timepoint}
              data-date={latestConflict.date ?? undefined}
              data-text={latestConflict.value}
            >
              {conflictText(model.measure, latestConflict)}
            </tspan>
          </text>
        ) : null}
      </g>
    </svg>
  );
}

export function ProportionTable({ model, id }: { model: ProportionModel; id: string }) {
  const { t, date } = useTranslator();
  const conflictText = useConflictText();
  return (
    <table id={id} className="data-table" data-testid={`table-${model.measure}`}>
      <caption>{t("app.qol.tableCaption", { outcome: t(qolMeasureLabel(model.measure)) })}</caption>
      <SeriesHead withChange={false} />
      <tbody>
        {inSeriesOrder(model.groups).map((g) => (
          <tr key={g.group} data-series={g.group}>
            <GroupRowHeader group={g.group} emphasis={g.emphasis} />
            <td>
              <span className="stat" data-text={g.preop.text}>
                {g.preop.text}
              </span>
            </td>
            <td>
              <span className="stat" data-text={g.oneMonth.text}>
                {g.oneMonth.text}
              </span>
            </td>
          </tr>
        ))}
        <tr data-series="patient">
          <th scope="row">{t("app.qol.patient")}</th>
          <td colSpan={2}>
            {model.patient.length === 0
              ? t("app.notOnFile")
              : model.patient.map((v, i) =>
                  v.conflict ? (
                    <span key={`${v.date}-${i}`} className="stat" data-text={v.value} data-conflict="yes">
                      {conflictText(model.measure, v)}
                    </span>
                  ) : (
                    <span key={`${v.date}-${i}`} className="stat" data-text={v.value}>
                      {t(model.measure === "frankelABC" ? "app.qol.patientFrankel" : "app.qol.patientEcog", {
                        value: v.value,
                        timepoint: t(TIMEPOINT_LABEL[v.timepoint]),
                        date: v.date ? date(v.date) : t("app.prov.noDate"),
                      })}
                    </span>
                  ),
                )}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
