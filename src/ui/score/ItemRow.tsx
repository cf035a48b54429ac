import { useRef } from "react";
import type { ReportItem } from "../../report/types";
import { contextText, suggestionText } from "../../i18n/core";
import { useTranslator } from "../../i18n/react";
import { formatRange } from "../format";
import { optionText, SOURCE_LABEL, type ItemOption } from "../labels";
import { ProvenanceList } from "./ProvenanceList";

export interface ItemRowProps {
  /** Stable id, e.g. "sins-pain"; used for ids and test ids of the row's controls. */
  id: string;
  /** The item's name, already translated. */
  label: string;
  item: ReportItem;
  options: readonly ItemOption[];
  /** The clinician's current entry for this item, if any. */
  entry: string | undefined;
  /** A new entry (null: back to what the record says). */
  onEntry(value: string | null): void;
}

/**
 * One item of a score: its value (or what it may still be), points (or their range), where it came from,
 * whether it is confirmed, and the clinician's control: a select, a one-click confirm of a suggestion,
 * or the pick between conflicting values. A value the clinician overrode stays visible as overridden.
 */
export function ItemRow({ id, label, item, options, entry, onEntry }: ItemRowProps) {
  const { t, locale } = useTranslator();
  const name = (v: string) => optionText(options, v, t);
  const points = item.points !== null ? String(item.points) : formatRange(item.min, item.max);
  const selectId = `${id}-entry`;
  const selectRef = useRef<HTMLSelectElement>(null);
  /** A one-click choice removes its own button: keep the keyboard user's place on the item's select. */
  const choose = (value: string) => {
    onEntry(value);
    selectRef.current?.focus();
  };
  return (
    <tr data-testid={`item-${id}`} className={item.source === "clinician" ? "item item-clinician" : "item"}>
      <th scope="row">{label}</th>
      <td data-label={t("app.col.value")}>
        {item.value !== null ? (
          <span className="item-value">{name(item.value)}</span>
        ) : (
          <span className="item-value item-unknown">
            {t("app.item.unknown")}
            {item.candidates.length > 0 && item.candidates.length < options.length ? (
              <span className="item-candidates"> {t("app.item.candidates", { values: item.candidates.map(name).join(", ") })}</span>
            ) : null}
          </span>
        )}
        {item.context ? <p className="item-context">{contextText(locale, item)}</p> : null}
        {item.stale ? (
          <p className="item-stale" data-testid={`${id}-stale`}>
            <span className="badge badge-stale" aria-hidden="true">⏱</span> {t("app.item.stale", { date: item.stale.date, days: item.stale.days, maxDays: item.stale.maxDays })}
          </p>
        ) : null}
        {item.overridden ? (
          <div className="item-overridden" data-testid={`${id}-overridden`}>
            <span className="badge badge-overridden">{t("app.item.overriddenBadge")}</span>{" "}
            {t("app.item.overridden", {
              value: item.overridden.candidates.length > 0 ? item.overridden.candidates.map(name).join(", ") : t("app.item.unknown"),
              source: t(SOURCE_LABEL[item.overridden.source]),
            })}
            <ProvenanceList provenance={item.overridden.provenance} omitted={item.overridden.provenanceOmitted} itemLabel={label} />
          </div>
        ) : null}
        {item.suggestion && entry === undefined ? (
          <div className="item-suggestion">
            <p>
              {t("app.item.suggestion", { value: name(item.suggestion.value) })}{" "}
              <span className="item-reason">{suggestionText(locale, item.suggestion)}</span>
            </p>
            <button type="button" onClick={() => item.suggestion && choose(item.suggestion.value)}>
              {t("app.item.confirmSuggestion", { value: name(item.suggestion.value) })}
            </button>
          </div>
        ) : null}
        {item.conflict && item.conflict.options.length > 0 && entry === undefined ? (
          <fieldset className="item-conflict">
            <legend>{t("app.item.conflict")}</legend>
            <ul>
              {item.conflict.options.map((o, i) => (
                <li key={`${o.value}-${i}`}>
                  <button type="button" onClick={() => choose(o.value)}>
                    {t("app.item.pick", { value: name(o.value) })}
                  </button>
                  <ProvenanceList provenance={[o.provenance]} itemLabel={label} />
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
      </td>
      <td className="num" data-testid={`${id}-points`} data-label={t("app.col.points")}>
        {points}
      </td>
      <td data-label={t("app.col.source")}>
        <span className="source">{t(SOURCE_LABEL[item.source])}</span>
        <ProvenanceList provenance={item.provenance} omitted={item.provenanceOmitted} itemLabel={label} />
      </td>
      <td data-label={t("app.col.status")}>
        {item.confirmed ? (
          <span className="badge badge-confirmed">✓ {t("app.item.confirmed")}</span>
        ) : (
          <span className="badge badge-unconfirmed">? {t("app.item.notConfirmed")}</span>
        )}
      </td>
      <td className="no-print" data-label={t("app.col.entry")}>
        <label className="visually-hidden" htmlFor={selectId}>
          {t("app.item.entryLabel", { item: label })}
        </label>
        <select id={selectId} ref={selectRef} value={entry ?? ""} onChange={(e) => onEntry(e.target.value === "" ? null : e.target.value)}>
          <option value="">{t("app.item.entryNone")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {t("app.item.optionWithPoints", { name: name(o.value), points: o.points })}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
