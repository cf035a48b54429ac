import type { ScoreReport } from "../report/types";
import { coreText } from "../i18n/core";
import { useTranslator } from "../i18n/react";
import { sinsVerdictWords, tokuhashiVerdictWords } from "../i18n/verdict";
import { formatIndex, sinsVerdict, tokuhashiVerdict } from "../scores";
import { formatRange } from "./format";
import { SEGMENT_GROUP_LABEL } from "./labels";
import { latestIndex } from "./qol/latest";

const STUDY_VERDICT = {
  true: { key: "app.strip.in", className: "verdict-in", mark: "✓" },
  false: { key: "app.strip.out", className: "verdict-out", mark: "!" },
  null: { key: "app.strip.unknown", className: "verdict-unknown", mark: "?" },
} as const;

/**
 * The answer first: segment group and whether the patient resembles the study's population, SINS and the
 * revised Tokuhashi score (figure or range, with what it allows), and the latest EQ-5D-5L index — each a link to
 * its card. The fixed data-testids of the key figures are here.
 */
export function VerdictStrip({ report }: { report: ScoreReport }) {
  const { t, locale } = useTranslator();
  const { segmentGroup, applicability, sins, tokuhashi } = report;
  // Outside or cannot tell: the first reason says why (age unknown, a metastasis without a level, …).
  const [firstReason] = applicability.reasons;
  const why =
    applicability.inStudyPopulation !== true && firstReason !== undefined ? coreText(locale, firstReason) : null;
  const study = STUDY_VERDICT[String(applicability.inStudyPopulation) as "true" | "false" | "null"];
  const latest = latestIndex(report.qol.timepoints);
  return (
    <nav className="verdict-strip" aria-label={t("app.strip.label")} data-testid="verdict-strip">
      <a href="#segment-heading" className="strip-cell">
        <span className="strip-label">{t("app.seg.title")}</span>
        <strong className="strip-figure" data-testid="segment-group">
          {segmentGroup.group ? t(SEGMENT_GROUP_LABEL[segmentGroup.group]) : t("app.strip.noGroup")}
        </strong>
        <span className={`strip-words verdict ${study.className}`} data-testid="applicability">
          <span aria-hidden="true">{study.mark} </span>
          {t(study.key)}
          {why ? <span className="strip-why">: {why}</span> : null}
        </span>
      </a>
      <ScoreCell
        score="sins"
        label="SINS"
        s={sins}
        words={sinsVerdictWords({ t }, sinsVerdict(sins.min, sins.max))}
        bandTestId="sins-category"
      />
      <ScoreCell
        score="tokuhashi"
        label={t("app.strip.tokuhashi")}
        s={tokuhashi}
        words={tokuhashiVerdictWords({ t }, tokuhashiVerdict(tokuhashi.min, tokuhashi.max))}
        bandTestId="tokuhashi-prognosis"
      />
      <a href="#qol-heading" className="strip-cell">
        <span className="strip-label">{t("app.qol.latestIndex")}</span>
        {latest?.eq5d ? (
          <strong className="strip-figure" data-testid="eq5d-index-latest">
            {formatIndex(latest.eq5d.index)}
          </strong>
        ) : (
          <span className="strip-words">{t("app.qol.noIndex")}</span>
        )}
      </a>
    </nav>
  );
}

/** A score on the strip: its total or range (fixed data-testids) and what that allows, linking to its card. */
function ScoreCell(props: {
  score: "sins" | "tokuhashi";
  label: string;
  s: { total: number | null; min: number; max: number };
  words: string;
  bandTestId: "sins-category" | "tokuhashi-prognosis";
}) {
  const { score, s } = props;
  return (
    <a href={`#${score}-heading`} className="strip-cell">
      <span className="strip-label">{props.label}</span>
      <strong className="strip-figure" data-testid={s.total !== null ? `${score}-total` : `${score}-range`}>
        {s.total !== null ? s.total : formatRange(s.min, s.max)}
      </strong>
      <span className="strip-words" data-testid={props.bandTestId}>
        {props.words}
      </span>
    </a>
  );
}
