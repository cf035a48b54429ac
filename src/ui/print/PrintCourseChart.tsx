import { useTranslator } from "../../i18n/react";
import { drawnPatientValue, type CourseModel } from "../qol/courseModel";
import { GROUP_DASH, GROUP_SHAPE, Marker, seriesClass } from "../qol/marks";

/**
 * The paper size of one outcome chart, in CSS px drawn at 1:1 (the SVG's width and height are its viewBox), so
 * that its 12 px labels print at 9 pt: a quarter of the sheet's width, the four outcomes side by side, each as
 * tall as it is wide. The groups are named once, in the sheet's legend (shape and line style).
 */
const W = 172;
const H = 144;
const M = { left: 32, right: 6, top: 8, bottom: 20 };
const PLOT_H = H - M.top - M.bottom;
const PLOT_W = W - M.left - M.right;
const X_PREOP = M.left + PLOT_W * 0.2;
const X_1MO = M.left + PLOT_W * 0.8;
/** Whiskers of the three groups side by side, the patient's own values right of them. */
const GROUP_OFFSETS = [-10, -4, 2] as const;
const SELF_OFFSET = 10;

/**
 * One outcome of the study on paper: each group's mean ± SD before surgery and at 1 month (the patient's group
 * in front), the patient's own pre-op and 1-month values, and on the index the MCID lines. The same model as
 * the screen's chart (qol/courseModel.ts), without the time panel: the figures stay the model's.
 */
export function PrintCourseChart({ model, title }: { model: CourseModel; title: string }) {
  const { t, number } = useTranslator();
  const [lo, hi] = model.domain;
  const y = (v: number) => M.top + PLOT_H - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * PLOT_H;
  const pre = drawnPatientValue(model.patient, "preop");
  const post = drawnPatientValue(model.patient, "1mo");
  return (
    <svg
      className="tb-chart"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t("app.qol.courseChartLabel", { outcome: title })}
      data-testid={`print-chart-${model.outcome}`}
    >
      <g className="axis">
        {model.ticks.map((tick) => (
          <g key={tick}>
            <line className="grid" x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} />
            <text x={M.left - 5} y={y(tick) + 4} textAnchor="end">
              {number(tick)}
            </text>
          </g>
        ))}
        <text x={X_PREOP} y={H - 5} textAnchor="middle">
          {t("app.qol.timepoint.preop")}
        </text>
        <text x={X_1MO} y={H - 5} textAnchor="middle">
          {t("app.qol.timepoint.1mo")}
        </text>
      </g>
      {model.mcids.map((m) => (
        <line
          key={m.mcid}
          className="tb-mcid"
          x1={X_1MO - 18}
          x2={X_1MO + 18}
          y1={y(m.level)}
          y2={y(m.level)}
          strokeDasharray="2 2"
        />
      ))}
      {model.groups.map((g, i) => {
        const dx = GROUP_OFFSETS[i] ?? 0;
        const points = [
          { x: X_PREOP + dx, s: g.preop },
          { x: X_1MO + dx, s: g.oneMonth },
        ];
        return (
          <g key={g.group} className={seriesClass(g.emphasis)} data-group={g.group}>
            <line
              x1={X_PREOP + dx}
              y1={y(g.preop.mean)}
              x2={X_1MO + dx}
              y2={y(g.oneMonth.mean)}
              strokeDasharray={GROUP_DASH[g.group]}
            />
            {points.map((p, k) => (
              <g key={k} data-text={p.s.text}>
                <line className="whisker" x1={p.x} x2={p.x} y1={y(p.s.mean - p.s.sd)} y2={y(p.s.mean + p.s.sd)} />
                <Marker shape={GROUP_SHAPE[g.group]} x={p.x} y={y(p.s.mean)} size={3.5} />
              </g>
            ))}
          </g>
        );
      })}
      {pre || post ? (
        <g className="series series-self" data-series="patient">
          {pre && post ? (
            <line x1={X_PREOP + SELF_OFFSET} y1={y(pre.value)} x2={X_1MO + SELF_OFFSET} y2={y(post.value)} />
          ) : null}
          {pre ? <Marker shape="diamond" x={X_PREOP + SELF_OFFSET} y={y(pre.value)} size={4} /> : null}
          {post ? <Marker shape="diamond" x={X_1MO + SELF_OFFSET} y={y(post.value)} size={4} /> : null}
        </g>
      ) : null}
    </svg>
  );
}
