import type { SinsReport } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import { sinsVerdictWords } from "../../i18n/verdict";
import { sinsVerdict } from "../../scores";
import { SINS_ITEM_WORDS, type SinsItemKey } from "../labels";
import { ScoreCard, type ItemCardProps } from "./ScoreCard";

export interface SinsCardProps extends ItemCardProps<SinsItemKey> {
  sins: SinsReport;
}

/** SINS (Fisher 2010): total or range, class, and the six items with their sources. */
export function SinsCard({ sins, ...card }: SinsCardProps) {
  const { t } = useTranslator();
  return (
    <ScoreCard
      {...card}
      score="sins"
      title={t("app.sins.title")}
      subtitle={t("app.sins.reference")}
      total={sins.total}
      min={sins.min}
      max={sins.max}
      bandLabel={t("app.sins.classLabel")}
      band={sinsVerdictWords({ t }, sinsVerdict(sins.min, sins.max))}
      bandLegend={t("app.sins.legend")}
      {...SINS_ITEM_WORDS}
      items={sins.items}
    />
  );
}
