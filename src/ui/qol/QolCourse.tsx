/**
 * src/ui/qol: the expected QOL course (chart, table, proportions) from the study's numbers via the pure
 * ./courseModel.ts. Display only: no FHIR, no network.
 */
import { useId } from "react";
import type { ScoreReport } from "../../report/types";
import type { MessageKey } from "../../i18n";
import { useTranslator } from "../../i18n/react";
import { formatIndex } from "../../scores";
import { GROUP_N, MCIDS, STUDY } from "../../study";
import { qolMeasureLabel, SEGMENT_GROUP_LABEL, SEGMENT_GROUP_SHORT } from "../labels";
import { CourseChart } from "./CourseChart";
import { CourseTable } from "./CourseTable";
import {
  COURSE_OUTCOMES,
  PROPORTION_MEASURES,
  courseModel,
  formatOutcome,
  proportionModel,
  signedChange,
  type CourseModel,
} from "./courseModel";
import { latestIndex } from "./latest";
import { LegendEntries } from "./Legend";
import { ProportionChart, ProportionTable } from "./ProportionChart";
import { Significance } from "./Significance";

/** The MCIDs the study quotes (Discussion, refs 24 and 25), by reference number. */
const MCID_NOTE: Record<number, MessageKey> = { 24: "app.qol.mcid24", 25: "app.qol.mcid25" };

/**
 * The study's expected QOL course next to the patient's own values: four outcome charts with their data
 * tables, the Frankel A–C and ECOG > 2 proportions, the caveat, N and unknowns, significance and citation.
 */
export function QolCourse({ qol }: { qol: ScoreReport["qol"] }) {
  const { t, date } = useTranslator();
  const baseId = useId().replace(/:/g, "");
  const { expected, timepoints } = qol;
  const latest = latestIndex(timepoints);
  const input = { expected, timepoints, groupN: GROUP_N, mcids: MCIDS };
  return (
    <section className="card qol-card" aria-labelledby="qol-heading" data-testid="qol-card">
      <h2 id="qol-heading">{t("app.qol.title")}</h2>
      <p className="caveat" data-testid="qol-caveat">
        <strong>{t("app.qol.caveat", { n: STUDY.n })}</strong>
      </p>
      <p className="qol-group">
        {expected.group
          ? t("app.qol.groupShown", { group: t(SEGMENT_GROUP_LABEL[expected.group]) })
          : t("app.qol.groupUnknown")}
      </p>
      <p className="qol-latest">
        <span className="score-figure-label">{t("app.qol.latestIndex")}</span>{" "}
        {latest?.eq5d ? (
          <>
            <strong data-testid="qol-index-latest">{formatIndex(latest.eq5d.index)}</strong>{" "}
            <span className="hint">
              {t("app.qol.latestIndexDetail", {
                profile: latest.eq5d.profile,
                valueSet: latest.eq5d.valueSet,
                date: latest.date ? date(latest.date) : t("app.prov.noDate"),
              })}
            </span>
          </>
        ) : (
          <span>{t("app.qol.noIndex")}</span>
        )}
      </p>

      <ul className="legend" aria-label={t("app.qol.legend")}>
        <LegendEntries patientGroup={expected.group} tagged />
        <li>{t("app.qol.whiskers")}</li>
      </ul>

      <div className="course-grid">
        {COURSE_OUTCOMES.map((outcome) => {
          const model = courseModel(outcome, input);
          const tableId = `${baseId}-table-${outcome}`;
          const title = t(qolMeasureLabel(outcome));
          return (
            <figure key={outcome} className="course-figure" data-testid={`course-${outcome}`}>
              <figcaption>
                <h3>{title}</h3>
              </figcaption>
              <CourseChart model={model} title={title} tableId={tableId} />
              <ChangeSummary model={model} />
              {outcome === "eq5dIndex" ? (
                <p className="hint mcid-note">
                  {MCIDS.map((m) => t(MCID_NOTE[m.reference] ?? "app.qol.mcidOther", { mcid: m.value })).join(" ")}
                </p>
              ) : null}
              <CourseTable
                model={model}
                id={tableId}
                caption={t("app.qol.tableCaption", { outcome: title })}
                label={title}
              />
            </figure>
          );
        })}
        {PROPORTION_MEASURES.map((measure) => {
          const model = proportionModel(measure, expected, timepoints);
          const tableId = `${baseId}-table-${measure}`;
          return (
            <figure key={measure} className="course-figure" data-testid={`course-${measure}`}>
              <figcaption>
                <h3>{t(qolMeasureLabel(measure))}</h3>
                <p className="hint">{t("app.qol.barsLegend")}</p>
              </figcaption>
              <ProportionChart model={model} tableId={tableId} />
              <ProportionTable model={model} id={tableId} />
            </figure>
          );
        })}
      </div>

      <Significance group={expected.group} />

      <p className="citation" data-testid="study-citation">
        {t("app.qol.source")} {STUDY.citation.replace(/\s*doi:\S+$/, "")}{" "}
        <a href={STUDY.url} target="_blank" rel="noreferrer noopener">
          {`doi:${STUDY.doi}`}
        </a>
      </p>
      <p className="hint">{t("app.qol.population")}</p>
    </section>
  );
}

/**
 * Under each chart, in words: this patient's own change where both values are on file, and the group's mean
 * change (Table 6) as a number. Neither is added to the other: the study gives group means, not a prediction.
 */
function ChangeSummary({ model }: { model: CourseModel }) {
  const { t } = useTranslator();
  const own = model.groups.find((g) => g.emphasis === "patient");
  return (
    <p className="hint change-summary" data-testid={`change-${model.outcome}`}>
      {model.change
        ? `${t("app.qol.ownChange", { preop: model.change.preop.text, oneMonth: model.change.oneMonth.text, change: model.change.text })} `
        : null}
      {own
        ? own.change
          ? t("app.qol.groupChange", {
              group: t(SEGMENT_GROUP_SHORT[own.group]),
              change: signedChange(model.outcome, own.change.mean),
              sd: formatOutcome(model.outcome, own.change.sd),
              n: own.change.n,
            })
          : t("app.qol.noGroupChange")
        : null}
    </p>
  );
}
