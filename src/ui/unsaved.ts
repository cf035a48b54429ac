/**
 * Unsaved entries (issue 14 item 4): what the clinician entered since the last successful "Save assessment".
 * An item is "confirmed" only once saved (or confirmed by the record); until then the view shows it unconfirmed
 * and the save bar lists it.
 */
import type { ClinicianEntries, ScoreReport } from "../report/types";
import { SINS_ITEM_ORDER, TOKUHASHI_ITEM_ORDER, type SinsItemKey, type TokuhashiItemKey } from "./labels";

export type UnsavedItem = { score: "sins"; item: SinsItemKey } | { score: "tokuhashi"; item: TokuhashiItemKey };

/**
 * The SINS and Tokuhashi items whose entry differs from the saved one (the items "Save assessment" writes).
 * An entry cleared back to the record is not a change to save: the record then speaks for the item.
 */
export function unsavedItems(entries: ClinicianEntries, saved: ClinicianEntries): UnsavedItem[] {
  const out: UnsavedItem[] = [];
  for (const item of SINS_ITEM_ORDER) {
    const v = entries.sins?.[item];
    if (v !== undefined && v !== saved.sins?.[item]) out.push({ score: "sins", item });
  }
  for (const item of TOKUHASHI_ITEM_ORDER) {
    const v = entries.tokuhashi?.[item];
    if (v !== undefined && v !== saved.tokuhashi?.[item]) out.push({ score: "tokuhashi", item });
  }
  return out;
}

/** The report as the view shows it: an unsaved entry is not (yet) confirmed. The saved report is untouched. */
export function withUnsavedUnconfirmed(report: ScoreReport, unsaved: readonly UnsavedItem[]): ScoreReport {
  if (unsaved.length === 0) return report;
  const sins = { ...report.sins.items };
  const tokuhashi = { ...report.tokuhashi.items };
  for (const u of unsaved) {
    if (u.score === "sins") sins[u.item] = { ...sins[u.item], confirmed: false } as never;
    else tokuhashi[u.item] = { ...tokuhashi[u.item], confirmed: false } as never;
  }
  return { ...report, sins: { ...report.sins, items: sins }, tokuhashi: { ...report.tokuhashi, items: tokuhashi } };
}
