/**
 * The clinician's step before handing the device over: what the patient will be asked (and why the EQ-5D-5L is
 * not, without its licensed wording), the timepoint, and the code that will be needed to leave patient mode
 * (4–6 digits, typed twice; kept only as a salted hash).
 */
import { useState, type SubmitEvent } from "react";
import type { Questionnaire, QuestionnaireItem } from "fhir/r4";
import { useTranslator } from "../i18n/react";
import { COMMON_LINKS } from "../questionnaires/contract";
import type { Answers } from "../questionnaires/items";
import type { AnswerIssue } from "../writeback/validate";
import type { CalculationOptions } from "./calculate";
import { CodeField } from "./CodeField";
import { CODE_PATTERN, type PatientInstrument } from "./handover";
import { QuestionnaireForm } from "./QuestionnaireForm";
import { checkDraft } from "./form-session";

export interface HandOverSetupProps {
  /** Any Questionnaire with the timepoint items (the pain VAS). */
  timepointQuestionnaire: Questionnaire;
  /** What the patient will be asked, in order. */
  instruments: readonly PatientInstrument[];
  /** The EQ-5D-5L is left out because the licensed wording is not installed (null: still looking for it). */
  eq5dWithheld: boolean | null;
  calculation: CalculationOptions;
  onCancel: () => void;
  onStart: (timepoint: Answers, code: string) => void;
}

const TIMEPOINT_LINKS = new Set<string>([COMMON_LINKS.timepoint, COMMON_LINKS.timepointDate]);
const isTimepoint = (item: QuestionnaireItem): boolean => TIMEPOINT_LINKS.has(item.linkId);

export function HandOverSetup(setup: HandOverSetupProps) {
  const { t } = useTranslator();
  const [answers, setAnswers] = useState<Answers>({});
  const [issues, setIssues] = useState<AnswerIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState("");
  const [again, setAgain] = useState("");
  const [codeError, setCodeError] = useState<"format" | "differ" | null>(null);

  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const found = checkDraft(setup.timepointQuestionnaire, answers, new Map(), setup.calculation).filter((i) =>
      TIMEPOINT_LINKS.has(i.linkId),
    );
    const problem = !CODE_PATTERN.test(code) ? "format" : code !== again ? "differ" : null;
    setIssues(found);
    setAttempt((n) => n + 1);
    setCodeError(problem);
    if (found.length > 0 || problem || setup.instruments.length === 0) return;
    setup.onStart(answers, code);
  };

  return (
    <form
      className="qf-form pm-setup"
      noValidate
      onSubmit={submit}
      aria-labelledby="pm-setup-title"
      data-testid="handover-setup"
    >
      <h3 id="pm-setup-title">{t("forms.patient.setupTitle")}</h3>
      <p>{t("forms.patient.setupHint")}</p>
      <p className="qf-label">{t("forms.patient.offered")}</p>
      <ul data-testid="handover-offered">
        {setup.instruments.map((i) => (
          <li key={i}>{t(i === "eq5d5l" ? "forms.patient.offer.eq5d5l" : "forms.patient.offer.pain")}</li>
        ))}
      </ul>
      {setup.eq5dWithheld ? (
        <p className="qf-notice" data-testid="handover-eq5d-withheld">
          {t("forms.patient.eq5dWithheld")}
        </p>
      ) : null}
      <QuestionnaireForm
        questionnaire={setup.timepointQuestionnaire}
        answers={answers}
        onAnswer={(linkId, a) => {
          setAnswers((current) => {
            const next: Record<string, Answers[string]> = { ...current, [linkId]: a };
            if (a.length === 0) delete next[linkId];
            return next;
          });
          setIssues((current) => current.filter((i) => i.linkId !== linkId));
        }}
        issues={issues}
        attempt={attempt}
        idPrefix="pm-setup"
        show={isTimepoint}
        calculation={setup.calculation}
      />
      <fieldset className="qf-field pm-code">
        <legend className="qf-label">{t("forms.patient.codeTitle")}</legend>
        <p id="pm-code-hint" className="qf-hint">
          {t("forms.patient.codeHint")}
        </p>
        {codeError ? (
          <p id="pm-code-error" className="qf-error">
            {t(codeError === "format" ? "forms.patient.codeFormat" : "forms.patient.codeDiffer")}
          </p>
        ) : null}
        <CodeField
          id="pm-code"
          label={t("forms.patient.code")}
          value={code}
          invalid={codeError !== null}
          describedBy={codeError ? "pm-code-hint pm-code-error" : "pm-code-hint"}
          onChange={(v) => setCode(v.trim())}
        />
        <CodeField
          id="pm-code-again"
          label={t("forms.patient.codeAgain")}
          value={again}
          invalid={codeError === "differ"}
          onChange={(v) => setAgain(v.trim())}
        />
      </fieldset>
      <div className="qf-actions">
        <button type="submit" className="qf-button qf-button-primary" disabled={setup.instruments.length === 0}>
          {t("forms.patient.start")}
        </button>
        <button type="button" className="qf-button" onClick={setup.onCancel}>
          {t("forms.patient.cancel")}
        </button>
      </div>
    </form>
  );
}
