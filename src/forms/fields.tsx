/**
 * The controls of the one renderer, one per kind of Questionnaire item: radio group, drop-down,
 * check boxes, number, VAS slider with its linked number field, date, text. Every control has a
 * visible label, its hint and error wired with aria-describedby, and aria-invalid when in error.
 */
import { useState, type ReactNode } from "react";
import type { QuestionnaireItem, QuestionnaireItemAnswerOption, QuestionnaireResponseItemAnswer } from "fhir/r4";
import { useTranslator } from "../i18n/react";
import { codingDisplay, maxValue, minValue, optionPrefix, ordinalValue, sameCoding, sliderStep, unit } from "../questionnaires/items";

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

function describedBy(p: FieldProps): string | undefined {
  const ids = [p.hint ? `${p.id}-hint` : null, p.error ? `${p.id}-error` : null].filter(Boolean);
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
      <span className="qf-visually-hidden"> ({t("forms.required")})</span>
    </>
  );
}

function HintAndError({ p }: { p: FieldProps }) {
  return (
    <>
      {p.hint ? (
        <p id={`${p.id}-hint`} className="qf-hint">
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p id={`${p.id}-error`} className="qf-error">
          {p.error}
        </p>
      ) : null}
    </>
  );
}

/** A single control with its visible label, hint and error. */
function LabelledField({ p, children }: { p: FieldProps; children: ReactNode }) {
  return (
    <div className={`qf-field${p.error ? " qf-invalid" : ""}`}>
      <label className="qf-label" htmlFor={p.id}>
        {p.label}
        <RequiredMark required={p.required} />
      </label>
      <HintAndError p={p} />
      {children}
    </div>
  );
}

/** The state attributes every control carries. */
function stateProps(p: FieldProps) {
  return {
    disabled: p.disabled,
    "aria-invalid": p.error ? true : undefined,
    "aria-describedby": describedBy(p),
  } as const;
}

function OptionLabel({ option, p }: { option: QuestionnaireItemAnswerOption; p: FieldProps }) {
  const { t, locale } = useTranslator();
  const coding = option.valueCoding;
  const prefix = optionPrefix(option);
  const points = ordinalValue(option);
  const text = (coding?.code && p.optionLabels?.[coding.code]) ?? (coding ? codingDisplay(coding, locale) : "");
  return (
    <span className="qf-option-text">
      {prefix !== null ? (
        <>
          <span className="qf-option-prefix">{prefix}</span>{" "}
        </>
      ) : null}
      <span>{text}</span>
      {p.showPoints && points !== null ? (
        <>
          {" "}
          <span className="qf-points">{t("forms.points", { points })}</span>
        </>
      ) : null}
    </span>
  );
}

function Fieldset({ p, role, children }: { p: FieldProps; role?: "radiogroup"; children: ReactNode }) {
  return (
    <fieldset
      className={`qf-field qf-choice${p.error ? " qf-invalid" : ""}`}
      role={role}
      aria-required={role && p.required ? true : undefined}
      aria-invalid={p.error ? true : undefined}
      aria-describedby={describedBy(p)}
      id={p.id}
    >
      <legend className="qf-label">
        {p.label}
        <RequiredMark required={p.required} />
      </legend>
      <HintAndError p={p} />
      <div className="qf-options">{children}</div>
    </fieldset>
  );
}

/** One answer from a list: native radios sharing a name (arrow keys move between them). */
export function RadioField(p: FieldProps) {
  const selected = p.value[0]?.valueCoding;
  return (
    <Fieldset p={p} role="radiogroup">
      {(p.item.answerOption ?? []).map((option, i) => {
        const coding = option.valueCoding;
        if (!coding) return null;
        return (
          <label key={coding.code ?? i} className="qf-option">
            <input
              type="radio"
              name={p.id}
              value={coding.code}
              checked={sameCoding(selected, coding)}
              disabled={p.disabled}
              onChange={() => p.onChange([{ valueCoding: coding }])}
            />
            <OptionLabel option={option} p={p} />
          </label>
        );
      })}
    </Fieldset>
  );
}

/** Several answers from a list (repeating choice). */
export function CheckboxField(p: FieldProps) {
  const options = p.item.answerOption ?? [];
  return (
    <Fieldset p={p}>
      {options.map((option, i) => {
        const coding = option.valueCoding;
        if (!coding) return null;
        const checked = p.value.some((a) => sameCoding(a.valueCoding, coding));
        return (
          <label key={coding.code ?? i} className="qf-option qf-option-compact">
            <input
              type="checkbox"
              name={p.id}
              value={coding.code}
              checked={checked}
              disabled={p.disabled}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                // Keep the Questionnaire's order (cranial to caudal for levels).
                p.onChange(
                  options
                    .filter((o) => (sameCoding(o.valueCoding, coding) ? on : p.value.some((a) => sameCoding(a.valueCoding, o.valueCoding))))
                    .flatMap((o) => (o.valueCoding ? [{ valueCoding: o.valueCoding }] : [])),
                );
              }}
            />
            <OptionLabel option={option} p={p} />
          </label>
        );
      })}
    </Fieldset>
  );
}

/** One answer from a long list: a native select. */
export function SelectField(p: FieldProps) {
  const { t, locale } = useTranslator();
  const options = p.item.answerOption ?? [];
  const selected = p.value[0]?.valueCoding?.code ?? "";
  return (
    <LabelledField p={p}>
      <select
        id={p.id}
        className="qf-select"
        value={selected}
        required={p.required}
        {...stateProps(p)}
        onChange={(e) => {
          const coding = options.find((o) => o.valueCoding?.code === e.currentTarget.value)?.valueCoding;
          p.onChange(coding ? [{ valueCoding: coding }] : []);
        }}
      >
        <option value="">{t("forms.select.placeholder")}</option>
        {options.map((o, i) => {
          const c = o.valueCoding;
          if (!c) return null;
          const points = ordinalValue(o);
          const prefix = optionPrefix(o);
          const label = `${prefix !== null ? `${prefix} ` : ""}${codingDisplay(c, locale)}${p.showPoints && points !== null ? ` (${t("forms.points", { points })})` : ""}`;
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
function useNumberText(p: FieldProps): [string, (text: string) => void] {
  const current = numberOf(p.item, p.value[0]);
  const [text, setText] = useState(current === undefined ? "" : String(current));
  // The answer changed elsewhere (the slider, a draft restored): follow it in the same render, not an effect
  // later, so the field never shows the previous value (text being typed that already means it is kept).
  const [followed, setFollowed] = useState({ current, item: p.item });
  if (followed.current !== current || followed.item !== p.item) {
    setFollowed({ current, item: p.item });
    const parsed = parseNumber(p.item, text);
    const next = current === undefined ? (parsed === "invalid" ? text : "") : parsed === current ? text : String(current);
    if (next !== text) setText(next);
  }
  const update = (next: string): void => {
    setText(next);
    const parsed = parseNumber(p.item, next);
    if (parsed === "invalid") {
      p.onInputProblem?.(p.item.type === "integer" ? "integer" : "decimal");
      p.onChange([]);
      return;
    }
    p.onInputProblem?.(null);
    p.onChange(parsed === null ? [] : [toAnswer(p.item, parsed)]);
  };
  return [text, update];
}

/** An integer or decimal, typed. */
export function NumberField(p: FieldProps) {
  const [text, update] = useNumberText(p);
  const u = unit(p.item);
  return (
    <LabelledField p={p}>
      <span className="qf-number">
        <input
          id={p.id}
          type="text"
          inputMode={p.item.type === "integer" ? "numeric" : "decimal"}
          autoComplete="off"
          className="qf-input qf-input-number"
          value={text}
          required={p.required}
          {...stateProps(p)}
          onChange={(e) => update(e.currentTarget.value)}
        />
        {u ? <span className="qf-unit">{u}</span> : null}
      </span>
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
export function VasField(p: FieldProps) {
  const { t } = useTranslator();
  const [text, update] = useNumberText(p);
  const min = minValue(p.item) ?? 0;
  const max = maxValue(p.item) ?? 100;
  const current = numberOf(p.item, p.value[0]);
  const answered = current !== undefined;
  const u = unit(p.item);
  const sliderValue = answered ? current : Math.round((min + max) / 2);
  const setFromSlider = (n: number): void => {
    p.onInputProblem?.(null);
    p.onChange([toAnswer(p.item, n)]);
  };
  const vertical = p.vertical === true;
  const topId = `${p.id}-top`;
  const bottomId = `${p.id}-bottom`;
  const describedIds = [describedBy(p), p.anchors?.top ? topId : null, p.anchors?.bottom ? bottomId : null].filter(Boolean).join(" ");
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
      id={p.id}
      type="range"
      className={`qf-slider${answered ? "" : " qf-slider-unanswered"}${vertical ? " qf-slider-vertical" : ""}`}
      min={min}
      max={max}
      step={sliderStep(p.item)}
      value={sliderValue}
      aria-orientation={vertical ? "vertical" : undefined}
      aria-valuetext={answered ? `${current}${u ? ` ${u}` : ""}` : t("app.unanswered")}
      aria-required={p.required ? true : undefined}
      disabled={p.disabled}
      aria-invalid={p.error ? true : undefined}
      aria-describedby={describedIds || undefined}
      onChange={(e) => setFromSlider(e.currentTarget.valueAsNumber)}
      // A tap on the track where the hidden handle already stands is an answer too.
      onPointerUp={(e) => {
        if (!answered) setFromSlider(e.currentTarget.valueAsNumber);
      }}
    />
  );
  return (
    <div className={`qf-field qf-vas${vertical ? " qf-vas-vertical" : ""}${p.error ? " qf-invalid" : ""}`}>
      <label id={`${p.id}-label`} className="qf-label" htmlFor={p.id}>
        {p.label}
        <RequiredMark required={p.required} />
      </label>
      <HintAndError p={p} />
      {vertical ? (
        <div className="qf-vas-column">
          {end(max, topId, p.anchors?.top)}
          {slider}
          {end(min, bottomId, p.anchors?.bottom)}
          {answered ? (
            <output className="qf-vas-value" htmlFor={p.id} aria-hidden="true">
              {current}
            </output>
          ) : null}
        </div>
      ) : (
        <div className="qf-vas-row">
          {end(min, bottomId, p.anchors?.bottom)}
          {slider}
          {end(max, topId, p.anchors?.top)}
        </div>
      )}
      {p.numberField === false ? null : (
        <span className="qf-number">
          <input
            id={`${p.id}-number`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="qf-input qf-input-number"
            aria-label={t("forms.vas.number", { label: p.label })}
            value={text}
            {...stateProps(p)}
            onChange={(e) => update(e.currentTarget.value)}
          />
          {u ? <span className="qf-unit">{u}</span> : null}
        </span>
      )}
    </div>
  );
}

export function DateField(p: FieldProps) {
  return (
    <LabelledField p={p}>
      <input
        id={p.id}
        type="date"
        className="qf-input"
        value={p.value[0]?.valueDate ?? ""}
        required={p.required}
        {...stateProps(p)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          p.onChange(v ? [{ valueDate: v }] : []);
        }}
      />
    </LabelledField>
  );
}

export function TextField(p: FieldProps) {
  return (
    <LabelledField p={p}>
      <input
        id={p.id}
        type="text"
        className="qf-input"
        value={p.value[0]?.valueString ?? ""}
        required={p.required}
        {...stateProps(p)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          p.onChange(v.trim() ? [{ valueString: v }] : []);
        }}
      />
    </LabelledField>
  );
}
