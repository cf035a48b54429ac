import type { TokuhashiReport } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import { tokuhashiVerdictWords } from "../../i18n/verdict";
import { tokuhashiVerdict } from "../../scores";
import { TOKUHASHI_ITEM_WORDS, type TokuhashiItemKey } from "../labels";
import { ScoreCard, type ItemCardProps } from "./ScoreCard";

export interface TokuhashiCardProps extends ItemCardProps<TokuhashiItemKey> {
  tokuhashi: TokuhashiReport;
}

/** The revised Tokuhashi score (2005): total or range, predicted survival band, and the six items. */
export function TokuhashiCard({ tokuhashi, ...card }: TokuhashiCardProps) {
  const { t } = useTranslator();
  return (
    <ScoreCard
      {...card}
      score="tokuhashi"
      title={t("app.tok.title")}
      subtitle={
        <>
          <span className="badge badge-version" data-testid="tokuhashi-version">
            {t("app.tok.version")}
          </span>{" "}
          {t("app.tok.reference")}
        </>
      }
      total={tokuhashi.total}
      min={tokuhashi.min}
      max={tokuhashi.max}
      bandLabel={t("app.tok.prognosisLabel")}
      band={tokuhashiVerdictWords({ t }, tokuhashiVerdict(tokuhashi.min, tokuhashi.max))}
      bandLegend={t("app.tok.legend")}
      {...TOKUHASHI_ITEM_WORDS}
      items={tokuhashi.items}
    />
  );
}
