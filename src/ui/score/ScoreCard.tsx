import type { ReactNode } from "react";
import type { ReportItem } from "../../report/types";
import { useTranslator } from "../../i18n/react";
import { formatRange } from "../format";
import type { ItemOption } from "../labels";
import { ItemRow } from "./ItemRow";

export interface ScoreCardRow {
  key: string;
  label: string;
  item: ReportItem;
  options: readonly ItemOption[];
  entry: string | undefined;
}

export interface ScoreCardProps {
  /** "sins" | "tokuhashi": prefix of the data-testids fixed by DESIGN.md. */
  score: "sins" | "tokuhashi";
  title: string;
  /** Version label and reference, e.g. "revised 2005 · Tokuhashi et al., Spine 2005". */
  subtitle: ReactNode;
  total: number | null;
  min: number;
  max: number;
  /** Label of the band ("Class", "Predicted survival"). */
  bandLabel: string;
  /** The band's words when the range lies within one band, else null. */
  band: string | null;
  /** The test id of the band ("sins-category", "tokuhashi-prognosis"). */
  bandTestId: string;
  /** The score's band table, e.g. "0–6 stable · 7–12 potentially unstable · 13–18 unstable". */
  bandLegend: string;
  rows: readonly ScoreCardRow[];
  onEntry(key: string, value: string | null): void;
}

/**
 * A score with its items: the total when every item is known, else the range "min–max" it lies in; the band
 * when the range lies inside one; and per item value, points, source and the clinician's control.
 */
export function ScoreCard(props: ScoreCardProps) {
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
              <span className="score-figure-value" data-testid={`${score}-total`}>
                {total}
              </span>
            </>
          ) : (
            <>
              <span className="score-figure-label">{t("app.score.range")}</span>
              <span className="score-figure-value" data-testid={`${score}-range`}>
                {formatRange(min, max)}
              </span>
            </>
          )}
        </div>
        <div className="score-band">
          <span className="score-figure-label">{props.bandLabel}</span>
          {props.band !== null ? (
            <span className="score-band-value" data-testid={props.bandTestId}>
              {props.band}
            </span>
          ) : (
            <span className="score-band-value score-band-open">{t("app.score.bandOpen")}</span>
          )}
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
          {props.rows.map((r) => (
            <ItemRow
              key={r.key}
              id={`${score}-${r.key}`}
              label={r.label}
              item={r.item}
              options={r.options}
              entry={r.entry}
              onEntry={(v) => props.onEntry(r.key, v)}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
