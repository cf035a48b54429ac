/**
 * Patient self-report mode: the patient answers, one question per screen, what the clinician handed over
 * (src/forms/handover.ts: the pain VAS, and the EQ-5D-5L with its EQ VAS only when the licensed wording is
 * installed). The whole screen is taken (the rest of the page inert and hidden from assistive technology; the app
 * does not render the clinician's view at all while handed over), no score and nothing from the record is shown,
 * targets are large, answers are kept when going back and across a reload, and leaving needs the code the
 * clinician set. The responses record the Patient as source (the signed-in user as the author who recorded).
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from "fhir/r4";
import { useTranslator } from "../i18n/react";
import { COMMON_LINKS } from "../questionnaires/contract";
import { DEFAULT_VALUE_SET } from "../scores";
import { browserSessionStorage, DraftStore, hasUnsent, type DraftStorage } from "../writeback/drafts";
import type { OutboxDeps } from "../writeback/outbox";
import { calculation } from "../questionnaires/items";
import { appQuestionnaire } from "../writeback/questionnaires";
import type { FhirSend } from "../writeback/transport";
import type { AnswerIssue } from "../writeback/validate";
import { eq5dOverlay, type Eq5dWording } from "./eq5d-wording";
import { ExitDialog } from "./ExitDialog";
import { clearHandover, updateHandover, type Handover, type PatientInstrument } from "./handover";
import { QuestionnaireForm } from "./QuestionnaireForm";
import {
  browserClock,
  checkDraft,
  newDraft,
  type SessionClock,
  type SubmitAttempt,
  type WriteContext,
} from "./form-session";
import { useFormSession, useUnsentWarning } from "./useFormSession";
import "./forms.css";

export interface PatientModeProps {
  /** clientSend(client) from src/writeback/transport. */
  send: FhirSend;
  context: WriteContext;
  /** The launch allows reading Questionnaires (LaunchContext.canReadQuestionnaire). */
  mayReadQuestionnaire: boolean;
  /** The launch allows creating Questionnaires (LaunchContext.canWriteQuestionnaire). */
  mayCreateQuestionnaire: boolean;
  /** The launch allows writing QuestionnaireResponses (LaunchContext.canWrite); without it nothing is sent. */
  canWrite: boolean;
  /** What was handed over (readHandover()/useHandover()). */
  handover: Handover;
  /** After the clinician typed the right code (the hand-over is cleared already). */
  onExit: () => void;
  /** EQ-5D-5L value set for the stored index (default Japan_cTTO_fullPrecision). */
  valueSetId?: string;
  /** The licensed wording: null when there is none, undefined while it is being looked for. */
  wording?: Eq5dWording | null | undefined;
  /** Tests: storage and clocks. */
  storage?: DraftStorage | null;
  clock?: SessionClock;
  now?: () => number;
  /**
   * Called for each response the server stored. It may come while the patient still holds the device: the
   * caller must not leave patient mode or show the record because of it (FormsPanel waits for onExit).
   */
  onStored?: (response: QuestionnaireResponse) => void;
}

const TIMEPOINT_LINKS = new Set<string>([COMMON_LINKS.timepoint, COMMON_LINKS.timepointDate]);

/** The questions a patient answers: not the timepoint (the clinician's), not calculated, not notes. */
function patientQuestions(q: Questionnaire): QuestionnaireItem[] {
  const out: QuestionnaireItem[] = [];
  const walk = (items: readonly QuestionnaireItem[] | undefined): void => {
    for (const item of items ?? []) {
      if (item.type === "group") walk(item.item);
      else if (
        item.type !== "display" &&
        !TIMEPOINT_LINKS.has(item.linkId) &&
        !(calculation(item) !== null && item.readOnly)
      )
        out.push(item);
    }
  };
  walk(q.item);
  return out;
}

const sameServer = (a: string, b: string): boolean => a.replace(/\/+$/, "") === b.replace(/\/+$/, "");

/** Makes everything else on the page inert while `keep` is shown, and restores it afterwards. */
function useInertSiblings(keep: HTMLElement | null): void {
  useEffect(() => {
    if (!keep) return;
    const changed: { el: Element; inert: string | null; hidden: string | null }[] = [];
    for (const el of Array.from(document.body.children)) {
      if (el === keep) continue;
      changed.push({ el, inert: el.getAttribute("inert"), hidden: el.getAttribute("aria-hidden") });
      el.setAttribute("inert", "");
      el.setAttribute("aria-hidden", "true");
    }
    return () => {
      for (const { el, inert, hidden } of changed) {
        if (inert === null) el.removeAttribute("inert");
        else el.setAttribute("inert", inert);
        if (hidden === null) el.removeAttribute("aria-hidden");
        else el.setAttribute("aria-hidden", hidden);
      }
    };
  }, [keep]);
}

export default function PatientMode(props: PatientModeProps) {
  const { t, locale } = useTranslator();
  const { handover } = props;
  const clock = props.clock ?? browserClock;
  const calc = useMemo(() => ({ valueSetId: props.valueSetId ?? DEFAULT_VALUE_SET }), [props.valueSetId]);
  const { serverUrl, patientId, fhirUser } = props.context;
  const store = useMemo(
    () =>
      new DraftStore(
        { serverUrl, patientId, userId: fhirUser },
        props.storage === undefined ? browserSessionStorage() : props.storage,
      ),
    [serverUrl, patientId, fhirUser, props.storage],
  );
  const outbox: OutboxDeps = useMemo(
    () => ({
      send: props.send,
      questionnaire: appQuestionnaire,
      mayReadQuestionnaire: props.mayReadQuestionnaire,
      mayCreateQuestionnaire: props.mayCreateQuestionnaire,
      canWrite: props.canWrite,
    }),
    [props.send, props.mayReadQuestionnaire, props.mayCreateQuestionnaire, props.canWrite],
  );
  const questionnaires = useMemo(
    () => ({ eq5d5l: appQuestionnaire("eq5d5l"), "pain-vas": appQuestionnaire("pain-vas") }),
    [],
  );
  // The drafts the clinician started with the timepoint (kept in sessionStorage, so a reload finds them).
  const [drafts] = useState(() => ({
    eq5d5l: store.get(handover.drafts.eq5d5l ?? "") ?? newDraft("eq5d5l", true, clock),
    "pain-vas": store.get(handover.drafts["pain-vas"] ?? "") ?? newDraft("pain-vas", true, clock),
  }));
  const common = { store, outbox, context: props.context, calc, clock };
  const sessions = {
    eq5d5l: useFormSession({ ...common, draft: drafts.eq5d5l, questionnaire: questionnaires.eq5d5l }),
    "pain-vas": useFormSession({ ...common, draft: drafts["pain-vas"], questionnaire: questionnaires["pain-vas"] }),
  };

  const overlay = eq5dOverlay(props.wording ?? null, locale);
  const waitingForWording = props.wording === undefined && handover.instruments.includes("eq5d5l");
  // Only what can be asked properly: the EQ-5D-5L only in its licensed wording; nothing for another launch.
  const mine = handover.patientId === patientId && sameServer(handover.serverUrl, serverUrl);
  const instruments = mine ? handover.instruments.filter((i) => i !== "eq5d5l" || overlay !== null) : [];
  const steps = instruments.flatMap((instrument: PatientInstrument) =>
    patientQuestions(questionnaires[instrument]).map((item) => ({ instrument, item })),
  );

  const [position, setPositionState] = useState(handover.position);
  const [finished, setFinished] = useState(handover.finished);
  const [issues, setIssues] = useState<AnswerIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [leaving, setLeaving] = useState(false);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const index = Math.max(0, Math.min(position, steps.length - 1));
  const step = steps[index];

  useInertSiblings(container);
  const stored = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useUnsentWarning(!finished && hasUnsent(stored));
  useEffect(() => heading.current?.focus(), [index, finished, waitingForWording]);

  const setPosition = (n: number): void => {
    setPositionState(n);
    setIssues([]);
    updateHandover({ position: n });
  };

  const problemsOf = (s: (typeof steps)[number]): AnswerIssue[] =>
    checkDraft(questionnaires[s.instrument], sessions[s.instrument].draft.answers, new Map(), calc).filter(
      (i) => i.linkId === s.item.linkId,
    );

  const next = (): void => {
    if (!step) return;
    const found = problemsOf(step);
    setIssues(found);
    setAttempt((n) => n + 1);
    if (found.length === 0) setPosition(index + 1);
  };

  const finish = (): void => {
    const first = steps.findIndex((s) => problemsOf(s).length > 0);
    if (first >= 0) {
      setPositionState(first);
      updateHandover({ position: first });
      setIssues(problemsOf(steps[first] as (typeof steps)[number]));
      setAttempt((n) => n + 1);
      return;
    }
    setFinished(true);
    updateHandover({ finished: true });
    const stored = (attempt: SubmitAttempt): void => {
      if (attempt.kind === "sent" && attempt.outcome.kind === "stored") props.onStored?.(attempt.response);
    };
    // Sent one after the other; what does not reach the server stays a draft for the clinician.
    void instruments.reduce<Promise<void>>(
      (chain, i) => chain.then(() => sessions[i].submit().then(stored)),
      Promise.resolve(),
    );
  };

  const body = (() => {
    if (finished) {
      return (
        <p ref={heading} tabIndex={-1} className="pm-thanks" role="status">
          {t("forms.patient.thanks")}
        </p>
      );
    }
    if (waitingForWording) {
      return (
        <p ref={heading} tabIndex={-1} role="status">
          {t("forms.patient.loading")}
        </p>
      );
    }
    if (!step) {
      return (
        <p ref={heading} tabIndex={-1} className="pm-thanks" role="status">
          {t("forms.patient.nothing")}
        </p>
      );
    }
    const session = sessions[step.instrument];
    const last = index === steps.length - 1;
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t("forms.patient.title")}
        </h1>
        <p className="pm-progress" data-testid="pm-progress">
          {t("forms.patient.progress", { n: index + 1, total: steps.length })}
        </p>
        <QuestionnaireForm
          key={step.item.linkId}
          questionnaire={questionnaires[step.instrument]}
          answers={session.draft.answers}
          onAnswer={(linkId, a) => {
            session.setAnswer(linkId, a);
            setIssues((current) => current.filter((i) => i.linkId !== linkId));
          }}
          issues={issues}
          attempt={attempt}
          idPrefix={`pm-${step.instrument}`}
          variant="patient"
          show={(item) => item.linkId === step.item.linkId}
          overlay={step.instrument === "eq5d5l" ? overlay : null}
          calculation={calc}
        />
        <div className="qf-actions pm-nav">
          {index > 0 ? (
            <button type="button" className="qf-button" onClick={() => setPosition(index - 1)}>
              {t("forms.patient.back")}
            </button>
          ) : null}
          <button type="button" className="qf-button qf-button-primary" onClick={last ? finish : next}>
            {last ? t("forms.patient.finish") : t("forms.patient.next")}
          </button>
        </div>
      </>
    );
  })();

  return createPortal(
    <div ref={setContainer} className="pm" data-testid="patient-mode" lang={locale}>
      <div className="pm-inner">
        <div className="pm-top">
          <span />
          <button type="button" className="qf-button" onClick={() => setLeaving(true)}>
            {t("forms.patient.exit")}
          </button>
        </div>
        <main>{body}</main>
      </div>
      {leaving ? (
        <ExitDialog
          {...(props.now ? { now: props.now } : {})}
          onStay={() => setLeaving(false)}
          onLeave={() => {
            setLeaving(false);
            clearHandover();
            props.onExit();
          }}
        />
      ) : null}
    </div>,
    document.body,
  );
}
