import type { ClinicianEntries, TokuhashiReport } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import { tokuhashiVerdictWords } from "../../i18n/verdict";
import { tokuhashiVerdict } from "../../scores";
import { TOKUHASHI_ITEM_LABEL, TOKUHASHI_ITEM_ORDER, TOKUHASHI_OPTIONS, type TokuhashiItemKey } from "../labels";
import type { UnavailableSearch } from "../faults";
import { ScoreCard } from "./ScoreCard";

export interface TokuhashiCardProps {
  tokuhashi: TokuhashiReport;
  entries: ClinicianEntries["tokuhashi"];
  onEntry: (item: TokuhashiItemKey, value: string | null) => void;
  /** Searches that could not be read (ClinicianView's `unavailable`): the unknown items they feed say so. */
  unavailable?: readonly UnavailableSearch[] | undefined;
  /** Reads the record again, offered on those items. */
  onRetry?: (() => void) | undefined;
}

/** The revised Tokuhashi score (2005): total or range, predicted survival band, and the six items. */
export function TokuhashiCard({ tokuhashi, entries, onEntry, unavailable, onRetry }: TokuhashiCardProps) {
  const { t } = useTranslator();
  return (
    <ScoreCard
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
      rows={TOKUHASHI_ITEM_ORDER.map((key) => ({
        key,
        label: t(TOKUHASHI_ITEM_LABEL[key]),
        item: tokuhashi.items[key],
        options: TOKUHASHI_OPTIONS[key],
        entry: entries?.[key],
      }))}
      unavailable={unavailable}
      onRetry={onRetry}
      onEntry={(key, value) => onEntry(key as TokuhashiItemKey, value)}
    />
  );
}
