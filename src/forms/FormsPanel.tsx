/**
 * The clinician's questionnaires (lazy-loaded by the UI): pick an instrument, fill it in, submit; the
 * unsent drafts of this patient and user with their state; "Hand to patient" opens patient mode.
 * Submitted drafts left from before a reload are sent again once when the panel opens.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { QuestionnaireResponse } from "fhir/r4";
import type { LaunchContext } from "../fhir/context";
import type { MessageKey, MessageParams } from "../i18n";
import { useTranslator } from "../i18n/react";
import { INSTRUMENTS, type Instrument } from "../questionnaires/contract";
import { DEFAULT_VALUE_SET } from "../scores";
import {
  browserSessionStorage,
  DraftStore,
  hasUnsent,
  isPending,
  type Draft,
  type DraftFailure,
  type DraftStorage,
} from "../writeback/drafts";
import { sendDraft, sendPending, type OutboxDeps } from "../writeback/outbox";
import { translated, type Answers } from "../questionnaires/items";
import { appQuestionnaire } from "../writeback/questionnaires";
import type { SubmitOutcome } from "../writeback/submit";
import type { FhirSend } from "../writeback/transport";
import { eq5dOverlay, loadEq5dWording, WORDING_FILE, type Eq5dWording } from "./eq5d-wording";
import { codeHash, newSalt, useHandover, writeHandover, type Handover, type PatientInstrument } from "./handover";
import { ActiveForm } from "./ActiveForm";
import { HandOverSetup } from "./HandOverSetup";
import PatientMode from "./PatientMode";
import {
  asSentence,
  browserClock,
  newDraft,
  outcomeMessage,
  type SessionClock,
  type WriteContext,
} from "./form-session";
import { useUnsentWarning } from "./useFormSession";
import "./forms.css";

export interface FormsPanelProps {
  /** How to reach the FHIR server: `clientSend(client)` from src/writeback/transport (fhirRequest underneath). */
  send: FhirSend;
  /** From `launchContext(client)`. */
  launch: Pick<
    LaunchContext,
    | "serverUrl"
    | "patientId"
    | "encounterId"
    | "fhirUser"
    | "canWrite"
    | "canReadQuestionnaire"
    | "canWriteQuestionnaire"
  >;
  /** EQ-5D-5L value set for the stored index (default Japan_cTTO_fullPrecision). */
  valueSetId?: string;
  /** The deployment's EQ-5D-5L wording file (default "eq5d5l-wording.json" beside the app); null: do not look. */
  wordingUrl?: string | null;
  /** After a response is stored (e.g. reload the record so that the report shows it). */
  onStored?: (response: QuestionnaireResponse) => void;
  /** Tests: storage (default sessionStorage) and clock. */
  storage?: DraftStorage | null;
  clock?: SessionClock;
}

type Status = { key: MessageKey; params?: MessageParams | undefined; problem: boolean } | null;

function failureKey(failure: DraftFailure): MessageKey {
  switch (failure) {
    case "unsent":
      return "forms.status.unsent";
    case "questionnaire-missing":
      return "forms.status.questionnaireMissing";
    case "forbidden":
      return "forms.status.forbidden";
    case "not-permitted":
      return "forms.status.noWrite";
    case "wrong-context":
      return "forms.status.wrongContext";
    case "rejected":
      return "forms.status.rejected";
    case "session-ended":
      return "forms.status.sessionEnded";
    case "invalid":
      return "forms.status.invalid";
  }
}

/** A submitted draft may be edited again only when the server certainly did not store it. */
function editable(d: Draft): boolean {
  const refused: (DraftFailure | null)[] = [
    "rejected",
    "forbidden",
    "not-permitted",
    "questionnaire-missing",
    "wrong-context",
  ];
  return !isPending(d) || refused.includes(d.lastFailure);
}

/** The licensed wording: undefined while it is being looked for, null when there is none. */
function useWording(url: string | null): Eq5dWording | null | undefined {
  const [wording, setWording] = useState<Eq5dWording | null | undefined>(url === null ? null : undefined);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    void loadEq5dWording(url).then((w) => {
      if (live) setWording(w);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return wording;
}

export default function FormsPanel(props: FormsPanelProps) {
  const { t } = useTranslator();
  const { serverUrl, patientId, encounterId, fhirUser } = props.launch;
  if (!patientId) {
    return (
      <p className="qf-status qf-status-problem" role="alert">
        {t("forms.status.noPatient")}
      </p>
    );
  }
  const context: WriteContext = { serverUrl, patientId, encounterId, fhirUser };
  return <PanelOrPatient {...props} context={context} />;
}

/**
 * While the device is handed over (src/forms/handover.ts, kept in sessionStorage) only patient mode is rendered,
 * also when the panel mounts after a reload; the panel comes back once the clinician typed the code.
 */
function PanelOrPatient(props: FormsPanelProps & { context: WriteContext }) {
  const handover = useHandover();
  const wording = useWording(props.wordingUrl === undefined ? WORDING_FILE : props.wordingUrl);
  // Responses stored while the patient holds the device: the record is re-read only once the clinician is back
  // (re-reading it at once would bring back the clinician's view).
  const storedWhileHandedOver = useRef<QuestionnaireResponse[]>([]);
  const [returned, setReturned] = useState<Status>(null);
  if (handover) {
    return (
      <PatientMode
        send={props.send}
        context={props.context}
        mayReadQuestionnaire={props.launch.canReadQuestionnaire}
        mayCreateQuestionnaire={props.launch.canWriteQuestionnaire}
        canWrite={props.launch.canWrite}
        handover={handover}
        valueSetId={props.valueSetId ?? DEFAULT_VALUE_SET}
        wording={wording}
        storage={props.storage === undefined ? browserSessionStorage() : props.storage}
        {...(props.clock ? { clock: props.clock } : {})}
        onStored={(response) => storedWhileHandedOver.current.push(response)}
        onExit={() => {
          const stored = storedWhileHandedOver.current;
          storedWhileHandedOver.current = [];
          const last = stored[stored.length - 1];
          if (last) {
            setReturned({ key: "forms.status.stored", problem: false });
            props.onStored?.(last);
          }
        }}
      />
    );
  }
  return <Panel {...props} wording={wording} initialStatus={returned} />;
}

function Panel(
  props: FormsPanelProps & { context: WriteContext; wording: Eq5dWording | null | undefined; initialStatus: Status },
) {
  const { t, locale, dateTime } = useTranslator();
  const { context } = props;
  const clock = props.clock ?? browserClock;
  const calc = useMemo(() => ({ valueSetId: props.valueSetId ?? DEFAULT_VALUE_SET }), [props.valueSetId]);
  const store = useMemo(
    () =>
      new DraftStore(
        { serverUrl: context.serverUrl, patientId: context.patientId, userId: context.fhirUser },
        props.storage === undefined ? browserSessionStorage() : props.storage,
      ),
    [context.serverUrl, context.patientId, context.fhirUser, props.storage],
  );
  const outbox: OutboxDeps = useMemo(
    () => ({
      send: props.send,
      questionnaire: appQuestionnaire,
      mayReadQuestionnaire: props.launch.canReadQuestionnaire,
      mayCreateQuestionnaire: props.launch.canWriteQuestionnaire,
      canWrite: props.launch.canWrite,
    }),
    [props.send, props.launch.canReadQuestionnaire, props.launch.canWriteQuestionnaire, props.launch.canWrite],
  );
  const wording = props.wording;
  // The drafts as stored: re-rendered whenever any store of the page writes one.
  const stored = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [open, setOpen] = useState<Draft | null>(null);
  const [status, setStatus] = useState<Status>(props.initialStatus);
  const [settingUp, setSettingUp] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState<string | null>(null);
  const onStored = props.onStored;
  // Hand over only what can be asked properly: the pain VAS (the app's own wording) and, with the licensed wording
  // in the user's language, the EQ-5D-5L. The clinician-rated scores are never handed to a patient.
  const eq5dLicensed = eq5dOverlay(wording ?? null, locale) !== null;
  const offered: PatientInstrument[] = eq5dLicensed ? ["eq5d5l", "pain-vas"] : ["pain-vas"];

  const handOver = (timepoint: Answers, code: string): void => {
    const ids: Partial<Record<PatientInstrument, string>> = {};
    for (const instrument of offered) {
      const draft = newDraft(instrument, true, clock, timepoint);
      store.put(draft);
      ids[instrument] = draft.id;
    }
    const salt = newSalt();
    const handover: Handover = {
      v: 1,
      serverUrl: context.serverUrl,
      patientId: context.patientId,
      instruments: offered,
      drafts: ids,
      salt,
      codeHash: codeHash(salt, code),
      position: 0,
      finished: false,
      failures: 0,
      lockedUntil: 0,
    };
    setSettingUp(false);
    writeHandover(handover);
  };

  const report = useCallback(
    (outcome: SubmitOutcome, response: QuestionnaireResponse | null) => {
      const [key, params] = outcomeMessage(outcome);
      setStatus({ key, params, problem: outcome.kind !== "stored" });
      if (outcome.kind === "stored" && response) onStored?.(response);
    },
    [onStored],
  );

  const resend = useCallback(
    (draft: Draft) => {
      const response = draft.response;
      void sendDraft(store, draft, outbox).then((o) => report(o, response));
    },
    [store, outbox, report],
  );

  // Drafts submitted before a reload: sent again, once.
  const resent = useRef(false);
  useEffect(() => {
    if (resent.current || !props.launch.canWrite) return;
    resent.current = true;
    const pending = store.list().filter((d) => d.response && d.lastFailure !== "rejected");
    if (pending.length === 0) return;
    const responses = new Map(pending.map((d) => [d.id, d.response]));
    void sendPending(store, outbox).then((results) => {
      for (const [id, outcome] of results) report(outcome, responses.get(id) ?? null);
    });
  }, [store, outbox, report, props.launch.canWrite]);

  const drafts = stored.filter((d) => d.id !== open?.id);
  useUnsentWarning(hasUnsent(stored));

  const title = (i: Instrument): string => {
    const q = appQuestionnaire(i);
    return translated(q.title, q._title, locale);
  };

  return (
    <div className="forms-panel">
      {!props.launch.canWrite ? (
        <p className="qf-status qf-status-problem" role="note" data-testid="forms-no-write">
          {t("forms.status.noWrite")}
        </p>
      ) : null}
      <div className="forms-toolbar">
        <div>
          <label htmlFor="forms-instrument">{t("forms.choose")}</label>
          <select
            id="forms-instrument"
            value={open?.instrument ?? ""}
            aria-describedby="forms-instrument-hint"
            onChange={(e) => {
              const instrument = INSTRUMENTS.find((i) => i === e.currentTarget.value);
              setStatus(null);
              if (!instrument) {
                setOpen(null);
                return;
              }
              // One draft per form in the session: answers waiting for the server are shown, not doubled; answers
              // being filled in are continued.
              const mine = stored.filter((d) => d.instrument === instrument && !d.selfReport);
              if (mine.some((d) => isPending(d) && !editable(d))) {
                setOpen(null);
                setStatus({ key: "forms.status.pendingExists", problem: true });
                return;
              }
              setOpen(mine.find((d) => !isPending(d)) ?? newDraft(instrument, false, clock));
            }}
          >
            <option value="">{t("forms.select.placeholder")}</option>
            {INSTRUMENTS.map((i) => (
              <option key={i} value={i}>
                {title(i)}
              </option>
            ))}
          </select>
          <p id="forms-instrument-hint" className="qf-hint">
            {t("forms.choose.hint")}
          </p>
        </div>
        <button type="button" className="qf-button" aria-expanded={settingUp} onClick={() => setSettingUp(true)}>
          {t("forms.patient.handOver")}
        </button>
      </div>

      <p
        className={`qf-status${status?.problem ? " qf-status-problem" : ""}`}
        role={status?.problem ? "alert" : "status"}
      >
        {status ? t(status.key, status.params) : ""}
      </p>

      {settingUp ? (
        <HandOverSetup
          timepointQuestionnaire={appQuestionnaire("pain-vas")}
          instruments={offered}
          eq5dWithheld={wording === undefined ? null : !eq5dLicensed}
          calculation={calc}
          onCancel={() => setSettingUp(false)}
          onStart={handOver}
        />
      ) : null}

      {open ? (
        <ActiveForm
          key={open.id}
          draft={open}
          store={store}
          outbox={outbox}
          context={context}
          calc={calc}
          clock={clock}
          title={title(open.instrument)}
          wording={wording ?? null}
          onClose={() => setOpen(null)}
          onSent={(attempt, response) => {
            if (attempt.kind === "invalid") {
              setStatus({ key: "forms.status.invalid", problem: true });
              return;
            }
            report(attempt.outcome, response);
            if (attempt.outcome.kind === "stored") setOpen(null);
          }}
        />
      ) : null}

      {drafts.length > 0 ? (
        <section className="qf-drafts" aria-labelledby="forms-drafts-title">
          <h3 id="forms-drafts-title">{t("forms.drafts.title")}</h3>
          <p className="qf-hint">{t("forms.drafts.hint")}</p>
          <ul>
            {drafts.map((d) => (
              <li key={d.id} data-testid={`draft-${d.id}`}>
                <span className="qf-draft-title">{title(d.instrument)}</span>
                <span className="tag">{isPending(d) ? t("forms.drafts.pending") : t("forms.drafts.editing")}</span>
                {d.selfReport ? <span className="tag">{t("forms.drafts.selfReport")}</span> : null}
                <span className="tag">{t("forms.drafts.updated", { time: dateTime(new Date(d.updatedAt)) })}</span>
                {d.lastFailure ? (
                  <p className="qf-draft-problem">
                    {d.lastFailure === "rejected"
                      ? t("forms.status.rejected", { message: asSentence(d.failureMessage ?? "") })
                      : t(failureKey(d.lastFailure))}
                  </p>
                ) : null}
                {isPending(d) ? (
                  <button type="button" className="qf-button" onClick={() => resend(d)}>
                    {t("forms.drafts.sendAgain")}
                  </button>
                ) : null}
                {editable(d) ? (
                  <button
                    type="button"
                    className="qf-button"
                    onClick={() => {
                      setStatus(null);
                      setOpen(d);
                    }}
                  >
                    {t("forms.drafts.resume")}
                  </button>
                ) : null}
                {confirmDiscard === d.id ? (
                  <>
                    <button
                      type="button"
                      className="qf-button"
                      onClick={() => {
                        store.remove(d.id);
                        setConfirmDiscard(null);
                      }}
                    >
                      {t("forms.drafts.confirmDiscard")}
                    </button>
                    <button type="button" className="qf-button" onClick={() => setConfirmDiscard(null)}>
                      {t("forms.drafts.keep")}
                    </button>
                  </>
                ) : (
                  <button type="button" className="qf-button" onClick={() => setConfirmDiscard(d.id)}>
                    {t("forms.drafts.discard")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
