import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from "react";
import type { FormsSlotProps } from "./App";
import type { AssessmentTiming, ClinicianEntries, ScoreReport } from "../report/types";
import type { Locale } from "../i18n";
import { useTranslator } from "../i18n/react";
import { DiagnosticsDrawer } from "./DiagnosticsDrawer";
import { withEnBlocPlanned, withItemEntry, type EntryItem, type ItemScore } from "./entries";
import { PanelNotice } from "./FaultView";
import type { UnavailableSearch } from "./faults";
import { LocaleSwitch } from "./LocaleSwitch";
import { PatientBanner } from "./PatientBanner";
import { PrintSection, PrintSheetSlot } from "./print/PrintSection";
import { SaveAssessment } from "./SaveAssessment";
import { SinsCard } from "./score/SinsCard";
import { TokuhashiCard } from "./score/TokuhashiCard";
import { SegmentGroupCard } from "./SegmentGroupCard";
import { SINS_ITEM_LABEL, TOKUHASHI_ITEM_LABEL } from "./labels";
import { unsavedItems, withUnsavedUnconfirmed, type UnsavedItem } from "./unsaved";
import { VerdictStrip } from "./VerdictStrip";
import { useAfterFirstPaint, usePainted } from "./afterPaint";

/**
 * The QOL charts are their own chunk, rendered after the view's first paint: the verdict strip and the score
 * cards show first. App preloads the chunk (preloadDeferred) while the record loads.
 */
const loadQol = () => import("./qol/QolCourse");

/** Starts fetching what the view renders after its first paint. */
export function preloadDeferred(): void {
  loadQol().catch(() => undefined); // a failure shows in the QOL panel
}

export interface ClinicianViewProps {
  /** The report for the current entries (re-run scoreReport on every change of `entries`). */
  report: ScoreReport;
  entries: ClinicianEntries;
  onEntriesChange: (next: ClinicianEntries) => void;
  /** The entries as last saved (the baseline of "unsaved changes"); kept by the caller across record reloads. */
  savedEntries?: ClinicianEntries;
  /** "Save assessment" succeeded with these entries. */
  onSaved?: (entries: ClinicianEntries) => void;
  /** False when the EHR shows its own patient banner (need_patient_banner = false). */
  showBanner: boolean;
  /** The signed-in user's name (fhirUser), for the tumour-board page. */
  userName: string | null;
  onLocaleChange: (locale: Locale) => void;
  /** Searches that could not be read (scope missing, server busy): flagged on the panels that need them. */
  unavailable?: readonly UnavailableSearch[];
  /** Saves the assessment (SINS and Tokuhashi answers) through the write-back module; absent = not available. */
  onSave?: ((report: ScoreReport, entries: ClinicianEntries, when?: AssessmentTiming) => Promise<void>) | undefined;
  /** The questionnaires panel (lazy-loaded by the caller's loader), shown on demand. */
  loadFormsPanel?: (() => Promise<{ default: ComponentType<FormsSlotProps> }>) | undefined;
  /** The record changed (a questionnaire was stored): read it again, keeping the entries. */
  onRecordChanged?: (() => void) | undefined;
  now?: () => Date;
  print?: () => void;
  /**
   * Paint the header and the verdict strip alone first, the cards one frame later (the app's first screen after
   * the record is in: the surgeon's answer shows before the ~1 500 elements of the cards are laid out).
   */
  cardsAfterFirstPaint?: boolean;
}

/** The clinician's view of one patient: banner, segment group, SINS, Tokuhashi, QOL course, data notes. */
export function ClinicianView(props: ClinicianViewProps) {
  const { t } = useTranslator();
  const { report, entries, onEntriesChange } = props;
  const unavailable = props.unavailable ?? [];
  // Without a caller's baseline (a view rendered on its own) the view keeps it.
  const [ownSaved, setOwnSaved] = useState<ClinicianEntries>({});
  const saved = props.savedEntries ?? ownSaved;
  const unsaved = useMemo(() => unsavedItems(entries, saved), [entries, saved]);
  // "✓ Confirmed" means saved (or confirmed by the record): an unsaved entry is shown unconfirmed.
  const shown = useMemo(() => withUnsavedUnconfirmed(report, unsaved), [report, unsaved]);
  useLeaveWarning(unsaved.length > 0);
  const painted = usePainted();
  const showCards = painted || props.cardsAfterFirstPaint !== true;
  const { onSave, onSaved } = props;
  // The one save path (SaveAssessment → onSave); its success makes the saved entries the new baseline.
  const save = useMemo(
    () =>
      onSave
        ? async (r: ScoreReport, e: ClinicianEntries, when?: AssessmentTiming) => {
            await onSave(r, e, when);
            if (onSaved) onSaved(e);
            else setOwnSaved(e);
          }
        : undefined,
    [onSave, onSaved],
  );
  // What both item cards take besides their report: the entries, their updates, and the searches not read.
  const itemCard = <S extends ItemScore>(score: S) => ({
    entries: entries[score],
    onEntry: (item: EntryItem<S>, value: string | null) => onEntriesChange(withItemEntry(entries, score, item, value)),
    unavailable,
    onRetry: props.onRecordChanged,
  });
  return (
    <div className="clinician-view">
      <header className="toolbar">
        <h1>{t("app.title")}</h1>
        <div className="toolbar-actions">
          <LocaleSwitch onChange={props.onLocaleChange} />
          <PrintSection
            userName={props.userName}
            report={shown}
            showBanner={props.showBanner}
            {...(props.now ? { now: props.now } : {})}
            {...(props.print ? { print: props.print } : {})}
          />
        </div>
      </header>
      <main>
        {props.showBanner ? <PatientBanner patient={report.patient} /> : null}
        <VerdictStrip report={report} />
        {report.partial ? (
          <p className="partial-warning" role="status" data-testid="partial-warning">
            <span aria-hidden="true">! </span>
            {t("app.partial")}
          </p>
        ) : null}
        <PrintSheetSlot />
        {showCards ? (
          <div className="cards">
            <div className="panel">
              <PanelNotice panel="segment" unavailable={unavailable} />
              <SegmentGroupCard
                segmentGroup={report.segmentGroup}
                applicability={report.applicability}
                enBlocPlanned={entries.enBlocPlanned ?? null}
                onEnBlocPlanned={(planned) => onEntriesChange(withEnBlocPlanned(entries, planned))}
              />
            </div>
            <div className="panel">
              <PanelNotice panel="sins" unavailable={unavailable} />
              <SinsCard sins={shown.sins} {...itemCard("sins")} />
            </div>
            <div className="panel">
              <PanelNotice panel="tokuhashi" unavailable={unavailable} />
              <TokuhashiCard tokuhashi={shown.tokuhashi} {...itemCard("tokuhashi")} />
            </div>
            <div
              className={unsaved.length > 0 ? "save-bar save-bar-dirty no-print" : "save-bar no-print"}
              data-testid="save-bar"
            >
              <UnsavedStatus unsaved={unsaved} />
              <SaveAssessment report={report} entries={entries} onSave={save} />
            </div>
            <div className="panel panel-wide">
              <PanelNotice panel="qol" unavailable={unavailable} />
              <DeferredQolCourse qol={report.qol} />
            </div>
            {props.loadFormsPanel ? (
              <FormsSlot load={props.loadFormsPanel} onStored={props.onRecordChanged ?? (() => undefined)} />
            ) : null}
            <DiagnosticsDrawer diagnostics={report.diagnostics} />
          </div>
        ) : (
          <div className="cards" aria-busy="true" data-testid="cards-pending" />
        )}
      </main>
    </div>
  );
}

/** The QOL course once the view has painted; until then its heading (the strip links to it) and an empty card. */
function DeferredQolCourse({ qol }: { qol: ScoreReport["qol"] }) {
  const { t } = useTranslator();
  const charts = useAfterFirstPaint(loadQol);
  if (charts.state === "ready") return <charts.module.QolCourse qol={qol} />;
  return (
    <section
      className="card qol-card"
      aria-labelledby="qol-heading"
      aria-busy={charts.state === "waiting"}
      data-testid="qol-pending"
    >
      <h2 id="qol-heading">{t("app.qol.title")}</h2>
      {charts.state === "failed" ? (
        <p role="alert">
          {t("app.fault.unexpected.title")}.{" "}
          <button type="button" onClick={charts.retry}>
            {t("app.fault.retry")}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** While there are unsaved changes, leaving or reloading the page asks first (the listener only while dirty). */
function useLeaveWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      // Cancelling the event is what asks (HTML's beforeunload; returnValue is deprecated).
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}

/** "2 unsaved changes: Pain, Palsy" — announced politely; empty (and hidden) when everything is saved. */
function UnsavedStatus({ unsaved }: { unsaved: readonly UnsavedItem[] }) {
  const { t } = useTranslator();
  const names = unsaved.map((u) => t(u.score === "sins" ? SINS_ITEM_LABEL[u.item] : TOKUHASHI_ITEM_LABEL[u.item]));
  return (
    <p role="status" className="unsaved-status" data-testid="unsaved-status">
      {unsaved.length > 0 ? (
        <>
          <strong data-testid="unsaved-count">{t("app.unsaved", { n: unsaved.length })}</strong>{" "}
          <span className="unsaved-items">{t("app.unsaved.items", { items: names.join(", ") })}</span>
        </>
      ) : null}
    </p>
  );
}

/** The questionnaires: loaded only when the clinician opens them (keeps the first load small). */
function FormsSlot({
  load,
  onStored,
}: {
  load: () => Promise<{ default: ComponentType<FormsSlotProps> }>;
  onStored: () => void;
}) {
  const { t } = useTranslator();
  const [Panel] = useState(() => lazy(load));
  const [open, setOpen] = useState(false);
  return (
    <section className="card no-print" aria-labelledby="forms-heading">
      <h2 id="forms-heading">{t("app.forms.title")}</h2>
      {open ? (
        <Suspense fallback={<p role="status">{t("app.forms.loading")}</p>}>
          <Panel onStored={onStored} />
        </Suspense>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t("app.forms.open")}
        </button>
      )}
    </section>
  );
}
