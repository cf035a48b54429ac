/** A calculated item, read-only: EQ-5D-5L index with its value set, Barthel / SINS / Tokuhashi totals or ranges. */
import type { QuestionnaireItem } from "fhir/r4";
import { useTranslator } from "../i18n/react";
import { SINS_CATEGORY_LABEL, TOKUHASHI_PROGNOSIS_LABEL } from "../i18n/verdict";
import { LINKS } from "../questionnaires/contract";
import { formatIndex, valueSets } from "../scores";
import type { Answers, Calculation } from "../questionnaires/items";
import { barthelFromAnswers, sinsFromAnswers, tokuhashiFromAnswers } from "./calculate";

interface Props {
  item: QuestionnaireItem;
  kind: Calculation;
  answers: Answers;
  id: string;
  label: string;
}

type Shown = { value: string | null; note: string | null };

function useCalculatedText(kind: Calculation, item: QuestionnaireItem, answers: Answers): Shown {
  const { t } = useTranslator();
  const answer = answers[item.linkId]?.[0];
  // While a total is incomplete the scoring core gives its range (and the category or prognosis it already implies).
  const total = (r: { min: number; max: number; total: number | null } | null, label: string | null): Shown => {
    if (answer?.valueInteger !== undefined) return { value: String(answer.valueInteger), note: label };
    if (!r) return { value: null, note: label };
    const note = [t("forms.calculated.rangeNote"), label].filter(Boolean).join(" · ");
    return { value: t("forms.calculated.range", { min: r.min, max: r.max }), note };
  };
  if (kind.kind === "app") {
    if (kind.name === "eq5d5l-index")
      return { value: answer?.valueDecimal === undefined ? null : formatIndex(answer.valueDecimal), note: null };
    const id = answer?.valueString;
    if (!id) return { value: null, note: null };
    const country = valueSets().find((v) => v.id === id)?.country ?? id;
    return { value: t("forms.calculated.valueSet", { id, country }), note: null };
  }
  switch (item.linkId) {
    case LINKS.barthel.total:
      return total(barthelFromAnswers(answers), null);
    case LINKS.sins.total: {
      const r = sinsFromAnswers(answers);
      return total(r, r?.category ? t(SINS_CATEGORY_LABEL[r.category]) : null);
    }
    case LINKS.tokuhashi.total: {
      const r = tokuhashiFromAnswers(answers);
      return total(
        r,
        r?.prognosis ? t("forms.calculated.prognosis", { prognosis: t(TOKUHASHI_PROGNOSIS_LABEL[r.prognosis]) }) : null,
      );
    }
    default: {
      const v = answer?.valueCoding?.display ?? answer?.valueInteger ?? answer?.valueDecimal ?? answer?.valueString;
      return { value: v === undefined ? null : String(v), note: null };
    }
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
