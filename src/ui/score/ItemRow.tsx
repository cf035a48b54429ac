import { useRef } from "react";
import type { ReportItem } from "../../report/types";
import { contextText, coreText, suggestionText } from "../../i18n/core";
import { useTranslator } from "../../i18n/react";
import type { MessageKey } from "../../i18n";
import type { UnavailableSearch } from "../faults";
import { formatRange } from "../format";
import { optionText, sourceLabel, type ItemOption } from "../labels";
import { claimsByReference, shownContext } from "./claims";
import { unreadFor } from "./itemSearches";
import { dayOf, ProvenanceList } from "./ProvenanceList";

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
  onEntry: (value: string | null) => void;
  /** Searches that could not be read: an unknown item they feed says so instead of "not on file". */
  unavailable?: readonly UnavailableSearch[] | undefined;
  /** Reads the record again (offered next to "could not be read"); absent: the words only. */
  onRetry?: (() => void) | undefined;
}

/** More options than this get a compact select (SINS location: 30+ levels); fewer (primary site: 17) are radios. */
const MAX_RADIOS = 20;

const SEARCH_WORDS: Record<UnavailableSearch["search"], MessageKey> = {
  Condition: "app.search.Condition",
  Observation: "app.search.Observation",
  QuestionnaireResponse: "app.search.QuestionnaireResponse",
  Procedure: "app.search.Procedure",
};

/**
 * One item of a score: its value (or what it may still be), points (or their range), where it came from
 * (one line in plain words per piece of evidence), whether it is confirmed, and the clinician's entry: the
 * item's options with their points as radios (a select for the 30+ levels of the SINS location), the record's
 * value preselected and marked, a clear control, a one-click confirm of a suggestion, or the pick between
 * conflicting values. A value the clinician overrode stays visible as overridden. A search feeding the item
 * that failed is named on the item ("could not be read") instead of "not on file".
 */
export function ItemRow({ id, label, item, options, entry, onEntry, unavailable, onRetry }: ItemRowProps) {
  const { t, date, locale } = useTranslator();
  const name = (v: string) => optionText(options, v, t);
  const points = item.points !== null ? String(item.points) : formatRange(item.min, item.max);
  const entryId = `${id}-entry`;
  const radioId = (value: string) => `${entryId}-${value}`;
  const selectRef = useRef<HTMLSelectElement>(null);
  const compact = options.length > MAX_RADIOS;
  /** The value the record itself gives (one value only): preselected and marked "from the record". */
  const recordValue =
    item.source === "clinician"
      ? item.overridden && item.overridden.candidates.length === 1 && item.overridden.source !== "missing"
        ? (item.overridden.candidates[0] ?? null)
        : null
      : item.source === "missing"
        ? null
        : item.value;
  const onRecord = item.source !== "missing" || (item.overridden != null && item.overridden.source !== "missing");
  const selected = entry ?? recordValue ?? null;
  const unread = item.value === null && entry === undefined ? unreadFor(id, unavailable) : [];
  const claims = claimsByReference(item);
  const context = unread.length > 0 ? withoutNotOnFile(shownContext(item)) : shownContext(item);
  const conflictLines = sameDayClaims(item, claims);

  /** An option taken as the clinician's entry (once: a click and its change event both land here). */
  const pick = (value: string) => {
    if (entry !== value) onEntry(value);
  };
  /** A one-click choice removes its own button: keep the keyboard user's place on the item's control. */
  const choose = (value: string) => {
    onEntry(value);
    if (compact) selectRef.current?.focus();
    else document.getElementById(radioId(value))?.focus();
  };
  return (
    <tr data-testid={`item-${id}`} className={item.source === "clinician" ? "item item-clinician" : "item"}>
      <th scope="row">{label}</th>
      <td data-label={t("app.col.value")}>
        {item.value !== null ? (
          <span className="item-value">{name(item.value)}</span>
        ) : (
          <span className="item-value item-unknown">
            {t("app.unknown")}
            {item.candidates.length > 0 && item.candidates.length < options.length ? (
              <span className="item-candidates">
                {" "}
                {t("app.item.candidates", { values: item.candidates.map(name).join(", ") })}
              </span>
            ) : null}
          </span>
        )}
        {unread.length > 0 ? (
          <p className="item-unread" role="note" data-testid={`${id}-unread`}>
            <span aria-hidden="true">! </span>
            {t(onRetry ? "app.item.unreadRetry" : "app.item.unread", {
              data: unread.map((u) => t(SEARCH_WORDS[u.search])).join(", "),
            })}{" "}
            {onRetry ? (
              <button type="button" className="link-button" onClick={onRetry}>
                {t("app.fault.retry")}
              </button>
            ) : null}
          </p>
        ) : null}
        {conflictLines.length > 0 ? (
          <p className="item-conflict-note" data-testid={`${id}-same-day`}>
            {t("app.item.sameDay", { values: conflictLines.join("; ") })}
          </p>
        ) : null}
        {context.context ? <p className="item-context">{contextText(locale, context)}</p> : null}
        {item.stale ? (
          <p className="item-stale" data-testid={`${id}-stale`}>
            <span className="badge badge-stale" aria-hidden="true">
              ⏱
            </span>{" "}
            {t("app.item.stale", { date: item.stale.date, days: item.stale.days, maxDays: item.stale.maxDays })}
          </p>
        ) : null}
        {item.overridden ? (
          <div className="item-overridden" data-testid={`${id}-overridden`}>
            <span className="badge badge-overridden">{t("app.item.overriddenBadge")}</span>{" "}
            {t("app.item.overridden", {
              value:
                item.overridden.candidates.length > 0
                  ? item.overridden.candidates.map(name).join(", ")
                  : t("app.unknown"),
              source: t(sourceLabel(item.overridden.source)),
            })}
            <ProvenanceList
              provenance={item.overridden.provenance}
              omitted={item.overridden.provenanceOmitted}
              itemLabel={label}
              claims={claims}
            />
          </div>
        ) : null}
        {item.suggestion && entry === undefined ? (
          <div className="item-suggestion">
            <p>
              {t("app.item.suggestion", { value: name(item.suggestion.value) })}{" "}
              <span className="item-reason">{suggestionText(locale, item.suggestion)}</span>
            </p>
            <button type="button" className="no-print" onClick={() => item.suggestion && choose(item.suggestion.value)}>
              {t("app.item.confirmSuggestion", { value: name(item.suggestion.value) })}
            </button>
          </div>
        ) : null}
        {item.conflict && item.conflict.options.length > 0 && entry === undefined ? (
          <fieldset className="item-conflict" data-testid={`${id}-conflict`}>
            <legend>{t("app.item.conflict")}</legend>
            <ul>
              {item.conflict.options.map((o, i) => (
                <li key={`${o.value}-${i}`}>
                  <span className="item-conflict-value">
                    {t("app.item.conflictValue", {
                      value: name(o.value),
                      date: o.provenance.date ? date(dayOf(o.provenance.date)) : t("app.prov.noDate"),
                    })}
                  </span>{" "}
                  <button type="button" className="no-print" onClick={() => choose(o.value)}>
                    {t("app.item.pick", { value: name(o.value) })}
                  </button>
                  <ProvenanceList provenance={[o.provenance]} itemLabel={label} claims={claims} />
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
        <span className="source">{t(sourceLabel(item.source))}</span>
        <ProvenanceList
          provenance={item.provenance}
          omitted={item.provenanceOmitted}
          itemLabel={label}
          claims={claims}
        />
      </td>
      <td data-label={t("app.col.status")}>
        {item.confirmed ? (
          <span className="badge badge-confirmed">✓ {t("app.item.confirmed")}</span>
        ) : (
          <span className="badge badge-unconfirmed">? {t("app.item.notConfirmed")}</span>
        )}
      </td>
      <td className="no-print item-entry" data-label={t("app.col.entry")}>
        {compact ? (
          <>
            <label className="visually-hidden" htmlFor={entryId}>
              {t("app.item.entryLabel", { item: label })}
            </label>
            <select
              id={entryId}
              ref={selectRef}
              value={selected ?? ""}
              onChange={(e) => onEntry(e.target.value === "" ? null : e.target.value)}
            >
              <option value="">{onRecord ? t("app.item.choose") : t("app.item.notOnRecordOption")}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {t(o.value === recordValue ? "app.item.optionFromRecord" : "app.item.optionWithPoints", {
                    name: name(o.value),
                    points: o.points,
                  })}
                </option>
              ))}
            </select>
          </>
        ) : (
          <fieldset className="item-choices" id={entryId}>
            <legend className="visually-hidden">{t("app.item.entryLabel", { item: label })}</legend>
            {options.map((o) => (
              <label key={o.value} className="item-choice" htmlFor={radioId(o.value)}>
                <input
                  type="radio"
                  id={radioId(o.value)}
                  name={entryId}
                  value={o.value}
                  checked={selected === o.value}
                  // A click on the record's preselected value confirms it (no change event fires for it).
                  onChange={() => pick(o.value)}
                  onClick={() => pick(o.value)}
                />
                <span>{t("app.item.choice", { name: name(o.value), points: o.points })}</span>
                {o.value === recordValue ? " " : null}
                {o.value === recordValue ? (
                  <span className="badge badge-record" data-testid={`${id}-from-record`}>
                    {t("app.item.fromRecord")}
                  </span>
                ) : null}
              </label>
            ))}
          </fieldset>
        )}
        {!onRecord && entry === undefined ? (
          <p className="item-entry-note" data-testid={`${id}-not-on-record`}>
            {t("app.notOnFile")}
          </p>
        ) : null}
        {entry !== undefined ? (
          <button
            type="button"
            className="link-button item-clear"
            onClick={() => onEntry(null)}
            aria-label={t("app.item.clearEntryOf", { item: label })}
          >
            {t("app.item.clearEntry")}
          </button>
        ) : null}
      </td>
    </tr>
  );

  /** "ECOG 1 (18 Jun 2025), ECOG 2 (18 Jun 2025)": different values claimed by evidence of the same day. */
  function sameDayClaims(it: ReportItem, byRef: ReturnType<typeof claimsByReference>): string[] {
    const byDay = new Map<string, { code: string; text: string; date: string }[]>();
    for (const p of it.provenance) {
      const c = p.reference ? byRef.get(p.reference) : undefined;
      if (!c || !p.date) continue;
      const day = dayOf(p.date);
      const list = byDay.get(day) ?? [];
      list.push({ code: c.code, text: coreText(locale, c), date: p.date });
      byDay.set(day, list);
    }
    const lines: string[] = [];
    for (const list of byDay.values()) {
      for (const code of new Set(list.map((c) => c.code))) {
        const same = list.filter((c) => c.code === code && c.text !== "");
        if (new Set(same.map((c) => c.text)).size < 2) continue;
        lines.push(
          same.map((c) => t("app.item.conflictValue", { value: c.text, date: date(dayOf(c.date)) })).join(", "),
        );
      }
    }
    return lines;
  }
}

/** Without the "no … on file" sentences: they would be wrong where the search that reads them failed. */
function withoutNotOnFile(item: ReturnType<typeof shownContext>): ReturnType<typeof shownContext> {
  const codes = item.context;
  if (!codes || codes.length === 0) return { context: null };
  const kept = codes.filter((c) => !/\.no-/.test(c.code));
  return kept.length === codes.length ? item : { context: kept.length > 0 ? kept : null };
}
