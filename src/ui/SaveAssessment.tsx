import { useId, useRef, useState } from "react";
import type { MessageKey, MessageParams } from "../i18n";
import type { AssessmentTiming, ClinicianEntries, QolTimepointKind, ScoreReport } from "../report/types";
import { useTranslator } from "../i18n/react";
import { TIMEPOINTS } from "./labels";

type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed"; reason: [MessageKey, MessageParams?] };

/**
 * The words a failed save carries (AssessmentNotSavedError.reason of src/forms/assessment.ts, read by shape so
 * that the write path stays out of the main chunk); else the general "could not be saved, try again".
 */
function reasonOf(error: unknown): [MessageKey, MessageParams?] {
  const reason: unknown =
    typeof error === "object" && error !== null ? (error as { reason?: unknown }).reason : undefined;
  if (Array.isArray(reason) && typeof reason[0] === "string") {
    const params: unknown = reason[1];
    const key = reason[0] as MessageKey;
    return typeof params === "object" && params !== null ? [key, params as MessageParams] : [key];
  }
  return ["app.save.failed"];
}

/** Today as YYYY-MM-DD in the browser's own calendar (the clinician's day, not UTC's). */
function today(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * "Save assessment": asks when the assessment applies (pre-op, 1 month after surgery, or another date) and its
 * date (today unless changed; required for "other"), then hands the SINS and Tokuhashi answers to the write-back
 * module, which writes only the items the clinician entered or confirmed; says how it went. Without a write-back
 * (the launch granted no write scope) the button is off and says so in the forms' own words.
 */
export function SaveAssessment({
  report,
  entries,
  onSave,
  now,
}: {
  report: ScoreReport;
  entries: ClinicianEntries;
  onSave?: ((report: ScoreReport, entries: ClinicianEntries, when?: AssessmentTiming) => Promise<void>) | undefined;
  /** "Today" for the date's default (tests inject it). */
  now?: Date;
}) {
  const { t } = useTranslator();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [timepoint, setTimepoint] = useState<QolTimepointKind>("preop");
  const [todayIs] = useState<string>(() => today(now ?? new Date()));
  const [otherDate, setDate] = useState<string>(todayIs);
  // The app's Questionnaires (1.0.0) take a date of their own only with "other"; pre-op and 1-month answers are
  // dated by the response itself, the day they are saved.
  const date = timepoint === "other" ? otherDate : todayIs;
  const [dateMissing, setDateMissing] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const uid = useId();
  const dateId = `${uid}-date`;
  const dateErrorId = `${uid}-date-error`;
  const disabled = !onSave || state.kind === "saving";
  const save = (): void => {
    if (!onSave) return;
    if (timepoint === "other" && !date) {
      setDateMissing(true);
      dateRef.current?.focus();
      return;
    }
    setDateMissing(false);
    setState({ kind: "saving" });
    onSave(report, entries, { timepoint, date: date || null }).then(
      () => setState({ kind: "saved" }),
      (error: unknown) => setState({ kind: "failed", reason: reasonOf(error) }),
    );
  };
  return (
    <div className="save-assessment no-print" data-testid="save-assessment">
      <fieldset className="save-when" disabled={!onSave}>
        <legend>{t("app.save.timepoint")}</legend>
        {TIMEPOINTS.map((tp) => (
          <label key={tp} className="save-timepoint">
            <input
              type="radio"
              name={`${uid}-timepoint`}
              value={tp}
              data-testid={`save-timepoint-${tp}`}
              checked={timepoint === tp}
              onChange={() => {
                setTimepoint(tp);
                setDateMissing(false);
              }}
            />{" "}
            {t(`app.save.timepoint.${tp}`)}
          </label>
        ))}
        <label htmlFor={dateId} className="save-date-label">
          {t("app.save.date")}
        </label>{" "}
        <input
          id={dateId}
          ref={dateRef}
          type="date"
          data-testid="save-date"
          value={date}
          disabled={timepoint !== "other"}
          aria-describedby={dateMissing ? dateErrorId : timepoint !== "other" ? `${uid}-date-hint` : undefined}
          required={timepoint === "other"}
          aria-required={timepoint === "other"}
          aria-invalid={dateMissing || undefined}
          onChange={(e) => {
            setDate(e.target.value);
            if (e.target.value) setDateMissing(false);
          }}
        />
        {timepoint !== "other" ? (
          <p id={`${uid}-date-hint`} className="hint">
            {t("app.save.date.today")}
          </p>
        ) : null}
        {dateMissing ? (
          <p id={dateErrorId} className="error" role="alert">
            {t("app.save.date.required")}
          </p>
        ) : null}
      </fieldset>
      <p className="hint">{t("app.save.what")}</p>
      <button
        type="button"
        disabled={disabled}
        aria-describedby={!onSave ? "save-unavailable" : undefined}
        onClick={save}
      >
        {t("app.save.button")}
      </button>
      {!onSave ? (
        <p id="save-unavailable" className="hint">
          {t("forms.status.noWrite")}
        </p>
      ) : null}
      <p role="status" className="save-status">
        {state.kind === "saving"
          ? t("app.save.saving")
          : state.kind === "saved"
            ? t("app.save.saved")
            : state.kind === "failed"
              ? t(...state.reason)
              : ""}
      </p>
    </div>
  );
}
