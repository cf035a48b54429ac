import type { ScoreReport } from "../report/types";
import { coreText } from "../i18n/core";
import { useTranslator } from "../i18n/react";
import { SEGMENT_GROUP_LABEL } from "./labels";
import { ProvenanceList } from "./score/ProvenanceList";

export interface SegmentGroupCardProps {
  segmentGroup: ScoreReport["segmentGroup"];
  applicability: ScoreReport["applicability"];
  /** The clinician's answer to "total en bloc spondylectomy planned?"; null = not answered. */
  enBlocPlanned: boolean | null;
  onEnBlocPlanned: (planned: boolean | null) => void;
}

/**
 * The study's segment group (cervical / thoracic T1–T10 / TL/L/S), the levels it came from, and whether the
 * patient lies within the study population, with the reasons and the en bloc question.
 */
export function SegmentGroupCard({
  segmentGroup,
  applicability,
  enBlocPlanned,
  onEnBlocPlanned,
}: SegmentGroupCardProps) {
  const { t, locale } = useTranslator();
  const verdict =
    applicability.inStudyPopulation === true
      ? { key: "app.app.in" as const, className: "verdict verdict-in", mark: "✓" }
      : applicability.inStudyPopulation === false
        ? { key: "app.app.out" as const, className: "verdict verdict-out", mark: "!" }
        : { key: "app.app.unknown" as const, className: "verdict verdict-unknown", mark: "?" };
  const levelLabel = t("app.seg.levelsLabel");
  // Unknown: the headline says why (the first reason: age unknown, a metastasis without a level, no level known);
  // the list below gives the others.
  const [firstReason] = applicability.reasons;
  const unknown = applicability.inStudyPopulation === null && firstReason !== undefined;
  const unknownWhy = unknown ? coreText(locale, firstReason) : "";
  const shownReasons = applicability.reasons.map((r, i) => ({ r, i })).filter(({ i }) => !(unknown && i === 0));
  return (
    <section className="card segment-card" aria-labelledby="segment-heading" data-testid="segment-card">
      <h2 id="segment-heading">{t("app.seg.title")}</h2>
      <p className="card-subtitle">{t("app.seg.subtitle")}</p>
      <p className="segment-group">
        <span className="score-figure-label">{t("app.seg.groupLabel")}</span>{" "}
        <strong>{segmentGroup.group ? t(SEGMENT_GROUP_LABEL[segmentGroup.group]) : t("app.seg.none")}</strong>
      </p>
      <p>
        <span className="score-figure-label">{levelLabel}</span>{" "}
        <span data-testid="segment-levels">
          {segmentGroup.levels.length > 0 ? segmentGroup.levels.join(", ") : t("app.seg.noLevels")}
        </span>
      </p>
      <ProvenanceList provenance={segmentGroup.provenance} itemLabel={levelLabel} />
      <div className={verdict.className} data-testid="segment-card-applicability">
        <p>
          <span aria-hidden="true" className="verdict-mark">
            {verdict.mark}
          </span>{" "}
          <strong>{verdict.key === "app.app.unknown" ? t(verdict.key, { reason: unknownWhy }) : t(verdict.key)}</strong>
        </p>
        {shownReasons.length > 0 ? (
          <ul className="verdict-reasons">
            {shownReasons.map(({ r, i }) => (
              <li key={`${i}-${r.code}`}>{coreText(locale, r)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <fieldset className="enbloc no-print-controls">
        <legend>{t("app.enbloc.question")}</legend>
        <p className="hint">{t("app.enbloc.hint")}</p>
        {(
          [
            ["yes", true, "app.enbloc.yes"],
            ["no", false, "app.enbloc.no"],
            ["unanswered", null, "app.unanswered"],
          ] as const
        ).map(([id, value, key]) => (
          <label key={id} className="radio">
            <input
              type="radio"
              name="enbloc-planned"
              value={id}
              checked={enBlocPlanned === value}
              onChange={() => onEnBlocPlanned(value)}
            />{" "}
            {t(key)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
