/** React state around one form session (src/forms/form-session.ts) and the page-level warning for unsent work. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Questionnaire, QuestionnaireResponseItemAnswer } from "fhir/r4";
import { hasAnswers, type Draft, type DraftStore } from "../writeback/drafts";
import type { OutboxDeps } from "../writeback/outbox";
import type { AnswerIssue } from "../writeback/validate";
import type { CalculationOptions } from "./calculate";
import type { InputProblem } from "./QuestionnaireForm";
import {
  checkDraft,
  submitDraft,
  withAnswer,
  type SessionClock,
  type SubmitAttempt,
  type WriteContext,
} from "./form-session";

export interface FormSessionArgs {
  draft: Draft;
  questionnaire: Questionnaire;
  store: DraftStore;
  outbox: OutboxDeps;
  context: WriteContext;
  calc: CalculationOptions;
  clock: SessionClock;
}

export interface FormSession {
  draft: Draft;
  issues: AnswerIssue[];
  /** Increments on every check or submit (the form then focuses its summary of issues). */
  attempt: number;
  submitting: boolean;
  /** False when the browser refused to keep the draft (kept in memory only). */
  persisted: boolean;
  setAnswer: (linkId: string, answers: QuestionnaireResponseItemAnswer[]) => void;
  setInputProblem: (linkId: string, problem: InputProblem | null) => void;
  /** Checks, freezes and sends; the issues are shown when the answers do not pass. */
  submit: () => Promise<SubmitAttempt>;
  /** Checks only and shows the issues (patient mode checks each part before the next). */
  check: () => AnswerIssue[];
}

export function useFormSession(args: FormSessionArgs): FormSession {
  const { questionnaire, store, calc, clock } = args;
  const [draft, setDraftState] = useState<Draft>(args.draft);
  const latest = useRef<Draft>(args.draft);
  const [issues, setIssues] = useState<AnswerIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [persisted, setPersisted] = useState(true);
  const problems = useRef(new Map<string, InputProblem>());

  const setDraft = useCallback((d: Draft) => {
    latest.current = d;
    setDraftState(d);
  }, []);

  // Another draft (another instrument, a resumed draft) starts another session.
  useEffect(() => {
    setDraft(args.draft);
    setIssues([]);
    setAttempt(0);
    problems.current = new Map();
  }, [args.draft, setDraft]);

  const setAnswer = useCallback(
    (linkId: string, answers: QuestionnaireResponseItemAnswer[]) => {
      const next = withAnswer(latest.current, questionnaire, linkId, answers, calc, clock);
      setDraft(next);
      if (hasAnswers(next)) setPersisted(store.put(next));
      else store.remove(next.id);
      // Once shown, an issue goes away as soon as its item is answered again.
      setIssues((current) => current.filter((i) => i.linkId !== linkId));
    },
    [questionnaire, calc, clock, store, setDraft],
  );

  const setInputProblem = useCallback((linkId: string, problem: InputProblem | null) => {
    if (problem) problems.current.set(linkId, problem);
    else problems.current.delete(linkId);
  }, []);

  const submit = async (): Promise<SubmitAttempt> => {
    setSubmitting(true);
    let result: SubmitAttempt;
    try {
      result = await submitDraft({
        draft: latest.current,
        questionnaire,
        inputProblems: problems.current,
        store,
        outbox: args.outbox,
        context: args.context,
        calc,
        clock,
      });
    } finally {
      setSubmitting(false);
    }
    setAttempt((n) => n + 1);
    setIssues(result.kind === "invalid" ? result.issues : []);
    const stored = store.get(latest.current.id);
    if (stored) setDraft(stored);
    return result;
  };

  const check = (): AnswerIssue[] => {
    const found = checkDraft(questionnaire, latest.current.answers, problems.current, calc);
    setAttempt((n) => n + 1);
    setIssues(found);
    return found;
  };

  return { draft, issues, attempt, submitting, persisted, setAnswer, setInputProblem, submit, check };
}

/** Asks the browser to warn before the page closes while `active` (unsent answers). */
export function useUnsentWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent): void => {
      // Cancelling the event is what asks (HTML's beforeunload; returnValue is deprecated).
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}
