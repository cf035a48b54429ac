/**
 * The controls of the one renderer, one per kind of Questionnaire item: radio group, drop-down,
 * check boxes, number, VAS slider with its linked number field, date, text. Every control has a
 * visible label, its hint and error wired with aria-describedby, and aria-invalid when in error.
 */
import { useState, type InputHTMLAttributes, type ReactNode } from "react";
import type {
  Coding,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireResponseItemAnswer,
} from "fhir/r4";
import { useTranslator } from "../i18n/react";
import {
  codingDisplay,
  maxValue,
  minValue,
  optionPrefix,
  ordinalValue,
  sameCoding,
  sliderStep,
  unit,
} from "../questionnaires/items";

export interface FieldProps {
  item: QuestionnaireItem;
  /** The item's answers (empty when unanswered). */
  value: readonly QuestionnaireResponseItemAnswer[];
  onChange: (answers: QuestionnaireResponseItemAnswer[]) => void;
  /** Reports text that is not a valid value (or null when it is fine again). */
  onInputProblem?: (problem: "integer" | "decimal" | null) => void;
  /** Unique id of the control (labels and messages derive from it). */
  id: string;
  label: string;
  hint: string | null;
  /** The error message to show, already in words. */
  error: string | null;
  required: boolean;
  disabled?: boolean;
  /** Option labels replacing the Questionnaire's (the licensed EQ-5D-5L wording), by code. */
  optionLabels?: Readonly<Record<string, string>> | undefined;
  /** Show each option's points (ordinalValue): clinician forms of scores. */
  showPoints: boolean;
  /** VAS: drawn vertically, highest value on top (the licensed EQ VAS). */
  vertical?: boolean;
  /** VAS: end labels (from the licensed file). */
  anchors?: { top?: string; bottom?: string } | undefined;
  /** VAS: the typed number beside the slider (default shown; patient mode has the scale only). */
  numberField?: boolean;
}

function describedBy(field: FieldProps): string | undefined {
  const ids = [field.hint ? `${field.id}-hint` : null, field.error ? `${field.id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslator();
  if (!required) return null;
  return (
    <>
      <span className="qf-required" aria-hidden="true">
        {" *"}
      </span>
      <span className="visually-hidden"> ({t("forms.required")})</span>
    </>
  );
}

function HintAndError({ field }: { field: FieldProps }) {
  return (
    <>
      {field.hint ? (
        <p id={`${field.id}-hint`} className="qf-hint">
          {field.hint}
        </p>
      ) : null}
      {field.error ? (
        <p id={`${field.id}-error`} className="qf-error">
          {field.error}
        </p>
      ) : null}
    </>
  );
}

/** A single control with its visible label, hint and error. */
function LabelledField({ field, children }: { field: FieldProps; children: ReactNode }) {
  return (
    <div className={`qf-field${field.error ? " qf-invalid" : ""}`}>
      <label className="qf-label" htmlFor={field.id}>
        {field.label}
        <RequiredMark required={field.required} />
      </label>
      <HintAndError field={field} />
      {children}
    </div>
  );
}

/** The state attributes every control carries. */
function stateProps(field: FieldProps) {
  return {
    disabled: field.disabled,
    "aria-invalid": field.error ? true : undefined,
    "aria-describedby": describedBy(field),
  } as const;
}

function OptionLabel({ option, field }: { option: QuestionnaireItemAnswerOption; field: FieldProps }) {
  const { t, locale } = useTranslator();
  const coding = option.valueCoding;
  const prefix = optionPrefix(option);
  const points = ordinalValue(option);
  const text = (coding?.code && field.optionLabels?.[coding.code]) ?? (coding ? codingDisplay(coding, locale) : "");
  return (
    <span className="qf-option-text">
      {prefix !== null ? (
        <>
          <span className="qf-option-prefix">{prefix}</span>{" "}
        </>
      ) : null}
      <span>{text}</span>
      {field.showPoints && points !== null ? (
        <>
          {" "}
          <span className="qf-points">{t("forms.points", { points })}</span>
        </>
      ) : null}
    </span>
  );
}

function Fieldset({
  field,
  role,
  children,
}: {
  field: FieldProps;
  role?: "radiogroup" | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`qf-field qf-choice${field.error ? " qf-invalid" : ""}`}
      role={role}
      aria-required={role && field.required ? true : undefined}
      aria-invalid={field.error ? true : undefined}
      aria-describedby={describedBy(field)}
      id={field.id}
    >
      <legend className="qf-label">
        {field.label}
        <RequiredMark required={field.required} />
      </legend>
      <HintAndError field={field} />
      <div className="qf-options">{children}</div>
    </fieldset>
  );
}

/**
 * Answers from a list: one (native radios sharing a name; arrow keys move between them) or, when the item
 * repeats, several (checkboxes, kept in the Questionnaire's order: cranial to caudal for levels).
 */
export function ChoiceField(field: FieldProps) {
  const options = field.item.answerOption ?? [];
  const several = field.item.repeats === true;
  const chosen = (coding: Coding | undefined) => field.value.some((a) => sameCoding(a.valueCoding, coding));
  const choose = (coding: Coding, on: boolean) =>
    field.onChange(
      several
        ? options
            .filter((o) => (sameCoding(o.valueCoding, coding) ? on : chosen(o.valueCoding)))
            .flatMap((o) => (o.valueCoding ? [{ valueCoding: o.valueCoding }] : []))
        : [{ valueCoding: coding }],
    );
  return (
    <Fieldset field={field} role={several ? undefined : "radiogroup"}>
      {options.map((option, i) => {
        const coding = option.valueCoding;
        if (!coding) return null;
        return (
          <label key={coding.code ?? i} className={several ? "qf-option qf-option-compact" : "qf-option"}>
            <input
              type={several ? "checkbox" : "radio"}
              name={field.id}
              value={coding.code}
              checked={several ? chosen(coding) : sameCoding(field.value[0]?.valueCoding, coding)}
              disabled={field.disabled}
              onChange={(e) => choose(coding, e.currentTarget.checked)}
            />
            <OptionLabel option={option} field={field} />
          </label>
        );
      })}
    </Fieldset>
  );
}

/** One answer from a long list: a native select. */
export function SelectField(field: FieldProps) {
  const { t, locale } = useTranslator();
  const options = field.item.answerOption ?? [];
  const selected = field.value[0]?.valueCoding?.code ?? "";
  return (
    <LabelledField field={field}>
      <select
        id={field.id}
        className="qf-select"
        value={selected}
        required={field.required}
        {...stateProps(field)}
        onChange={(e) => {
          const coding = options.find((o) => o.valueCoding?.code === e.currentTarget.value)?.valueCoding;
          field.onChange(coding ? [{ valueCoding: coding }] : []);
        }}
      >
        <option value="">{t("forms.select.placeholder")}</option>
        {options.map((o, i) => {
          const c = o.valueCoding;
          if (!c) return null;
          const points = ordinalValue(o);
          const prefix = optionPrefix(o);
          const label = `${prefix !== null ? `${prefix} ` : ""}${codingDisplay(c, locale)}${field.showPoints && points !== null ? ` (${t("forms.points", { points })})` : ""}`;
          return (
            <option key={c.code ?? i} value={c.code}>
              {label}
            </option>
          );
        })}
      </select>
    </LabelledField>
  );
}

function numberOf(item: QuestionnaireItem, a: QuestionnaireResponseItemAnswer | undefined): number | undefined {
  return item.type === "integer" ? a?.valueInteger : a?.valueDecimal;
}

function parseNumber(item: QuestionnaireItem, text: string): number | "invalid" | null {
  const s = text.trim().replace(",", ".");
  if (s === "") return null;
  const ok = item.type === "integer" ? /^-?\d+$/.test(s) : /^-?\d+(\.\d+)?$/.test(s);
  return ok ? Number(s) : "invalid";
}

function toAnswer(item: QuestionnaireItem, n: number): QuestionnaireResponseItemAnswer {
  return item.type === "integer" ? { valueInteger: n } : { valueDecimal: n };
}

/** The text of a number input, kept while it is being typed, following the answer when it changes elsewhere. */
function useNumberText(field: FieldProps): [string, (text: string) => void] {
  const current = numberOf(field.item, field.value[0]);
  const [text, setText] = useState(current === undefined ? "" : String(current));
  // The answer changed elsewhere (the slider, a draft restored): follow it in the same render, not an effect
  // later, so the field never shows the previous value (text being typed that already means it is kept).
  const [followed, setFollowed] = useState({ current, item: field.item });
  if (followed.current !== current || followed.item !== field.item) {
    setFollowed({ current, item: field.item });
    const parsed = parseNumber(field.item, text);
    const next =
      current === undefined ? (parsed === "invalid" ? text : "") : parsed === current ? text : String(current);
    if (next !== text) setText(next);
  }
  const update = (next: string): void => {
    setText(next);
    const parsed = parseNumber(field.item, next);
    if (parsed === "invalid") {
      field.onInputProblem?.(field.item.type === "integer" ? "integer" : "decimal");
      field.onChange([]);
      return;
    }
    field.onInputProblem?.(null);
    field.onChange(parsed === null ? [] : [toAnswer(field.item, parsed)]);
  };
  return [text, update];
}

/** The typed number and its unit: the integer/decimal field, and the number beside a VAS slider. */
function NumberBox({
  field,
  ...input
}: { field: FieldProps } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "inputMode" | "required" | "aria-label"
>) {
  const [text, update] = useNumberText(field);
  const u = unit(field.item);
  return (
    <span className="qf-number">
      <input
        {...input}
        type="text"
        autoComplete="off"
        className="qf-input qf-input-number"
        value={text}
        {...stateProps(field)}
        onChange={(e) => update(e.currentTarget.value)}
      />
      {u ? <span className="qf-unit">{u}</span> : null}
    </span>
  );
}

/** An integer or decimal, typed. */
export function NumberField(field: FieldProps) {
  return (
    <LabelledField field={field}>
      <NumberBox
        field={field}
        id={field.id}
        inputMode={field.item.type === "integer" ? "numeric" : "decimal"}
        required={field.required}
      />
    </LabelledField>
  );
}

/**
 * A visual analogue scale: a slider (with, for the clinician, a number field showing the same answer). Until the
 * first touch, click or key press there is no answer and no handle (nothing that could be sent untouched; the
 * first arrow key moves from the middle, Home/End go to the ends); the
 * slider has a real <label>, and its value text says "Not answered" until set. Vertical (highest value at the
 * top) with the end labels beside its ends when `vertical` (the licensed EQ VAS).
 */
export function VasField(field: FieldProps) {
  const { t } = useTranslator();
  const min = minValue(field.item) ?? 0;
  const max = maxValue(field.item) ?? 100;
  const current = numberOf(field.item, field.value[0]);
  const answered = current !== undefined;
  const u = unit(field.item);
  const sliderValue = answered ? current : Math.round((min + max) / 2);
  const setFromSlider = (n: number): void => {
    field.onInputProblem?.(null);
    field.onChange([toAnswer(field.item, n)]);
  };
  const vertical = field.vertical === true;
  const topId = `${field.id}-top`;
  const bottomId = `${field.id}-bottom`;
  const describedIds = [describedBy(field), field.anchors?.top ? topId : null, field.anchors?.bottom ? bottomId : null]
    .filter(Boolean)
    .join(" ");
  const end = (value: number, id: string, anchor: string | undefined) => (
    <span className="qf-vas-end">
      <span className="qf-vas-number" aria-hidden="true">
        {value}
      </span>
      {anchor ? (
        <span id={id} className="qf-vas-anchor">
          {anchor}
        </span>
      ) : null}
    </span>
  );
  const slider = (
    <input
      id={field.id}
      type="range"
      className={`qf-slider${answered ? "" : " qf-slider-unanswered"}${vertical ? " qf-slider-vertical" : ""}`}
      min={min}
      max={max}
      step={sliderStep(field.item)}
      value={sliderValue}
      aria-orientation={vertical ? "vertical" : undefined}
      aria-valuetext={answered ? `${current}${u ? ` ${u}` : ""}` : t("app.unanswered")}
      aria-required={field.required ? true : undefined}
      disabled={field.disabled}
      aria-invalid={field.error ? true : undefined}
      aria-describedby={describedIds || undefined}
      onChange={(e) => setFromSlider(e.currentTarget.valueAsNumber)}
      // A tap on the track where the hidden handle already stands is an answer too.
      onPointerUp={(e) => {
        if (!answered) setFromSlider(e.currentTarget.valueAsNumber);
      }}
    />
  );
  return (
    <div className={`qf-field qf-vas${vertical ? " qf-vas-vertical" : ""}${field.error ? " qf-invalid" : ""}`}>
      <label id={`${field.id}-label`} className="qf-label" htmlFor={field.id}>
        {field.label}
        <RequiredMark required={field.required} />
      </label>
      <HintAndError field={field} />
      {vertical ? (
        <div className="qf-vas-column">
          {end(max, topId, field.anchors?.top)}
          {slider}
          {end(min, bottomId, field.anchors?.bottom)}
          {answered ? (
            <output className="qf-vas-value" htmlFor={field.id} aria-hidden="true">
              {current}
            </output>
          ) : null}
        </div>
      ) : (
        <div className="qf-vas-row">
          {end(min, bottomId, field.anchors?.bottom)}
          {slider}
          {end(max, topId, field.anchors?.top)}
        </div>
      )}
      {field.numberField === false ? null : (
        <NumberBox
          field={field}
          id={`${field.id}-number`}
          inputMode="numeric"
          aria-label={t("forms.vas.number", { label: field.label })}
        />
      )}
    </div>
  );
}

/** A field whose one answer is what is typed: a date (valueDate) or a line of text (valueString); blank is none. */
function TypedField({ field, type }: { field: FieldProps; type: "date" | "text" }) {
  const current = type === "date" ? field.value[0]?.valueDate : field.value[0]?.valueString;
  return (
    <LabelledField field={field}>
      <input
        id={field.id}
        type={type}
        className="qf-input"
        value={current ?? ""}
        required={field.required}
        {...stateProps(field)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          field.onChange(v.trim() ? [type === "date" ? { valueDate: v } : { valueString: v }] : []);
        }}
      />
    </LabelledField>
  );
}

export function DateField(field: FieldProps) {
  return <TypedField field={field} type="date" />;
}

export function TextField(field: FieldProps) {
  return <TypedField field={field} type="text" />;
}
