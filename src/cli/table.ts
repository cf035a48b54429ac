/**
 * `--format table`: one patient per row, for a tumour-board list. The words are the catalogue's English (the
 * view's labels of the segment group, SINS class and predicted survival); the EQ-5D-5L index is rounded for
 * display as everywhere (formatIndex).
 */
import { createTranslator } from "../i18n";
import { SINS_CATEGORY_LABEL, TOKUHASHI_PROGNOSIS_LABEL } from "../i18n/verdict";
import type { ScoreReport } from "../report/types";
import { formatIndex } from "../scores";

const en = createTranslator("en");

function range(total: number | null, min: number, max: number): string {
  return total !== null ? String(total) : `${min}–${max}`;
}

function levels(ls: readonly string[]): string {
  if (ls.length === 0) return "-";
  return ls.length > 4 ? `${ls.slice(0, 4).join(",")},…(${ls.length})` : ls.join(",");
}

export function reportRow(r: ScoreReport): string[] {
  const latest = [...r.qol.timepoints].reverse().find((t) => t.eq5d !== null)?.eq5d ?? null;
  const inStudy = r.applicability.inStudyPopulation;
  const warnings = r.diagnostics.filter((d) => d.severity !== "info").length;
  return [
    r.patient.id,
    r.patient.name ?? "",
    `${r.patient.age ?? "?"}${r.patient.sex ? ` ${r.patient.sex.charAt(0).toUpperCase()}` : ""}`,
    r.segmentGroup.group ? en.t(`app.group.short.${r.segmentGroup.group}`) : "-",
    levels(r.segmentGroup.levels),
    inStudy === null ? "?" : inStudy ? "yes" : "no",
    `${range(r.sins.total, r.sins.min, r.sins.max)}${r.sins.category ? ` ${en.t(SINS_CATEGORY_LABEL[r.sins.category])}` : ""}`,
    `${range(r.tokuhashi.total, r.tokuhashi.min, r.tokuhashi.max)}${r.tokuhashi.prognosis ? ` ${en.t(TOKUHASHI_PROGNOSIS_LABEL[r.tokuhashi.prognosis])}` : ""}`,
    latest ? formatIndex(latest.index) : "-",
    String(warnings),
  ];
}

const TABLE_HEADER = [
  "patient",
  "name",
  "age/sex",
  "segment",
  "levels",
  "in study",
  "SINS",
  "Tokuhashi",
  "EQ-5D",
  "warnings",
];

/** The table of rows made by reportRow, with the header. */
export function formatRows(body: readonly string[][]): string {
  const rows = [TABLE_HEADER, ...body].map((r) => r.map((c) => c.replace(/\s+/g, " ").slice(0, 40)));
  const widths = TABLE_HEADER.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - [...c].length)))
      .join("  ")
      .trimEnd();
  const sep = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(rows[0] ?? []), sep, ...rows.slice(1).map(line)].join("\n") + "\n";
}
