import { useTranslator } from "../../i18n/react";
import { conflictText } from "./conflict";
import { keyed } from "../../i18n/keyed";
import { SEGMENT_GROUP_SHORT, TIMEPOINTS } from "../labels";
import type { SegmentGroup } from "../../scores/types";
import type { CourseModel, Emphasis, StatPoint } from "./courseModel";

/** A timepoint's name in the charts, tables and print (`app.qol.timepoint.<kind>`), for each of TIMEPOINTS. */
export const TIMEPOINT_LABEL = keyed(TIMEPOINTS, (kind) => `app.qol.timepoint.${kind}` as const);

const SERIES_ORDER: Record<SegmentGroup, number> = { cervical: 0, thoracic: 1, "tl-l-s": 2 };

/** The groups of a data table in the study's order (cervical, thoracic, TL/L/S), whatever the chart's order. */
export function inSeriesOrder<G extends { group: SegmentGroup }>(groups: readonly G[]): G[] {
  return [...groups].sort((a, b) => SERIES_ORDER[a.group] - SERIES_ORDER[b.group]);
}

/** A data table's column headers: the series, before surgery, at 1 month and (course tables) the change. */
export function SeriesHead({ withChange }: { withChange: boolean }) {
  const { t } = useTranslator();
  return (
    <thead>
      <tr>
        <th scope="col">{t("app.qol.col.series")}</th>
        <th scope="col">{t(TIMEPOINT_LABEL.preop)}</th>
        <th scope="col">{t(TIMEPOINT_LABEL["1mo"])}</th>
        {withChange ? <th scope="col">{t("app.qol.timepoint.change")}</th> : null}
      </tr>
    </thead>
  );
}

/** A data table's row header: the group, and which one is the patient's (in words, not colour). */
export function GroupRowHeader({ group, emphasis }: { group: SegmentGroup; emphasis: Emphasis }) {
  const { t } = useTranslator();
  return (
    <th scope="row">
      {t(SEGMENT_GROUP_SHORT[group])}
      {emphasis === "patient" ? <span className="tag"> {t("app.qol.patientsGroup")}</span> : null}
    </th>
  );
}

function StatCell({ s, testId }: { s: StatPoint | null; testId?: string }) {
  const { t } = useTranslator();
  if (!s) return <td>{t("app.qol.notReported")}</td>;
  return (
    <td>
      <span className="stat" data-testid={testId} data-text={s.text}>
        {s.text}
      </span>
      <span className="stat-n">{t("app.qol.nUnknown", { n: s.n, unknown: s.unknown })}</span>
    </td>
  );
}

/** The chart's figures as a table: the same strings the chart's marks carry. */
export function CourseTable({
  model,
  id,
  caption,
  label,
}: {
  model: CourseModel;
  id: string;
  caption: string;
  label?: string;
}) {
  const { t, date, number } = useTranslator();
  const pre = model.patient.filter((v) => v.timepoint === "preop");
  const post = model.patient.filter((v) => v.timepoint === "1mo");
  return (
    <table id={id} className="data-table" data-testid={`table-${model.outcome}`}>
      <caption>{caption}</caption>
      <SeriesHead withChange />
      <tbody>
        {inSeriesOrder(model.groups).map((g) => (
          <tr key={g.group} data-series={g.group}>
            <GroupRowHeader group={g.group} emphasis={g.emphasis} />
            <StatCell s={g.preop} />
            <StatCell s={g.oneMonth} />
            <StatCell s={g.change} />
          </tr>
        ))}
        {pre.length > 0 || post.length > 0 ? (
          <tr data-series="patient">
            <th scope="row">{t("app.qol.patient")}</th>
            {[pre, post].map((values, i) => (
              <td key={i}>
                {values.map((v) => (
                  <span key={`${v.date}-${v.text}`} className="stat" data-text={v.text}>
                    {v.text}
                    {v.date ? <span className="stat-n"> {date(v.date)}</span> : null}
                  </span>
                ))}
              </td>
            ))}
            <td data-testid={`patient-change-${model.outcome}`}>
              {model.change ? (
                <span className="stat" data-text={model.change.text}>
                  {model.change.text}
                </span>
              ) : (
                t("app.qol.changeNeedsBoth")
              )}
            </td>
          </tr>
        ) : (
          <tr data-series="patient">
            <th scope="row">{t("app.qol.patient")}</th>
            <td colSpan={3}>{t("app.notOnFile")}</td>
          </tr>
        )}
        {model.patient
          .filter((v) => v.timepoint === "other")
          .map((v) => (
            <tr key={`other-${v.date}-${v.text}`} data-series="patient-other">
              <th scope="row">{t("app.qol.patientOther", { date: v.date ? date(v.date) : t("app.prov.noDate") })}</th>
              <td colSpan={3}>
                <span className="stat" data-text={v.text}>
                  {v.text}
                </span>
              </td>
            </tr>
          ))}
        {model.conflicts.map((c, i) => (
          <tr key={`conflict-${c.date}-${i}`} data-series="patient-conflict">
            <th scope="row">{t("app.qol.patientOther", { date: c.date ? date(c.date) : t("app.prov.noDate") })}</th>
            <td colSpan={3}>
              <span className="stat" data-text={c.texts.join("/")}>
                {conflictText(t, date, label ?? "", c)}
              </span>
            </td>
          </tr>
        ))}
        {model.mcids.map((m) => (
          <tr key={m.mcid} data-series="mcid">
            <th scope="row">
              {t(m.referenceOf === "patient" ? "app.qol.mcidRowPatient" : "app.qol.mcidRowGroup", {
                mcid: number(m.mcid, 3),
                source: m.source,
              })}
            </th>
            <td>
              <span className="stat" data-text={m.referenceText}>
                {m.referenceText}
              </span>
            </td>
            <td>
              <span className="stat" data-text={m.text}>
                {m.text}
              </span>
            </td>
            <td>+{number(m.mcid, 3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
