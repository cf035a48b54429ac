import type { ClinicianEntries, SinsReport } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import { sinsVerdictWords } from "../../i18n/verdict";
import { sinsVerdict } from "../../scores";
import { SINS_ITEM_ORDER, SINS_ITEM_LABEL, SINS_OPTIONS, type SinsItemKey } from "../labels";
import type { UnavailableSearch } from "../faults";
import { ScoreCard } from "./ScoreCard";

export interface SinsCardProps {
  sins: SinsReport;
  entries: ClinicianEntries["sins"];
  onEntry: (item: SinsItemKey, value: string | null) => void;
  /** Searches that could not be read (ClinicianView's `unavailable`): the unknown items they feed say so. */
  unavailable?: readonly UnavailableSearch[] | undefined;
  /** Reads the record again, offered on those items. */
  onRetry?: (() => void) | undefined;
}

/** SINS (Fisher 2010): total or range, class, and the six items with their sources. */
export function SinsCard({ sins, entries, onEntry, unavailable, onRetry }: SinsCardProps) {
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
      rows={SINS_ITEM_ORDER.map((key) => ({
        key,
        label: t(SINS_ITEM_LABEL[key]),
        item: sins.items[key],
        options: SINS_OPTIONS[key],
        entry: entries?.[key],
      }))}
      unavailable={unavailable}
      onRetry={onRetry}
      onEntry={(key, value) => onEntry(key as SinsItemKey, value)}
    />
  );
}
