import type { ClinicianEntries, SinsReport } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import { sinsVerdictWords } from "../../i18n/verdict";
import { sinsVerdict } from "../../scores";
import { SINS_ITEM_LABEL, SINS_OPTIONS, type SinsItemKey } from "../labels";
import { ScoreCard } from "./ScoreCard";

const ORDER: readonly SinsItemKey[] = ["location", "pain", "boneLesion", "alignment", "collapse", "posterolateral"];

export interface SinsCardProps {
  sins: SinsReport;
  entries: ClinicianEntries["sins"];
  onEntry(item: SinsItemKey, value: string | null): void;
}

/** SINS (Fisher 2010): total or range, class, and the six items with their sources. */
export function SinsCard({ sins, entries, onEntry }: SinsCardProps) {
  const { t } = useTranslator();
  return (
    <ScoreCard
      score="sins"
      title={t("app.sins.title")}
      subtitle={t("app.sins.reference")}
      total={sins.total}
      min={sins.min}
      max={sins.max}
      bandLabel={t("app.sins.classLabel")}
      band={sinsVerdictWords({ t }, sinsVerdict(sins.min, sins.max))}
      bandLegend={t("app.sins.legend")}
      rows={ORDER.map((key) => ({
        key,
        label: t(SINS_ITEM_LABEL[key]),
        item: sins.items[key],
        options: SINS_OPTIONS[key],
        entry: entries?.[key],
      }))}
      onEntry={(key, value) => onEntry(key as SinsItemKey, value)}
    />
  );
}
