import { lazy, Suspense, useState, type ComponentType } from "react";
import type { FormsSlotProps } from "./App";
import type { ClinicianEntries, ScoreReport } from "../report/types";
import type { Locale } from "../i18n";
import { useTranslator } from "../i18n/react";
import { DiagnosticsDrawer } from "./DiagnosticsDrawer";
import { withEnBlocPlanned, withSinsEntry, withTokuhashiEntry } from "./entries";
import { PanelNotice } from "./FaultView";
import type { UnavailableSearch } from "./faults";
import { LocaleSwitch } from "./LocaleSwitch";
import { PatientBanner } from "./PatientBanner";
import { PrintSection } from "./print/PrintSection";
import { QolCourse } from "./qol/QolCourse";
import { SaveAssessment } from "./SaveAssessment";
import { SinsCard } from "./score/SinsCard";
import { TokuhashiCard } from "./score/TokuhashiCard";
import { SegmentGroupCard } from "./SegmentGroupCard";
import { VerdictStrip } from "./VerdictStrip";

export interface ClinicianViewProps {
  /** The report for the current entries (re-run scoreReport on every change of `entries`). */
  report: ScoreReport;
  entries: ClinicianEntries;
  onEntriesChange(next: ClinicianEntries): void;
  /** False when the EHR shows its own patient banner (need_patient_banner = false). */
  showBanner: boolean;
  /** The signed-in user's name (fhirUser), for the tumour-board page. */
  userName: string | null;
  onLocaleChange(locale: Locale): void;
  /** Searches that could not be read (scope missing, server busy): flagged on the panels that need them. */
  unavailable?: readonly UnavailableSearch[];
  /** Saves the assessment (SINS and Tokuhashi answers) through the write-back module; absent = not available. */
  onSave?: ((report: ScoreReport, entries: ClinicianEntries) => Promise<void>) | undefined;
  /** The questionnaires panel (lazy-loaded by the caller's loader), shown on demand. */
  loadFormsPanel?: (() => Promise<{ default: ComponentType<FormsSlotProps> }>) | undefined;
  /** The record changed (a questionnaire was stored): read it again, keeping the entries. */
  onRecordChanged?: (() => void) | undefined;
  now?: () => Date;
  print?: () => void;
}

/** The clinician's view of one patient: banner, segment group, SINS, Tokuhashi, QOL course, data notes. */
export function ClinicianView(props: ClinicianViewProps) {
  const { t } = useTranslator();
  const { report, entries, onEntriesChange } = props;
  const unavailable = props.unavailable ?? [];
  return (
    <div className="clinician-view">
      <header className="toolbar">
        <h1>{t("app.title")}</h1>
        <div className="toolbar-actions">
          <LocaleSwitch onChange={props.onLocaleChange} />
          <PrintSection
            userName={props.userName}
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
          <SinsCard
            sins={report.sins}
            entries={entries.sins}
            onEntry={(item, value) => onEntriesChange(withSinsEntry(entries, item, value))}
          />
        </div>
        <div className="panel">
          <PanelNotice panel="tokuhashi" unavailable={unavailable} />
          <TokuhashiCard
            tokuhashi={report.tokuhashi}
            entries={entries.tokuhashi}
            onEntry={(item, value) => onEntriesChange(withTokuhashiEntry(entries, item, value))}
          />
        </div>
        <SaveAssessment report={report} entries={entries} onSave={props.onSave} />
        <div className="panel panel-wide">
          <PanelNotice panel="qol" unavailable={unavailable} />
          <QolCourse qol={report.qol} />
        </div>
        {props.loadFormsPanel ? (
          <FormsSlot load={props.loadFormsPanel} onStored={props.onRecordChanged ?? (() => undefined)} />
        ) : null}
        <DiagnosticsDrawer diagnostics={report.diagnostics} />
      </div>
      </main>
    </div>
  );
}

/** The questionnaires: loaded only when the clinician opens them (keeps the first load small). */
function FormsSlot({
  load,
  onStored,
}: {
  load: () => Promise<{ default: ComponentType<FormsSlotProps> }>;
  onStored(): void;
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
