/**
 * One open form of the clinician's questionnaires panel: its answers, kept as a draft while they are filled in,
 * and its submit (the draft's save state). The panel (FormsPanel.tsx) lists the drafts and opens one of these.
 */
import type { SubmitEvent } from "react";
import type { QuestionnaireResponse } from "fhir/r4";
import { useTranslator } from "../i18n/react";
import type { Draft, DraftStore } from "../writeback/drafts";
import type { OutboxDeps } from "../writeback/outbox";
import { eq5dOverlay, type Eq5dWording } from "./eq5d-wording";
import { QuestionnaireForm } from "./QuestionnaireForm";
import type { SessionClock, SubmitAttempt, WriteContext } from "./form-session";
import { useFormSession } from "./useFormSession";

export interface ActiveFormProps {
  draft: Draft;
  store: DraftStore;
  outbox: OutboxDeps;
  context: WriteContext;
  calc: { valueSetId: string };
  clock: SessionClock;
  title: string;
  wording: Eq5dWording | null;
  onClose: () => void;
  onSent: (attempt: SubmitAttempt, response: QuestionnaireResponse | null) => void;
}

export function ActiveForm(props: ActiveFormProps) {
  const { t, locale } = useTranslator();
  const { draft, outbox, calc, wording, title, onClose, onSent } = props;
  const questionnaire = outbox.questionnaire(draft.instrument);
  const session = useFormSession({
    draft,
    questionnaire,
    store: props.store,
    outbox,
    context: props.context,
    calc,
    clock: props.clock,
  });
  const overlay = draft.instrument === "eq5d5l" ? eq5dOverlay(wording, locale) : null;
  const headingId = `form-${draft.id}-title`;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    if (session.submitting) return;
    void session.submit().then((attempt) => onSent(attempt, attempt.kind === "sent" ? attempt.response : null));
  };

  return (
    <form
      className="qf-form"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={headingId}
      data-testid={`form-${draft.instrument}`}
    >
      <h3 id={headingId}>{title}</h3>
      <p className="qf-hint">{t("forms.requiredNote")}</p>
      {draft.instrument === "eq5d5l" && !overlay ? <p className="qf-notice">{t("forms.eq5d.neutral")}</p> : null}
      <QuestionnaireForm
        questionnaire={questionnaire}
        answers={session.draft.answers}
        onAnswer={session.setAnswer}
        onInputProblem={session.setInputProblem}
        issues={session.issues}
        attempt={session.attempt}
        idPrefix={`f-${draft.id.slice(0, 8)}`}
        variant={draft.selfReport ? "patient" : "clinician"}
        overlay={overlay}
        calculation={calc}
      />
      {!session.persisted ? (
        <p className="qf-status qf-status-problem" role="alert">
          {t("forms.status.storageFailed")}
        </p>
      ) : null}
      <div className="qf-actions">
        <button type="submit" className="qf-button qf-button-primary" disabled={session.submitting}>
          {session.submitting ? t("forms.submitting") : t("forms.submit")}
        </button>
        <button type="button" className="qf-button" onClick={onClose}>
          {t("forms.close")}
        </button>
      </div>
    </form>
  );
}
