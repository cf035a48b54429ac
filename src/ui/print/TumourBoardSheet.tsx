/**
 * src/ui/print: the tumour-board sheet printed from the clinician view (A4, print media). It reuses the
 * view's parts and the same ScoreReport; no data access of its own.
 */
import { useEffect, type ReactNode } from "react";
import { createPortal } from "react-dom";
import type { ReportItem, ScoreReport } from "../../report/types";
import { registerSection } from "../../i18n";
import { useTranslator } from "../../i18n/react";
import { printStrings } from "../../i18n/sections/print";
import { GROUP_N, MCIDS, STUDY } from "../../study";
import { formatRange } from "../format";
import { PatientBanner } from "../PatientBanner";
import {
  optionText,
  qolMeasureLabel,
  SEGMENT_GROUP_SHORT,
  SINS_ITEM_WORDS,
  sourceLabel,
  TOKUHASHI_ITEM_WORDS,
  type ItemOption,
} from "../labels";
import { TIMEPOINT_LABEL } from "../qol/CourseTable";
import { LegendEntries } from "../qol/Legend";
import {
  COURSE_OUTCOMES,
  courseModel,
  drawnPatientValue,
  PROPORTION_MEASURES,
  proportionModel,
  type CourseModel,
  type ProportionModel,
} from "../qol/courseModel";
import { MEASURE_SHORT, useConflictText } from "../qol/ProportionChart";
import { dayOf } from "../score/ProvenanceList";
import type { ScoreItems } from "../score/ScoreCard";
import { PrintCourseChart } from "./PrintCourseChart";
import { SHEET_SLOT_ID } from "./PrintSection";

// The sheet's own words load with it (not in the first download).
registerSection(printStrings);

export interface TumourBoardSheetProps {
  printedAt: Date;
  /** The printing user's display name as read for the session; null: the sheet says it is not available. */
  userName: string | null;
  /** The report as the view shows it (entries not yet saved are unconfirmed). */
  report: ScoreReport;
  /** Whether the view shows its patient banner (it prints); without it the sheet's header names the patient. */
  showBanner: boolean;
  /** Called once the sheet is in the page: the caller opens the print dialog then. */
  onReady: () => void;
}

/** Candidates listed on paper when an item is unknown: a few, else "unknown" alone. */
const MAX_CANDIDATES = 3;

/**
 * The tumour-board sheet (loaded on demand; print media only): one A4 page with the title, the patient and
 * who printed it (in the toolbar, above the verdict strip), then — in the view's sheet slot, below the strip —
 * the items of both scores with their sources, the study's QOL course at a size read across a table, and a box
 * for the board's decision. Suggestions are marked as such and never shown as values.
 */
export default function TumourBoardSheet({ printedAt, userName, report, showBanner, onReady }: TumourBoardSheetProps) {
  useEffect(() => {
    onReady();
  }, [onReady]);
  const slot = document.getElementById(SHEET_SLOT_ID);
  const body = <SheetBody report={report} />;
  return (
    <>
      <header className="print-only tumour-board-header" data-testid="tumour-board-header">
        <SheetHeader printedAt={printedAt} userName={userName} />
        {/* On paper the patient is always named: the view's banner, or this one where the EHR shows its own. */}
        {showBanner ? null : <PatientBanner patient={report.patient} />}
      </header>
      {slot ? createPortal(body, slot) : body}
    </>
  );
}

function SheetHeader({ printedAt, userName }: { printedAt: Date; userName: string | null }) {
  const { t, dateTime } = useTranslator();
  const when = dateTime(printedAt);
  return (
    <>
      <p className="tb-title">{t("app.print.title")}</p>
      <p className="tb-printed" data-testid="print-printed-by">
        {userName ? t("app.print.printed", { when, user: userName }) : t("print.printedNoName", { when })}
      </p>
    </>
  );
}

function SheetBody({ report }: { report: ScoreReport }) {
  const { t } = useTranslator();
  return (
    <section className="tb-sheet" aria-label={t("print.sheetLabel")} data-testid="tumour-board-sheet">
      <h2 className="visually-hidden">{t("print.items")}</h2>
      <ItemsTable id="sins" caption={t("print.items.sins")} items={report.sins.items} {...SINS_ITEM_WORDS} />
      <ItemsTable
        id="tokuhashi"
        caption={t("print.items.tokuhashi")}
        items={report.tokuhashi.items}
        {...TOKUHASHI_ITEM_WORDS}
      />
      <QolPart qol={report.qol} />
      <DecisionBox />
      <p className="tb-citation" data-testid="print-citation">
        {t("app.qol.source")}{" "}
        {`${STUDY.authors} Global Spine J. ${STUDY.year};${STUDY.volume}(${STUDY.issue}):${STUDY.pages}. doi:${STUDY.doi}`}
      </p>
    </section>
  );
}

interface ItemsTableProps<K extends string> extends ScoreItems<K> {
  id: "sins" | "tokuhashi";
  caption: string;
}

function ItemsTable<K extends string>({ id, caption, order, itemLabels, items, options }: ItemsTableProps<K>) {
  const { t } = useTranslator();
  return (
    <table className="tb-items" data-testid={`print-items-${id}`}>
      <caption>
        {caption} <span className="tb-caption-note">{t("print.confirmedNote")}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("app.col.item")}</th>
          <th scope="col">{t("app.col.value")}</th>
          <th scope="col" className="num">
            {t("app.col.points")}
          </th>
          <th scope="col">{t("app.col.source")}</th>
        </tr>
      </thead>
      <tbody>
        {order.map((key) => (
          <ItemRowPrint
            key={key}
            id={`${id}-${key}`}
            label={t(itemLabels[key])}
            item={items[key]}
            options={options[key]}
          />
        ))}
      </tbody>
    </table>
  );
}

/** One item on paper: its value (or "unknown"), marked suggestion or conflict lines, points, source and date, status. */
function ItemRowPrint({
  id,
  label,
  item,
  options,
}: {
  id: string;
  label: string;
  item: ReportItem;
  options: readonly ItemOption[];
}) {
  const { t, date } = useTranslator();
  const name = (v: string) => optionText(options, v, t);
  const few =
    item.candidates.length > 0 && item.candidates.length <= MAX_CANDIDATES && item.candidates.length < options.length;
  const value =
    item.value !== null
      ? name(item.value)
      : few
        ? t("print.oneOf", { values: item.candidates.map(name).join(t("app.qol.conflictAnd")) })
        : t("print.unknown");
  const newest = item.provenance
    .map((p) => p.date)
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  const source = t(sourceLabel(item.source));
  const unsaved = item.source === "clinician" && !item.confirmed;
  const suggestion = item.suggestion && item.source !== "clinician" ? item.suggestion : null;
  const conflict =
    item.conflict && item.conflict.options.length > 0 && item.source !== "clinician" ? item.conflict : null;
  return (
    <tr data-testid={`print-item-${id}`}>
      <th scope="row">{label}</th>
      <td>
        <span className={item.value === null ? "tb-value tb-unknown" : "tb-value"} data-testid={`print-value-${id}`}>
          {item.confirmed ? <span className="tb-check">✓ </span> : null}
          {value}
        </span>
        {suggestion ? (
          <span className="tb-note tb-suggestion" data-testid={`print-suggestion-${id}`}>
            <span className="tb-tag">{t("print.suggestion")}</span> {name(suggestion.value)}
          </span>
        ) : null}
        {conflict ? (
          <span className="tb-note tb-conflict" data-testid={`print-conflict-${id}`}>
            {t("print.sameDay", {
              values: conflict.options
                .map((o) =>
                  t("app.item.conflictValue", {
                    value: name(o.value),
                    date: o.provenance.date ? date(dayOf(o.provenance.date)) : t("app.prov.noDate"),
                  }),
                )
                .join(", "),
            })}
          </span>
        ) : null}
        {item.stale ? (
          <span className="tb-note" data-testid={`print-stale-${id}`}>
            {t("print.stale", { days: item.stale.days })}
          </span>
        ) : null}
      </td>
      <td className="num">{item.points !== null ? item.points : formatRange(item.min, item.max)}</td>
      <td>
        {newest ? t("print.sourceDated", { source, date: date(dayOf(newest)) }) : source}
        {unsaved ? ` (${t("print.notSaved")})` : null}
      </td>
    </tr>
  );
}

function QolPart({ qol }: { qol: ScoreReport["qol"] }) {
  const { t, number } = useTranslator();
  const input = { expected: qol.expected, timepoints: qol.timepoints, groupN: GROUP_N, mcids: MCIDS };
  const models = COURSE_OUTCOMES.map((outcome) => courseModel(outcome, input));
  const mcids = MCIDS.map((m) => t("print.qol.mcidOne", { mcid: number(m.value, 3), source: m.short })).join("; ");
  return (
    <section className="tb-qol" aria-labelledby="tb-qol-heading">
      <div className="tb-caveat" data-testid="print-caveat">
        <h2 id="tb-qol-heading">{t("app.qol.title")}.</h2> <strong>{t("app.qol.caveat", { n: STUDY.n })}</strong>
      </div>
      <ul className="tb-legend" aria-label={t("app.qol.legend")}>
        <LegendEntries patientGroup={qol.expected.group} tagged={false} />
      </ul>
      <div className="tb-charts">
        {models.map((model) => {
          const title = t(qolMeasureLabel(model.outcome));
          return (
            <figure key={model.outcome} className="tb-figure">
              <figcaption>{model.outcome === "eq5dIndex" ? t("print.qol.eq5dIndex") : title}</figcaption>
              <PrintCourseChart model={model} title={title} />
              <p className="tb-own" data-testid={`print-own-${model.outcome}`}>
                <OwnValues model={model} />
              </p>
            </figure>
          );
        })}
      </div>
      <p className="tb-mcid-note">
        {t("app.qol.whiskers")} {t("print.qol.mcid", { mcids })}
      </p>
      <ProportionTable models={PROPORTION_MEASURES.map((m) => proportionModel(m, qol.expected, qol.timepoints))} />
    </section>
  );
}

/** "This patient: Pre-op 0.412 → 1 month 0.650 (+0.238)", or what is on file, or "no value on file". */
function OwnValues({ model }: { model: CourseModel }) {
  const { t } = useTranslator();
  if (model.change) {
    return (
      <>
        {t("print.qol.ownChange", {
          preop: model.change.preop.text,
          oneMonth: model.change.oneMonth.text,
          change: model.change.text,
        })}
      </>
    );
  }
  const shown = [
    { v: drawnPatientValue(model.patient, "preop"), label: t("app.qol.timepoint.preop") },
    { v: drawnPatientValue(model.patient, "1mo"), label: t("app.qol.timepoint.1mo") },
  ].flatMap(({ v, label }) => (v ? [t("print.qol.ownValue", { timepoint: label, value: v.text })] : []));
  return <>{shown.length > 0 ? t("print.qol.own", { values: shown.join(", ") }) : t("print.qol.ownNone")}</>;
}

/** Frankel A–C and ECOG > 2: each group's share before surgery and at 1 month, and this patient's latest value. */
function ProportionTable({ models }: { models: readonly ProportionModel[] }) {
  const { t, date } = useTranslator();
  const conflictText = useConflictText();
  const [first] = models;
  if (!first) return null;
  const latest = (m: ProportionModel): ReactNode => {
    const v = m.patient[m.patient.length - 1];
    if (!v) return t("app.notOnFile");
    if (v.conflict) return conflictText(m.measure, v);
    const when =
      v.timepoint === "other" ? (v.date ? date(v.date) : t("app.prov.noDate")) : t(TIMEPOINT_LABEL[v.timepoint]);
    return t("print.prop.latest", { measure: MEASURE_SHORT[m.measure], value: v.value, timepoint: when });
  };
  return (
    <table className="tb-prop" data-testid="print-proportions">
      <caption>{t("print.prop.caption")}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t("print.prop.group")}
          </th>
          {models.map((m) => (
            <th key={m.measure} scope="colgroup" colSpan={2}>
              {t(qolMeasureLabel(m.measure))}
            </th>
          ))}
        </tr>
        <tr>
          {models.flatMap((m) => [
            <th key={`${m.measure}-pre`} scope="col">
              {t("app.qol.timepoint.preop")}
            </th>,
            <th key={`${m.measure}-1mo`} scope="col">
              {t("app.qol.timepoint.1mo")}
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {first.groups.map((g, i) => (
          <tr key={g.group} className={g.emphasis === "patient" ? "tb-own-group" : undefined}>
            <th scope="row">
              {t("app.qol.legendGroup", { group: t(SEGMENT_GROUP_SHORT[g.group]), n: GROUP_N[g.group] })}
              {g.emphasis === "patient" ? ` ${t("app.qol.patientsGroup")}` : null}
            </th>
            {models.flatMap((m) => {
              const row = m.groups[i];
              return [
                <td key={`${m.measure}-pre`}>{row?.preop.text}</td>,
                <td key={`${m.measure}-1mo`}>{row?.oneMonth.text}</td>,
              ];
            })}
          </tr>
        ))}
        <tr>
          <th scope="row">{t("print.prop.this")}</th>
          {models.map((m) => (
            <td key={m.measure} colSpan={2}>
              {latest(m)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** Space for the board to write on: the decision, the date and who attended (empty lines; paper only). */
function DecisionBox() {
  const { t } = useTranslator();
  const line = <span className="tb-line" aria-hidden="true" />;
  return (
    <section className="tb-decision" aria-labelledby="tb-decision-heading" data-testid="board-decision">
      <div className="tb-write">
        <h2 id="tb-decision-heading" className="tb-write-label">
          {t("print.decision.title")}
        </h2>
        <span className="tb-write-label">{t("print.decision.decision")}</span>
        {line}
      </div>
      <div className="tb-write">{line}</div>
      <div className="tb-write tb-write-pair">
        <span className="tb-write-label">{t("print.decision.date")}</span>
        <span className="tb-line tb-line-date" aria-hidden="true" />
        <span className="tb-write-label">{t("print.decision.attendees")}</span>
        {line}
      </div>
      <div className="tb-write">{line}</div>
    </section>
  );
}
