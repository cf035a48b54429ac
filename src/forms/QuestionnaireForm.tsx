/**
 * The one renderer: any of the app's Questionnaires, driven by its JSON (item types, answer options,
 * required, enableWhen, min/max, item controls, calculated items, Japanese translations). Controlled:
 * the caller owns the answers, applies the calculations and decides when issues are shown.
 */
import { useEffect, useEffectEvent, useRef, type ReactNode } from "react";
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponseItemAnswer } from "fhir/r4";
import type { MessageKey, MessageParams } from "../i18n";
import { useTranslator } from "../i18n/react";
import { LINKS } from "../questionnaires/contract";
import { calculation, isEnabled, itemControl, itemText, type Answers } from "../questionnaires/items";
import type { AnswerIssue } from "../writeback/validate";
import { CalculatedField } from "./CalculatedField";
import { isCalculatedNow, type CalculationOptions } from "./calculate";
import type { LabelOverlay } from "./eq5d-wording";
import { ChoiceField, DateField, NumberField, SelectField, TextField, VasField, type FieldProps } from "./fields";

export type FormVariant = "clinician" | "patient";

/** A problem with typed text that is not a value yet (kept outside the answers). */
export type InputProblem = "integer" | "decimal";

export interface QuestionnaireFormProps {
  questionnaire: Questionnaire;
  answers: Answers;
  /** One item's answers changed; the caller merges, recalculates and stores. */
  onAnswer: (linkId: string, answers: QuestionnaireResponseItemAnswer[]) => void;
  onInputProblem?: (linkId: string, problem: InputProblem | null) => void;
  /** The issues to show now (after a submit attempt), in Questionnaire order. */
  issues: readonly AnswerIssue[];
  /** Increments on every submit attempt: the summary of issues then takes the focus. */
  attempt?: number;
  /** Prefix of every element id (unique per form on the page). */
  idPrefix: string;
  /** "patient": large targets, no calculated items, no points. */
  variant?: FormVariant;
  /** Items to render (default all); hidden items keep their answers. */
  show?: (item: QuestionnaireItem) => boolean;
  overlay?: LabelOverlay | null;
  calculation: CalculationOptions;
}

function issueMessage(issue: AnswerIssue, item: QuestionnaireItem | undefined): [MessageKey, MessageParams?] {
  switch (issue.code) {
    case "required":
      return ["forms.error.required"];
    case "too-many":
      return ["forms.error.tooMany"];
    case "wrong-type":
      return [item?.type === "decimal" ? "forms.error.decimal" : "forms.error.integer"];
    case "not-an-option":
      return ["forms.error.option"];
    case "below-min":
      return ["forms.error.min", { limit: issue.limit ?? 0 }];
    case "above-max":
      return ["forms.error.max", { limit: issue.limit ?? 0 }];
    case "pattern":
      return ["forms.error.pattern"];
    case "invalid-date":
      return ["forms.error.date"];
    case "unknown-item":
      return ["forms.error.unknown"];
  }
}

function helpText(item: QuestionnaireItem, locale: string): string | null {
  const texts = (item.item ?? []).filter((c) => c.type === "display").map((c) => itemText(c, locale));
  return texts.length ? texts.join(" ") : null;
}

export function QuestionnaireForm(props: QuestionnaireFormProps) {
  const { t, locale } = useTranslator();
  const { questionnaire: q, answers, issues, idPrefix } = props;
  const variant = props.variant ?? "clinician";
  const summary = useRef<HTMLDivElement>(null);
  const issueFor = new Map<string, AnswerIssue>();
  for (const i of issues) if (!issueFor.has(i.linkId)) issueFor.set(i.linkId, i);

  // Only a new attempt moves the focus, not every change of the issues while answering.
  const focusSummary = useEffectEvent(() => {
    if (issues.length > 0) summary.current?.focus();
  });
  useEffect(() => {
    if ((props.attempt ?? 0) > 0) focusSummary();
  }, [props.attempt]);

  const controlId = (item: QuestionnaireItem): string => `${idPrefix}-${item.linkId}`;
  const labelOf = (item: QuestionnaireItem): string =>
    props.overlay?.items[item.linkId]?.text ?? itemText(item, locale);
  const messageOf = (item: QuestionnaireItem): string | null => {
    const issue = issueFor.get(item.linkId);
    if (!issue) return null;
    const [key, params] = issueMessage(issue, item);
    return t(key, params);
  };

  const renderQuestion = (item: QuestionnaireItem): ReactNode => {
    const kind = calculation(item);
    const derived = kind !== null && isCalculatedNow(q, item, answers, props.calculation);
    if (kind !== null && item.readOnly) {
      if (variant === "patient") return null;
      return (
        <CalculatedField
          key={item.linkId}
          item={item}
          kind={kind}
          answers={answers}
          id={controlId(item)}
          label={labelOf(item)}
        />
      );
    }
    const overlay = props.overlay?.items[item.linkId];
    const hint = [
      overlay?.hint ?? helpText(item, locale),
      derived && item.linkId === LINKS.tokuhashi.generalCondition ? t("forms.calculated.fromKps") : null,
    ]
      .filter(Boolean)
      .join(" ");
    const p: FieldProps = {
      item,
      value: answers[item.linkId] ?? [],
      onChange: (a) => props.onAnswer(item.linkId, a),
      onInputProblem: (problem) => props.onInputProblem?.(item.linkId, problem),
      id: controlId(item),
      label: labelOf(item),
      hint: hint || null,
      error: messageOf(item),
      required: item.required === true,
      disabled: derived,
      optionLabels: overlay?.options,
      showPoints: variant === "clinician",
      vertical: overlay?.vertical === true,
      anchors: overlay?.anchors,
      // The patient answers on the scale itself; typing a number is the clinician's shortcut.
      numberField: variant === "clinician",
    };
    const control = itemControl(item);
    switch (item.type) {
      case "choice":
        if (!item.repeats && control === "drop-down") return <SelectField key={item.linkId} {...p} />;
        return <ChoiceField key={item.linkId} {...p} />;
      case "integer":
      case "decimal":
        return control === "slider" ? <VasField key={item.linkId} {...p} /> : <NumberField key={item.linkId} {...p} />;
      case "date":
        return <DateField key={item.linkId} {...p} />;
      case "string":
      case "text":
        return <TextField key={item.linkId} {...p} />;
      default:
        return null;
    }
  };

  const renderItems = (items: readonly QuestionnaireItem[] | undefined): ReactNode[] =>
    (items ?? []).flatMap((item): ReactNode[] => {
      if (props.show && !props.show(item)) return [];
      if (!isEnabled(q, item.linkId, answers)) return [];
      if (item.type === "display") {
        return [
          <p key={item.linkId} className="qf-note">
            {itemText(item, locale)}
          </p>,
        ];
      }
      if (item.type === "group") {
        return [
          <fieldset key={item.linkId} className="qf-group">
            <legend>{itemText(item, locale)}</legend>
            {renderItems(item.item)}
          </fieldset>,
        ];
      }
      const node = renderQuestion(item);
      return node ? [node] : [];
    });

  const byLinkId = new Map<string, QuestionnaireItem>();
  const index = (items: readonly QuestionnaireItem[] | undefined): void => {
    for (const it of items ?? []) {
      byLinkId.set(it.linkId, it);
      index(it.item);
    }
  };
  index(q.item);

  return (
    <div className={`qf qf-${variant}`}>
      {issues.length > 0 ? (
        <div
          ref={summary}
          className="qf-summary"
          role="alert"
          tabIndex={-1}
          aria-labelledby={`${idPrefix}-summary-title`}
        >
          <p id={`${idPrefix}-summary-title`}>{t("forms.errors.title")}</p>
          <ul>
            {issues.map((issue) => {
              const item = byLinkId.get(issue.linkId);
              const [key, params] = issueMessage(issue, item);
              return (
                <li key={`${issue.linkId}-${issue.code}`}>
                  <a href={`#${idPrefix}-${issue.linkId}`}>
                    {item ? `${labelOf(item)}: ` : ""}
                    {t(key, params)}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {props.overlay?.notice ? <p className="qf-notice">{props.overlay.notice}</p> : null}
      {renderItems(q.item)}
    </div>
  );
}
