import { useTranslator } from "../../i18n/react";
import { SEGMENT_GROUP_SHORT } from "../labels";
import { TIMEPOINT_LABEL } from "./CourseTable";
import { conflictText } from "./conflict";
import { drawnPatientValue, timeTicks, type CourseModel } from "./courseModel";
import { GROUP_DASH, GROUP_SHAPE, Marker, seriesClass } from "./marks";

/**
 * The study panel (pre-op → 1 month) on the left, the group labels, then the patient's time panel. Without a
 * dated value there is no time panel: the study panel takes the whole width.
 */
const STUDY_W = 360;
const TIME_GAP = 12;
const TIME_W = 208;
const W = STUDY_W + TIME_GAP + TIME_W;
const H = 232;
const M = { left: 44, right: 78, top: 14, bottom: 42 };
const PLOT_H = H - M.top - M.bottom;
/** The time panel's frame and, inside it, where the first and last dates sit. */
const TIME_X = STUDY_W + TIME_GAP;
const TIME_PAD = 12;
const TIME_X0 = TIME_X + TIME_PAD;
const TIME_X1 = W - TIME_PAD;
/** Room between two date labels of the time panel (SVG units). */
const DATE_GAP = 8;
/** Horizontal offsets so that whiskers do not hide each other: the groups left of the patient's own marks. */
const GROUP_OFFSETS = [-14, -6, 2] as const;
const SELF_OFFSET = 11;
const LABEL_GAP = 11;

/** Where the study panel's parts sit: narrower beside a time panel, the chart's whole width without one. */
function studyLayout(withTime: boolean) {
  const width = withTime ? STUDY_W : W;
  const plotW = width - M.left - M.right;
  return { width, xPreop: M.left + plotW * 0.18, x1mo: M.left + plotW * 0.82 };
}

/**
 * The width of a date label in SVG units at the charts' 10-unit font: full-width (CJK) characters about one em,
 * others at most 0.62 em (a generous estimate: labels are thinned by it, never drawn closer).
 */
export function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 10 : ch === " " ? 3 : 6.2;
  return w;
}

/** Label positions at the right edge, pushed apart so that no two overlap (order kept by value). */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const [k, item] of order.entries()) placed[k] = Math.max(item.y, k > 0 ? (placed[k - 1] ?? top) + gap : top);
  // Pushed past the bottom: shift the stack up.
  const overflow = (placed[placed.length - 1] ?? bottom) - bottom;
  const out = new Array<number>(ys.length);
  order.forEach((item, k) => (out[item.i] = (placed[k] ?? item.y) - Math.max(0, overflow)));
  return out;
}

export interface CourseChartProps {
  model: CourseModel;
  /** The outcome's name, already translated (the chart's accessible name). */
  title: string;
  /** id of the data table the chart is equivalent to. */
  tableId: string;
}

/**
 * One outcome before surgery and at 1 month, plain SVG: each study group's mean ± SD (the patient's group in
 * front, the others muted), the patient's own values and, on the index, the MCIDs. Group means only: nothing
 * projects the group's change onto this patient.
 * Every mark carries its figure as text (title and data-text) equal to the table's cell.
 */
export function CourseChart({ model, title, tableId }: CourseChartProps) {
  const { t, number } = useTranslator();
  const [lo, hi] = model.domain;
  // Nothing is drawn past the scale: a whisker that would leave it ends at its edge.
  const y = (v: number) => M.top + PLOT_H - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * PLOT_H;
  const preopLabel = t("app.qol.timepoint.preop");
  const oneMonthLabel = t("app.qol.timepoint.1mo");
  const withTime = model.timeline !== null;
  const { width: studyW, xPreop: X_PREOP, x1mo: X_1MO } = studyLayout(withTime);
  const patientPre = drawnPatientValue(model.patient, "preop");
  const patientPost = drawnPatientValue(model.patient, "1mo");
  const labelYs = spreadLabels(
    model.groups.map((g) => y(g.oneMonth.mean) + 3),
    LABEL_GAP,
    M.top + 4,
    H - M.bottom,
  );
  return (
    <svg
      className="course-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      data-time-panel={withTime ? "yes" : "no"}
      aria-label={t("app.qol.courseChartLabel", { outcome: title })}
      aria-describedby={tableId}
      data-testid={`chart-${model.outcome}`}
    >
      <g className="axis">
        {model.ticks.map((tick) => (
          <g key={tick}>
            <line className="grid" x1={M.left} x2={studyW - M.right} y1={y(tick)} y2={y(tick)} />
            {withTime ? <line className="grid" x1={TIME_X} x2={W} y1={y(tick)} y2={y(tick)} /> : null}
            <text x={M.left - 6} y={y(tick) + 3} textAnchor="end">
              {number(tick)}
            </text>
          </g>
        ))}
        <text x={X_PREOP} y={H - M.bottom + 16} textAnchor="middle">
          {preopLabel}
        </text>
        <text x={X_1MO} y={H - M.bottom + 16} textAnchor="middle">
          {oneMonthLabel}
        </text>
      </g>

      {withTime ? <TimePanel model={model} y={y} title={title} /> : null}

      {model.mcids.map((m, i) => (
        <g key={m.mcid} className="mcid" data-series="mcid" data-text={m.text}>
          <title>{t("app.qol.mcidTitle", { mcid: number(m.mcid, 3), source: m.source, level: m.text })}</title>
          <line x1={X_1MO - 24} x2={X_1MO + 24} y1={y(m.level)} y2={y(m.level)} strokeDasharray="1 2" />
          <text x={X_1MO - 26} y={y(m.level) + (i === 0 ? 8 : -2)} textAnchor="end" className="mcid-label">
            {t("app.qol.mcidShort", { mcid: number(m.mcid, 3), source: m.source })}
          </text>
        </g>
      ))}

      {model.groups.map((g, i) => {
        const dx = GROUP_OFFSETS[i] ?? 0;
        const x0 = X_PREOP + dx;
        const x1 = X_1MO + dx;
        const name = t(SEGMENT_GROUP_SHORT[g.group]);
        const points = [
          { x: x0, s: g.preop, when: "preop", label: preopLabel },
          { x: x1, s: g.oneMonth, when: "1mo", label: oneMonthLabel },
        ] as const;
        return (
          <g key={g.group} className={seriesClass(g.emphasis)} data-group={g.group}>
            <line x1={x0} y1={y(g.preop.mean)} x2={x1} y2={y(g.oneMonth.mean)} strokeDasharray={GROUP_DASH[g.group]} />
            {points.map((p) => (
              <g key={p.when} data-series={g.group} data-timepoint={p.when} data-text={p.s.text}>
                <title>
                  {t("app.qol.pointTitle", { series: name, timepoint: p.label, value: p.s.text, n: p.s.n })}
                </title>
                <line className="whisker" x1={p.x} x2={p.x} y1={y(p.s.mean - p.s.sd)} y2={y(p.s.mean + p.s.sd)} />
                <line
                  className="whisker"
                  x1={p.x - 3}
                  x2={p.x + 3}
                  y1={y(p.s.mean - p.s.sd)}
                  y2={y(p.s.mean - p.s.sd)}
                />
                <line
                  className="whisker"
                  x1={p.x - 3}
                  x2={p.x + 3}
                  y1={y(p.s.mean + p.s.sd)}
                  y2={y(p.s.mean + p.s.sd)}
                />
                <Marker shape={GROUP_SHAPE[g.group]} x={p.x} y={y(p.s.mean)} />
              </g>
            ))}
            <text className="series-label" x={studyW - M.right + 4} y={labelYs[i]}>
              {name}
            </text>
          </g>
        );
      })}

      {patientPre || patientPost ? (
        <g className="series series-self" data-series="patient">
          {patientPre && patientPost ? (
            <line
              x1={X_PREOP + SELF_OFFSET}
              y1={y(patientPre.value)}
              x2={X_1MO + SELF_OFFSET}
              y2={y(patientPost.value)}
            />
          ) : null}
          {[
            { v: patientPre, x: X_PREOP + SELF_OFFSET, when: "preop", label: preopLabel },
            { v: patientPost, x: X_1MO + SELF_OFFSET, when: "1mo", label: oneMonthLabel },
          ].map((p) =>
            p.v ? (
              <g key={p.when} data-series="patient" data-timepoint={p.when} data-text={p.v.text}>
                <title>{t("app.qol.patientPointTitle", { timepoint: p.label, value: p.v.text })}</title>
                <Marker shape="diamond" x={p.x} y={y(p.v.value)} size={4.5} />
              </g>
            ) : null,
          )}
        </g>
      ) : null}
    </svg>
  );
}

/**
 * The patient's own values over time, on the same y-axis: every dated value of the outcome at its calendar
 * date (first date left, last right), joined in date order. The study's panel has no calendar, so the two
 * x-axes are kept apart; each mark carries its date, timepoint and value (title, data-text) like the table.
 * The dates under the panel are thinned so that no two labels overlap (the first and the last always shown).
 */
function TimePanel({ model, y, title }: { model: CourseModel; y: (v: number) => number; title: string }) {
  const { t, date } = useTranslator();
  const timeline = model.timeline;
  if (timeline === null) return null;
  const x = (at: number) => TIME_X0 + at * (TIME_X1 - TIME_X0);
  const centre = (TIME_X + W) / 2;
  const ticks = timeTicks(
    [...timeline.points, ...timeline.conflicts].map((p) => ({ date: p.date, at: p.at })),
    (d) => labelWidth(date(d)),
    TIME_X1 - TIME_X0,
    DATE_GAP,
  );
  return (
    <g className="time-panel" data-testid={`timeline-${model.outcome}`}>
      <rect className="time-frame" x={TIME_X} y={M.top} width={TIME_W} height={PLOT_H} />
      <g className="axis">
        {ticks.map((tick) => (
          <g key={tick.date}>
            <line className="time-tick" x1={x(tick.at)} x2={x(tick.at)} y1={M.top + PLOT_H} y2={M.top + PLOT_H + 3} />
            <text
              x={x(tick.at)}
              y={H - M.bottom + 16 + tick.row * 11}
              textAnchor={tick.anchor}
              className="time-date"
              data-testid={`timeline-${model.outcome}-date`}
              data-date={tick.date}
            >
              {date(tick.date)}
            </text>
          </g>
        ))}
        <text x={centre} y={H - 3} textAnchor="middle" className="time-caption">
          {t("app.qol.overTime")}
        </text>
      </g>
      <g className="series series-self" data-series="patient-timeline">
        {timeline.points.length > 1 ? (
          <polyline points={timeline.points.map((p) => `${x(p.at)},${y(p.value)}`).join(" ")} />
        ) : null}
        {timeline.points.map((p, i) => (
          <g
            key={`${p.date}-${i}`}
            data-series="patient-timeline"
            data-timepoint={p.timepoint}
            data-date={p.date}
            data-text={p.text}
          >
            <title>
              {t("app.qol.timelinePointTitle", {
                date: date(p.date),
                timepoint: t(TIMEPOINT_LABEL[p.timepoint]),
                value: p.text,
              })}
            </title>
            <Marker
              shape={p.timepoint === "other" ? "circle" : "diamond"}
              x={x(p.at)}
              y={y(p.value)}
              size={p.timepoint === "other" ? 3 : 4}
            />
          </g>
        ))}
      </g>
      {timeline.conflicts.map((c, i) => (
        <g
          key={`conflict-${c.date}-${i}`}
          className="conflict-marks"
          data-series="patient-conflict"
          data-date={c.date}
          data-text={c.texts.join("/")}
        >
          <title>{conflictText(t, date, title, c)}</title>
          <line
            x1={x(c.at)}
            x2={x(c.at)}
            y1={y(Math.min(...c.values))}
            y2={y(Math.max(...c.values))}
            strokeDasharray="2 2"
          />
          {c.values.map((v, k) => (
            <circle key={k} className="conflict-mark" cx={x(c.at)} cy={y(v)} r={3.5} />
          ))}
        </g>
      ))}
    </g>
  );
}
