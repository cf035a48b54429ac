/**
 * "Hand to patient": the patient fills in the EQ-5D-5L, the EQ VAS and the pain VAS on the clinician's
 * device. The whole screen is taken (the rest of the page is inert and hidden from assistive technology),
 * no score and nothing from the record is shown, targets are large, and leaving needs the clinician's
 * confirmation. The responses record the Patient as source (the signed-in user as the author who recorded).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { QuestionnaireItem, QuestionnaireResponse } from "fhir/r4";
import { useTranslator } from "../i18n/react";
import { COMMON_LINKS, type Instrument } from "../questionnaires/contract";
import { DEFAULT_VALUE_SET } from "../scores";
import { browserSessionStorage, DraftStore, type DraftStorage } from "../writeback/drafts";
import type { OutboxDeps } from "../writeback/outbox";
import { appQuestionnaire } from "../writeback/questionnaires";
import type { FhirSend } from "../writeback/transport";
import type { AnswerIssue } from "../writeback/validate";
import { ConfirmDialog } from "./ConfirmDialog";
import { eq5dOverlay, type Eq5dWording } from "./eq5d-wording";
import { QuestionnaireForm } from "./QuestionnaireForm";
import { browserClock, checkDraft, newDraft, type SessionClock, type SubmitAttempt, type WriteContext } from "./session";
import { useFormSession, useUnsentWarning } from "./useFormSession";
import "./forms.css";

export interface PatientModeProps {
  /** clientSend(client) from src/writeback/transport. */
  send: FhirSend;
  context: WriteContext;
  /** The launch allows creating Questionnaires (LaunchContext.canWriteQuestionnaire). */
  mayCreateQuestionnaire: boolean;
  /** The launch allows writing QuestionnaireResponses (LaunchContext.canWrite); without it nothing is sent. */
  canWrite: boolean;
  /** After the clinician confirmed leaving. */
  onExit(): void;
  /** EQ-5D-5L value set for the stored index (default Japan_cTTO_fullPrecision). */
  valueSetId?: string;
  /** The licensed wording, when the deployment supplies it (null: neutral labels). */
  wording?: Eq5dWording | null;
  /** Tests: storage and clock. */
  storage?: DraftStorage | null;
  clock?: SessionClock;
  /** Called when the drafts change (the clinician panel re-reads them). */
  onDraftsChange?(): void;
  /**
   * Called for each response the server stored. It may come while the patient still holds the device: the
   * caller must not leave patient mode or show the record because of it (FormsPanel waits for onExit).
   */
  onStored?(response: QuestionnaireResponse): void;
}

type Step = "setup" | "eq5d" | "pain" | "done";

const TIMEPOINT_LINKS = new Set<string>([COMMON_LINKS.timepoint, COMMON_LINKS.timepointDate]);
const isTimepoint = (item: QuestionnaireItem): boolean => TIMEPOINT_LINKS.has(item.linkId);
const notTimepoint = (item: QuestionnaireItem): boolean => !TIMEPOINT_LINKS.has(item.linkId);

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
  const clock = props.clock ?? browserClock;
  const calc = useMemo(() => ({ valueSetId: props.valueSetId ?? DEFAULT_VALUE_SET }), [props.valueSetId]);
  const { serverUrl, patientId, fhirUser, base } = props.context;
  const store = useMemo(
    () => new DraftStore({ serverUrl, patientId, userId: fhirUser }, props.storage === undefined ? browserSessionStorage() : props.storage),
    [serverUrl, patientId, fhirUser, props.storage],
  );
  const questionnaire = useMemo(() => (i: Instrument) => appQuestionnaire(i, base), [base]);
  const outbox: OutboxDeps = useMemo(
    () => ({ send: props.send, questionnaire, mayCreateQuestionnaire: props.mayCreateQuestionnaire, canWrite: props.canWrite }),
    [props.send, questionnaire, props.mayCreateQuestionnaire, props.canWrite],
  );
  const eq5dQ = questionnaire("eq5d5l");
  const painQ = questionnaire("pain-vas");
  // One identifier per form session, made once when patient mode opens.
  const [drafts] = useState(() => ({ eq5d: newDraft("eq5d5l", true, clock), pain: newDraft("pain-vas", true, clock) }));
  const common = { store, outbox, context: props.context, calc, clock, onStoreChange: props.onDraftsChange };
  const eq5d = useFormSession({ ...common, draft: drafts.eq5d, questionnaire: eq5dQ });
  const pain = useFormSession({ ...common, draft: drafts.pain, questionnaire: painQ });

  const [step, setStep] = useState<Step>("setup");
  const [setupIssues, setSetupIssues] = useState<AnswerIssue[]>([]);
  const [setupAttempt, setSetupAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const overlay = eq5dOverlay(props.wording ?? null, locale);

  useInertSiblings(container);
  useUnsentWarning(step !== "done" && (store.hasUnsent() || Object.keys(eq5d.draft.answers).length > 0));
  useEffect(() => heading.current?.focus(), [step]);

  const start = (): void => {
    const issues = checkDraft(eq5dQ, eq5d.draft.answers, new Map(), calc).filter((i) => TIMEPOINT_LINKS.has(i.linkId));
    setSetupIssues(issues);
    setSetupAttempt((n) => n + 1);
    if (issues.length === 0) setStep("eq5d");
  };

  const finish = (): void => {
    if (pain.check().length > 0) return;
    if (eq5d.check().length > 0) {
      setStep("eq5d");
      return;
    }
    setStep("done");
    const stored = (attempt: SubmitAttempt): void => {
      if (attempt.kind === "sent" && attempt.outcome.kind === "stored") props.onStored?.(attempt.response);
    };
    // Sent one after the other; what does not reach the server stays a draft for the clinician.
    void eq5d
      .submit()
      .then((attempt) => {
        stored(attempt);
        return pain.submit();
      })
      .then(stored);
  };

  const total = 2;
  const body = (() => {
    switch (step) {
      case "setup":
        return (
          <>
            <h1 ref={heading} tabIndex={-1}>
              {t("forms.patient.setupTitle")}
            </h1>
            <p>{t("forms.patient.setupHint")}</p>
            <QuestionnaireForm
              questionnaire={eq5dQ}
              answers={eq5d.draft.answers}
              onAnswer={(linkId, a) => {
                eq5d.setAnswer(linkId, a);
                pain.setAnswer(linkId, a);
                setSetupIssues((current) => current.filter((i) => i.linkId !== linkId));
              }}
              issues={setupIssues}
              attempt={setupAttempt}
              idPrefix="pm-setup"
              show={isTimepoint}
              calculation={calc}
            />
            <div className="qf-actions">
              <button type="button" className="qf-button qf-button-primary" onClick={start}>
                {t("forms.patient.start")}
              </button>
            </div>
          </>
        );
      case "eq5d":
      case "pain": {
        const session = step === "eq5d" ? eq5d : pain;
        return (
          <>
            <h1 ref={heading} tabIndex={-1}>
              {t("forms.patient.title")}
            </h1>
            <p className="qf-hint">{t("forms.patient.step", { n: step === "eq5d" ? 1 : 2, total })}</p>
            {step === "eq5d" && !overlay ? <p className="qf-notice">{t("forms.eq5d.neutral")}</p> : null}
            <QuestionnaireForm
              questionnaire={step === "eq5d" ? eq5dQ : painQ}
              answers={session.draft.answers}
              onAnswer={session.setAnswer}
              onInputProblem={session.setInputProblem}
              issues={session.issues}
              attempt={session.attempt}
              idPrefix={`pm-${step}`}
              variant="patient"
              show={notTimepoint}
              overlay={step === "eq5d" ? overlay : null}
              calculation={calc}
            />
            <div className="qf-actions">
              {step === "eq5d" ? (
                <button
                  type="button"
                  className="qf-button qf-button-primary"
                  onClick={() => {
                    if (eq5d.check().length === 0) setStep("pain");
                  }}
                >
                  {t("forms.patient.next")}
                </button>
              ) : (
                <>
                  <button type="button" className="qf-button" onClick={() => setStep("eq5d")}>
                    {t("forms.patient.back")}
                  </button>
                  <button type="button" className="qf-button qf-button-primary" onClick={finish}>
                    {t("forms.patient.finish")}
                  </button>
                </>
              )}
            </div>
          </>
        );
      }
      case "done":
        return (
          <p ref={heading} tabIndex={-1} className="pm-thanks" role="status">
            {t("forms.patient.thanks")}
          </p>
        );
    }
  })();

  return createPortal(
    <div ref={setContainer} className="pm" data-testid="patient-mode" lang={locale}>
      <div className="pm-inner">
        <div className="pm-top">
          <span />
          <button type="button" className="qf-button" onClick={() => setConfirming(true)}>
            {t("forms.patient.exit")}
          </button>
        </div>
        <main>{body}</main>
      </div>
      {confirming ? (
        <ConfirmDialog
          id="pm-leave"
          title={t("forms.patient.confirmTitle")}
          body={t("forms.patient.confirmBody")}
          confirmLabel={t("forms.patient.confirmLeave")}
          cancelLabel={t("forms.patient.confirmStay")}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            props.onExit();
          }}
        />
      ) : null}
    </div>,
    document.body,
  );
}
