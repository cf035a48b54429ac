/** A calculated item, read-only: EQ-5D-5L index with its value set, Barthel / SINS / Tokuhashi totals or ranges. */
import type { QuestionnaireItem } from "fhir/r4";
import { useTranslator } from "../i18n/react";
import { formatIndex, valueSets } from "../scores";
import type { Answers, Calculation } from "../writeback/questionnaire-items";
import { barthelFromAnswers, sinsFromAnswers, tokuhashiFromAnswers } from "./calculate";

interface Props {
  item: QuestionnaireItem;
  kind: Calculation;
  answers: Answers;
  id: string;
  label: string;
}

function useCalculatedText(kind: Calculation, item: QuestionnaireItem, answers: Answers): { value: string | null; note: string | null } {
  const { t } = useTranslator();
  const answer = answers[item.linkId]?.[0];
  const range = (r: { min: number; max: number } | null): { value: string | null; note: string | null } =>
    r ? { value: t("forms.calculated.range", { min: r.min, max: r.max }), note: t("forms.calculated.rangeNote") } : { value: null, note: null };
  switch (kind) {
    case "eq5d5l-index":
      return { value: answer?.valueDecimal === undefined ? null : formatIndex(answer.valueDecimal), note: null };
    case "eq5d5l-value-set": {
      const id = answer?.valueString;
      if (!id) return { value: null, note: null };
      const country = valueSets().find((v) => v.id === id)?.country ?? id;
      return { value: t("forms.calculated.valueSet", { id, country }), note: null };
    }
    case "barthel-total": {
      if (answer?.valueInteger !== undefined) return { value: String(answer.valueInteger), note: null };
      return range(barthelFromAnswers(answers));
    }
    case "sins-total": {
      const r = sinsFromAnswers(answers);
      const category = r?.category ? t(`forms.sins.${r.category}`) : null;
      if (answer?.valueInteger !== undefined) return { value: String(answer.valueInteger), note: category };
      const shown = range(r);
      return { value: shown.value, note: [shown.note, category].filter(Boolean).join(" · ") || null };
    }
    case "tokuhashi-total": {
      const r = tokuhashiFromAnswers(answers);
      const prognosis = r?.prognosis ? t(`forms.tokuhashi.${r.prognosis}`) : null;
      if (answer?.valueInteger !== undefined) return { value: String(answer.valueInteger), note: prognosis };
      const shown = range(r);
      return { value: shown.value, note: [shown.note, prognosis].filter(Boolean).join(" · ") || null };
    }
    case "tokuhashi-general-condition":
      return { value: answer?.valueCoding?.display ?? null, note: null };
  }
}

export function CalculatedField({ item, kind, answers, id, label }: Props) {
  const { t } = useTranslator();
  const { value, note } = useCalculatedText(kind, item, answers);
  return (
    <div className="qf-field qf-calculated">
      <span className="qf-label" id={`${id}-label`}>
        {label}
      </span>
      <output id={id} className="qf-output" aria-labelledby={`${id}-label`} data-testid={`calculated-${item.linkId}`}>
        {value ?? t("forms.calculated.pending")}
      </output>
      {note ? <span className="qf-hint"> {note}</span> : null}
    </div>
  );
}
