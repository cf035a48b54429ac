/**
 * src/ui: the clinician's React view, its QOL charts and the tumour-board print sheet. It renders what the report
 * says and never scores, reads FHIR or imports fhirclient (the data access is src/fhir, the words src/i18n).
 * This file: the app's shell — loading, fault screens, language, the entries kept across record reloads.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type ComponentType } from "react";
import type { ClinicianEntries, ScoreReport } from "../report/types";
import { createTranslator, pickLocale, type Locale } from "../i18n";
import {
  browserPreferences,
  readLocalePreference,
  writeLocalePreference,
  type PreferenceStorage,
} from "./localePreference";
import { TranslatorProvider, useTranslator } from "../i18n/react";
import { FaultView } from "./FaultView";
import { HandedOver } from "../forms/HandedOver";
import { useHandedOver } from "../forms/handover";
import type { AppFault, UnavailableSearch } from "./faults";

/** One launched patient: how to score (re-run on every clinician entry) and what the launch said. */
export interface Session {
  /** The ScoreReport for these clinician entries (scoreReport of src/extract with ReportOptions.clinician). */
  score: (entries: ClinicianEntries) => ScoreReport;
  /** need_patient_banner from the launch context (default true). */
  needPatientBanner: boolean;
  /** The launch context's locale (e.g. "ja-JP"), if any. */
  locale: string | null;
  /** The signed-in user's display name (fhirUser), if known. */
  userName: string | null;
  unavailable?: readonly UnavailableSearch[];
  save?: ((report: ScoreReport, entries: ClinicianEntries) => Promise<void>) | undefined;
  loadFormsPanel?: (() => Promise<{ default: ComponentType<FormsSlotProps> }>) | undefined;
}

/** What the view hands the questionnaires panel: a way to say "the record changed, read it again". */
export interface FormsSlotProps {
  onStored: () => void;
}

export type LoadResult = { ok: true; session: Session } | { ok: false; fault: AppFault };

export interface AppProps {
  /** Loads the patient (SMART ready → record → evidence); called again on "Try again". */
  load: () => Promise<LoadResult>;
  /** The browser's languages (navigator.languages), after the launch context's. */
  browserLocales?: readonly string[];
  /** Where the language choice is kept (localStorage; injectable for tests). */
  preferences?: PreferenceStorage | null;
  /** The verdict strip painted alone first, the cards one frame later (ClinicianViewProps.cardsAfterFirstPaint). */
  cardsAfterFirstPaint?: boolean;
}

/**
 * The view is its own chunk: the first paint (loading, faults) needs only this shell, and the view's code
 * downloads while the launch and the FHIR searches run (App starts the import at once). The ready state holds
 * the loaded view, not a React.lazy: a lazy component suspends on its first render even when its chunk is in,
 * and React then holds the reveal back (up to 300 ms) and renders it in time slices — after the data arrived.
 */
type ViewModule = typeof import("./ClinicianView");
const loadView = (): Promise<ViewModule> => import("./ClinicianView");

type State =
  | { kind: "loading" }
  | { kind: "fault"; fault: AppFault }
  | { kind: "ready"; session: Session; View: ViewModule["ClinicianView"] };

/** The app: loading, a fault, or the clinician's view; English or Japanese (launch context, then browser, then switch). */
export function App({
  load,
  browserLocales = [],
  preferences = browserPreferences(),
  cardsAfterFirstPaint = false,
}: AppProps) {
  const [state, setState] = useState<State>({ kind: "loading" });
  // A language the clinician chose earlier outranks the launch's and the browser's.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(() => readLocalePreference(preferences));
  const chooseLocale = useCallback(
    (next: Locale) => {
      writeLocalePreference(preferences, next);
      setChosenLocale(next);
    },
    [preferences],
  );
  // Each change reads the record again. A refresh (after a questionnaire was stored) keeps the view (and its open
  // panel and messages) on screen until the new record is in; a first load or a retry after a fault shows loading.
  const [attempt, setAttempt] = useState(0);
  // Kept here, not in the view: a reload of the record (after a questionnaire was stored) keeps the entries.
  const [entries, setEntries] = useState<ClinicianEntries>({});
  // The entries as last saved ("Save assessment" succeeded): any entry differing from them is unsaved.
  const [savedEntries, setSavedEntries] = useState<ClinicianEntries>({});

  useEffect(() => {
    // Preload the view and the parts it shows after its first paint; a failure shows when the record is in.
    loadView().then(
      (m) => m.preloadDeferred(),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    let live = true;
    const unexpected = () => {
      if (live) setState({ kind: "fault", fault: { kind: "unexpected" } });
    };
    load().then((result) => {
      if (!live) return;
      if (!result.ok) {
        setState({ kind: "fault", fault: result.fault });
        return;
      }
      // The view's chunk is usually in by now (preloaded above): the import then resolves at once.
      loadView().then((m) => {
        if (live) setState({ kind: "ready", session: result.session, View: m.ClinicianView });
      }, unexpected);
    }, unexpected);
    return () => {
      live = false;
    };
  }, [load, attempt]);

  const launchLocale = state.kind === "ready" ? state.session.locale : null;
  const locale = chosenLocale ?? pickLocale([launchLocale, ...browserLocales]);
  const translator = useMemo(() => createTranslator(locale), [locale]);
  // With the DOM commit, not after paint: text in one language is never announced under the other's lang.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.title = translator.t("app.title");
  }, [locale, translator]);
  const retry = useCallback(() => {
    setState({ kind: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <TranslatorProvider translator={translator}>
      {state.kind === "loading" ? (
        <Loading />
      ) : state.kind === "fault" ? (
        <main className="fault-page">
          {/* One screen per attempt: a server's wait counts from the answer that asked for it. */}
          <FaultView key={attempt} fault={state.fault} onRetry={retry} />
        </main>
      ) : (
        <ReadyView
          View={state.View}
          session={state.session}
          entries={entries}
          onEntriesChange={setEntries}
          savedEntries={savedEntries}
          onSaved={setSavedEntries}
          onLocaleChange={chooseLocale}
          onRecordChanged={refresh}
          cardsAfterFirstPaint={cardsAfterFirstPaint}
        />
      )}
    </TranslatorProvider>
  );
}

function Loading() {
  const { t } = useTranslator();
  return (
    <main className="loading">
      <p role="status" data-testid="loading">
        {t("app.loading")}
      </p>
    </main>
  );
}

/** Holds the clinician's entries; each change re-scores at once. */
function ReadyView({
  View,
  session,
  entries,
  onEntriesChange,
  savedEntries,
  onSaved,
  onLocaleChange,
  onRecordChanged,
  cardsAfterFirstPaint,
}: {
  View: ViewModule["ClinicianView"];
  session: Session;
  entries: ClinicianEntries;
  onEntriesChange: (next: ClinicianEntries) => void;
  savedEntries: ClinicianEntries;
  onSaved: (entries: ClinicianEntries) => void;
  onLocaleChange: (locale: Locale) => void;
  onRecordChanged: () => void;
  cardsAfterFirstPaint: boolean;
}) {
  const report = useMemo(() => session.score(entries), [session, entries]);
  // While the device is with the patient (after a reload too) the clinician's view is not rendered at all.
  const handedOver = useHandedOver();
  if (handedOver) return <HandedOver load={session.loadFormsPanel} onStored={onRecordChanged} />;
  return (
    <View
      report={report}
      entries={entries}
      onEntriesChange={onEntriesChange}
      savedEntries={savedEntries}
      onSaved={onSaved}
      showBanner={session.needPatientBanner}
      userName={session.userName}
      onLocaleChange={onLocaleChange}
      unavailable={session.unavailable ?? []}
      onSave={session.save}
      loadFormsPanel={session.loadFormsPanel}
      onRecordChanged={onRecordChanged}
      cardsAfterFirstPaint={cardsAfterFirstPaint}
    />
  );
}
