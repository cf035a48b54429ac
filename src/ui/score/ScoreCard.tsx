/**
 * src/ui/score: the SINS and Tokuhashi cards, their item rows and provenance. They show what the ScoreReport
 * says; they never score, read FHIR or call the server.
 */
import type { ReactNode } from "react";
import type { ReportItem } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import type { UnavailableSearch } from "../faults";
import { formatRange } from "../format";
import type { ItemWords } from "../labels";
import { ItemRow } from "./ItemRow";

/** What the SINS and Tokuhashi cards take besides their report: the clinician's entries and what to do with one. */
export interface ItemCardProps<K extends string> {
  entries: Partial<Record<K, string>> | undefined;
  onEntry: (item: K, value: string | null) => void;
  /** Searches that could not be read (ClinicianView's `unavailable`): the unknown items they feed say so. */
  unavailable?: readonly UnavailableSearch[] | undefined;
  /** Reads the record again, offered on those items. */
  onRetry?: (() => void) | undefined;
}

/** A score's items as shown (card and print sheet): their order, labels and answer options, and the report's items. */
export interface ScoreItems<K extends string> extends ItemWords<K> {
  items: Readonly<Record<K, ReportItem>>;
}

export interface ScoreCardProps<K extends string> extends ItemCardProps<K>, ScoreItems<K> {
  /** "sins" | "tokuhashi": the card's ids (the fixed data-testids of the figures are on the verdict strip). */
  score: "sins" | "tokuhashi";
  title: string;
  /** Version label and reference, e.g. "revised 2005 · Tokuhashi et al., Spine 2005". */
  subtitle: ReactNode;
  total: number | null;
  min: number;
  max: number;
  /** Label of the band ("Class", "Predicted survival"). */
  bandLabel: string;
  /** What the total or range allows, in words (src/i18n/verdict.ts): one band, or the bands the range spans. */
  band: string;
  /** The score's band table, e.g. "0–6 stable · 7–12 potentially unstable · 13–18 unstable". */
  bandLegend: string;
}

/**
 * A score with its items: the total when every item is known, else the range "min–max" it lies in; what that
 * allows (one band, or the bands the range spans); and per item value, points, source and the clinician's control.
 */
export function ScoreCard<K extends string>(props: ScoreCardProps<K>) {
  const { t } = useTranslator();
  const { score, total, min, max } = props;
  const headingId = `${score}-heading`;
  return (
    <section className="card score-card" aria-labelledby={headingId} data-testid={`${score}-card`}>
      <h2 id={headingId}>{props.title}</h2>
      <p className="card-subtitle">{props.subtitle}</p>
      <div className="score-summary">
        <div className="score-figure">
          {total !== null ? (
            <>
              <span className="score-figure-label">{t("app.score.total")}</span>
              <span className="score-figure-value">{total}</span>
            </>
          ) : (
            <>
              <span className="score-figure-label">{t("app.score.range")}</span>
              <span className="score-figure-value">{formatRange(min, max)}</span>
            </>
          )}
        </div>
        <div className="score-band">
          <span className="score-figure-label">{props.bandLabel}</span>
          <span className="score-band-value" data-testid={`${score}-card-band`}>
            {props.band}
          </span>
        </div>
      </div>
      {total === null ? <p className="score-note">{t("app.score.rangeNote")}</p> : null}
      <p className="score-legend">{props.bandLegend}</p>
      <table className="items">
        <caption className="visually-hidden">{t("app.score.itemsCaption", { score: props.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("app.col.item")}</th>
            <th scope="col">{t("app.col.value")}</th>
            <th scope="col">{t("app.col.points")}</th>
            <th scope="col">{t("app.col.source")}</th>
            <th scope="col">{t("app.col.status")}</th>
            <th scope="col" className="no-print">
              {t("app.col.entry")}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.order.map((key) => (
            <ItemRow
              key={key}
              id={`${score}-${key}`}
              label={t(props.itemLabels[key])}
              item={props.items[key]}
              options={props.options[key]}
              entry={props.entries?.[key]}
              onEntry={(v) => props.onEntry(key, v)}
              unavailable={props.unavailable}
              onRetry={props.onRetry}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
