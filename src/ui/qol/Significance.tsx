import { useTranslator } from "../../i18n/react";
import type { SegmentGroup } from "../../scores/types";
import {
  COMPARISONS,
  COMPARISON_GROUPS,
  TABLE_6,
  groupDifferences,
  isSignificant,
  type StudyOutcome,
  type StudyTimepoint,
  type Table6Row,
} from "../../study";
import { qolMeasureLabel, SEGMENT_GROUP_SHORT } from "../labels";

/** A Table 6 outcome's name: the study's Frankel and ECOG rows are the course's two proportions. */
const outcomeLabel = (outcome: StudyOutcome) =>
  qolMeasureLabel(outcome === "frankel" ? "frankelABC" : outcome === "ecog" ? "ecogOver2" : outcome);
/**
 * A Table 6 timepoint's name: the same key as the course table's column (`app.qol.timepoint.<kind>`); the study's
 * "oneMonth" is the app's 1-month kind, "1mo".
 */
const timepointLabel = (timepoint: StudyTimepoint) =>
  `app.qol.timepoint.${timepoint === "oneMonth" ? "1mo" : timepoint}` as const;

/** A P value as printed, with its relation: "P = 0.027", "P < 0.001", "P > 0.99". */
function pText(text: string): string {
  return /^[<>]/.test(text) ? `P ${text.slice(0, 1)} ${text.slice(1)}` : `P = ${text}`;
}

/** A group's figure in a Table 6 row as printed ("0.513 ± 0.252", "23 (30%)"). */
function cellText(row: Table6Row, group: SegmentGroup): string {
  switch (row.outcome) {
    case "frankel": {
      const c = row.cells[group].abc;
      return `${c.count} (${c.percent}%)`;
    }
    case "ecog": {
      const c = row.cells[group].over2;
      return `${c.count} (${c.percent}%)`;
    }
    default: {
      const c = row.cells[group];
      const digits = row.outcome === "eq5dIndex" ? 3 : 1;
      const sign = c.mean < 0 ? "\u2212" : "";
      return `${sign}${Math.abs(c.mean).toFixed(digits)} ± ${c.sd.toFixed(digits)}`;
    }
  }
}

export interface SignificantDifference {
  row: Table6Row;
  own: SegmentGroup;
  other: SegmentGroup;
  p: string;
}

/** Table 6 comparisons with P < 0.05 that involve the patient's group (src/study's significance facts). */
function significantFor(group: SegmentGroup): SignificantDifference[] {
  return groupDifferences({ group, significantOnly: true }).flatMap((d) => {
    const row = TABLE_6.find((r) => r.outcome === d.outcome && r.timepoint === d.timepoint);
    if (!row) return [];
    const [a, b] = d.groups;
    return [{ row, own: group, other: a === group ? b : a, p: d.p }];
  });
}

/**
 * Which between-group differences the study found significant (Table 6, P < 0.05 after Benjamini–Hochberg):
 * in words for the patient's group, and every printed P value in a table.
 */
export function Significance({ group }: { group: SegmentGroup | null }) {
  const { t } = useTranslator();
  const rowName = (row: Table6Row) => `${t(outcomeLabel(row.outcome))}, ${t(timepointLabel(row.timepoint))}`;
  const own = group ? significantFor(group) : [];
  return (
    <section className="significance" aria-labelledby="significance-heading" data-testid="significance">
      <h3 id="significance-heading">{t("app.sig.title")}</h3>
      {group ? (
        own.length > 0 ? (
          <ul data-testid="significance-own">
            {own.map((d) => (
              <li key={`${d.row.row}-${d.other}`}>
                {t("app.sig.sentence", {
                  row: rowName(d.row),
                  own: t(SEGMENT_GROUP_SHORT[d.own]),
                  ownValue: cellText(d.row, d.own),
                  other: t(SEGMENT_GROUP_SHORT[d.other]),
                  otherValue: cellText(d.row, d.other),
                  p: pText(d.p),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("app.sig.noneForGroup", { group: t(SEGMENT_GROUP_SHORT[group]) })}</p>
        )
      ) : (
        <p>{t("app.sig.noGroup")}</p>
      )}
      <p className="hint">{t("app.sig.withinGroups")}</p>
      <details className="no-print">
        <summary>{t("app.sig.allP")}</summary>
        <table className="data-table" data-testid="table-6-p">
          <caption>{t("app.sig.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("app.qol.col.series")}</th>
              {COMPARISONS.map((c) => {
                const [a, b] = COMPARISON_GROUPS[c];
                return (
                  <th scope="col" key={c}>
                    {t("app.sig.versus", { a: t(SEGMENT_GROUP_SHORT[a]), b: t(SEGMENT_GROUP_SHORT[b]) })}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {TABLE_6.map((row) => (
              <tr key={row.row}>
                <th scope="row">{rowName(row)}</th>
                {COMPARISONS.map((c) => {
                  const p = row.p[c];
                  const sig = isSignificant(p);
                  return (
                    <td key={c} className={sig ? "p-significant" : undefined}>
                      {pText(p.text)}
                      {sig ? ` * ${t("app.sig.significant")}` : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
