/**
 * The card: from the ScoreReport (built by src/extract, as the app and the CLI build it) to a CDS Hooks card.
 * Nothing here scores: figures are the report's, and what a range allows is src/scores' sinsVerdict /
 * tokuhashiVerdict. Words come from the catalogue (src/i18n), in the configured locale.
 *
 * - summary (< 140 characters): "Spinal metastasis T6 · SINS 1–16 · Tokuhashi 0–5 (< 6 months)". A class is
 *   named when the range allows one, two, or — for SINS — "potentially unstable or unstable (≥ 7)"; a range that
 *   allows every class is given as figures alone (the detail says it). Shortened step by step if still too long.
 * - indicator: "warning" when every SINS total the range allows is ≥ 7, else "info".
 * - detail (markdown): per score what the range allows and the items missing to close it; the study population;
 *   the data the service could not have; resources left out. Text from the record is escaped.
 */
import { randomUUID } from "node:crypto";
import { regionTerm, type PatientEvidence } from "../extract";
import { coreText } from "../i18n/core";
import { createTranslator, formatReference, type Locale, type MessageKey, type Translator } from "../i18n";
import type { ReportItem, ScoreReport } from "../report/types";
import { describeLevels, sinsVerdict, tokuhashiVerdict, type SinsVerdict, type TokuhashiVerdict } from "../scores";
import { sinsVerdictWords, tokuhashiVerdictWords } from "../i18n/verdict";
import { SEGMENT_GROUP_SHORT, SINS_ITEM_LABEL, TOKUHASHI_ITEM_LABEL } from "../ui/labels";
import { cdsText, escapeMarkdown } from "./text";
import { PREFETCH_KEYS, type CdsCard, type DataState, type PrefetchKey } from "./types";

export const SUMMARY_MAX = 139;
const STUDY_URL = "https://doi.org/10.1177/21925682241297948";

const DATA_WORD: Record<PrefetchKey, Parameters<typeof cdsText>[1]> = {
  patient: "cds.data.patient",
  conditions: "cds.data.conditions",
  observations: "cds.data.observations",
  procedures: "cds.data.procedures",
  questionnaireResponses: "cds.data.questionnaireResponses",
};
const UNREADABLE_CODES = new Set(["invalid-resource", "invalid-entry", "internal"]);

export interface CardInput {
  report: ScoreReport;
  evidence: PatientEvidence;
  data: Record<PrefetchKey, DataState>;
  locale: Locale;
  appLaunchUrl: string;
}

/** Whether the record holds a spinal metastasis (a lesion, even without a coded level, or a scored level). */
export function hasSpinalMetastasis(report: ScoreReport, evidence: PatientEvidence): boolean {
  return evidence.spinalLesions.length > 0 || report.segmentGroup.levels.length > 0;
}

/** A sentence-initial phrase inside a sentence: English lower-cases its first letter ("Stable" → "stable"). */
function inSentence(t: Translator, words: string): string {
  return t.locale === "en" ? words.charAt(0).toLowerCase() + words.slice(1) : words;
}

function figure(s: { total: number | null; min: number; max: number }): string {
  return s.total !== null ? String(s.total) : `${s.min}–${s.max}`;
}

/** What a SINS range allows, as the clinician view says it (src/i18n/verdict.ts), inside a sentence. */
function sinsWords(t: Translator, v: SinsVerdict): string {
  return inSentence(t, sinsVerdictWords(t, v));
}

/** What a revised Tokuhashi range allows, as the clinician view says it, inside a sentence. */
function tokuhashiWords(t: Translator, v: TokuhashiVerdict): string {
  return inSentence(t, tokuhashiVerdictWords(t, v));
}

function levelsText(t: Translator, report: ScoreReport, evidence: PatientEvidence): string {
  if (report.segmentGroup.levels.length > 0) return describeLevels(report.segmentGroup.levels);
  const region = evidence.spinalLesions.flatMap((l) => l.regions)[0];
  if (region) return cdsText(t, "cds.level.regionNotCoded", { region: coreText(t.locale, regionTerm(region)) });
  return cdsText(t, "cds.level.notCoded");
}

/** Characters as the spec counts them (code points); a UTF-16 length within the limit needs no count. */
function fits(s: string): boolean {
  return s.length <= SUMMARY_MAX || [...s].length <= SUMMARY_MAX;
}

/** The summary, at most SUMMARY_MAX characters. */
export function summaryText(
  t: Translator,
  levels: string,
  report: ScoreReport,
  sv: SinsVerdict,
  tv: TokuhashiVerdict,
): string {
  const sep = cdsText(t, "cds.summary.separator");
  const withWords = (fig: string, words: string | null): string =>
    words ? cdsText(t, "cds.figure.words", { figure: fig, words }) : fig;
  // In brackets already: "≥ 7: …" rather than "… (≥ 7)".
  const sinsSay =
    sv.atLeast7 && sv.categories.length > 1
      ? cdsText(t, "cds.verdict.sinsAtLeast7.short")
      : sv.categories.length < 3
        ? sinsWords(t, sv)
        : null;
  const tokSay = tv.prognoses.length < 3 ? tokuhashiWords(t, tv) : null;
  const build = (lv: string, sw: string | null, tw: string | null): string =>
    [
      cdsText(t, "cds.summary.lead", { levels: lv }),
      cdsText(t, "cds.summary.sins", { figure: withWords(figure(report.sins), sw) }),
      cdsText(t, "cds.summary.tokuhashi", { figure: withWords(figure(report.tokuhashi), tw) }),
    ].join(sep);
  const attempts: [string, string | null, string | null][] = [
    [levels, sinsSay, tokSay],
    [levels, sinsSay, tv.prognoses.length === 1 ? tokSay : null],
    [levels, sv.categories.length === 1 || sv.atLeast7 ? sinsSay : null, tv.prognoses.length === 1 ? tokSay : null],
    [levels, null, null],
  ];
  for (const [lv, sw, tw] of attempts) {
    const s = build(lv, sw, tw);
    if (fits(s)) return s;
  }
  const s = build(levels, null, null);
  return `${[...s].slice(0, SUMMARY_MAX - 1).join("")}…`;
}

function openItems<I extends Record<string, ReportItem>>(
  items: I,
  names: Record<keyof I, MessageKey>,
  t: Translator,
): string[] {
  return (Object.keys(names) as (keyof I)[])
    .filter((k) => items[k] !== undefined && items[k].points === null)
    .map((k) => t.t(names[k]));
}

function detailText(t: Translator, input: CardInput, sv: SinsVerdict, tv: TokuhashiVerdict): string {
  const { report, data } = input;
  const lines: string[] = [];
  const scoreLine = (
    key: "cds.detail.sins" | "cds.detail.tokuhashi",
    fig: string,
    words: string,
    settled: boolean,
    open: string[],
  ): string => {
    // One class: said as it is; a range over some classes: what it allows; over all of them: "not determined yet".
    const said = settled
      ? words
      : words === inSentence(t, t.t("app.verdict.open"))
        ? words
        : cdsText(t, "cds.detail.allows", { words });
    const close =
      open.length === 0
        ? cdsText(t, "cds.detail.complete")
        : cdsText(t, "cds.detail.toClose", { items: open.join(t.t("core.join.comma")) });
    return `- ${cdsText(t, key, { figure: fig, words: said })} ${close}`;
  };
  const sinsOpen = openItems(report.sins.items, SINS_ITEM_LABEL, t);
  const tokuhashiOpen = openItems(report.tokuhashi.items, TOKUHASHI_ITEM_LABEL, t);
  lines.push(
    scoreLine("cds.detail.sins", figure(report.sins), sinsWords(t, sv), sv.category !== null, sinsOpen),
    scoreLine(
      "cds.detail.tokuhashi",
      figure(report.tokuhashi),
      tokuhashiWords(t, tv),
      tv.prognosis !== null,
      tokuhashiOpen,
    ),
  );
  const app = report.applicability;
  if (app.inStudyPopulation === true) {
    const group = report.segmentGroup.group;
    lines.push(`- ${cdsText(t, "cds.detail.study.yes", { group: group ? t.t(SEGMENT_GROUP_SHORT[group]) : "?" })}`);
  } else {
    // The reasons are worded only where the line quotes them.
    const reasons = app.reasons.map((r) => escapeMarkdown(coreText(t.locale, r))).join(t.t("core.join.semicolon"));
    const key = app.inStudyPopulation === false ? "cds.detail.study.no" : "cds.detail.study.unknown";
    lines.push(`- ${cdsText(t, key, { reasons })}`);
  }
  const missing: string[] = [];
  for (const key of PREFETCH_KEYS) {
    const d = data[key];
    if (d.state === "missing") missing.push(cdsText(t, DATA_WORD[key]));
    else if (!d.complete) missing.push(cdsText(t, "cds.detail.firstPageOnly", { what: cdsText(t, DATA_WORD[key]) }));
  }
  if (missing.length > 0)
    lines.push(`- ${cdsText(t, "cds.detail.missing", { what: missing.join(t.t("core.join.comma")) })}`);
  const unreadable = report.diagnostics.filter((d) => d.code !== undefined && UNREADABLE_CODES.has(d.code));
  if (unreadable.length > 0) {
    const named = unreadable.flatMap((d) => (d.resource ? [d.resource] : []));
    // References named the locale's way ("観察値 bad-kps" in Japanese), as the view names them.
    const labels = named.slice(0, 5).map((r) => escapeMarkdown(formatReference(t.locale, r)));
    if (labels.length < unreadable.length) labels.push("…");
    const list = labels.join(t.t("core.join.comma"));
    lines.push(`- ${cdsText(t, "cds.detail.unreadable", { count: String(unreadable.length), list })}`);
  }
  lines.push("", `_${cdsText(t, "cds.detail.study.note")}_`);
  return lines.join("\n");
}

/** The one card for a patient with a spinal metastasis on file. */
export function buildCard(input: CardInput): CdsCard {
  const t = createTranslator(input.locale);
  const { report } = input;
  const sv = sinsVerdict(report.sins.min, report.sins.max);
  const tv = tokuhashiVerdict(report.tokuhashi.min, report.tokuhashi.max);
  const levels = levelsText(t, report, input.evidence);
  const missing = PREFETCH_KEYS.filter((k) => input.data[k].state === "missing");
  return {
    uuid: randomUUID(),
    summary: summaryText(t, levels, report, sv, tv),
    detail: detailText(t, input, sv, tv),
    indicator: sv.atLeast7 ? "warning" : "info",
    source: { label: cdsText(t, "cds.source.label"), url: STUDY_URL },
    links: [{ label: cdsText(t, "cds.link.label"), url: input.appLaunchUrl, type: "smart" }],
    extension: {
      "spine-met-qol": {
        levels: report.segmentGroup.levels,
        segmentGroup: report.segmentGroup.group,
        inStudyPopulation: report.applicability.inStudyPopulation,
        sins: {
          total: report.sins.total,
          min: report.sins.min,
          max: report.sins.max,
          categories: sv.categories,
          atLeast7: sv.atLeast7,
        },
        tokuhashi: {
          total: report.tokuhashi.total,
          min: report.tokuhashi.min,
          max: report.tokuhashi.max,
          prognoses: tv.prognoses,
        },
        partial: report.partial === true,
        missing,
      },
    },
  };
}
