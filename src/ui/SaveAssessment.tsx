import { useState } from "react";
import type { MessageKey, MessageParams } from "../i18n";
import type { ClinicianEntries, ScoreReport } from "../report/types";
import { useTranslator } from "../i18n/react";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed"; reason: [MessageKey, MessageParams?] };

/**
 * The words a failed save carries (AssessmentNotSavedError.reason of src/forms/assessment.ts, read by shape so
 * that the write path stays out of the main chunk); else the general "could not be saved, try again".
 */
function reasonOf(error: unknown): [MessageKey, MessageParams?] {
  const reason: unknown = typeof error === "object" && error !== null ? (error as { reason?: unknown }).reason : undefined;
  if (Array.isArray(reason) && typeof reason[0] === "string") {
    const params: unknown = reason[1];
    return [reason[0] as MessageKey, typeof params === "object" && params !== null ? (params as MessageParams) : undefined];
  }
  return ["app.save.failed"];
}

/**
 * "Save assessment": hands the SINS and Tokuhashi answers to the write-back module; says how it went. Without a
 * write-back (the launch granted no write scope) the button is off and says so in the forms' own words.
 */
export function SaveAssessment({
  report,
  entries,
  onSave,
}: {
  report: ScoreReport;
  entries: ClinicianEntries;
  onSave?: ((report: ScoreReport, entries: ClinicianEntries) => Promise<void>) | undefined;
}) {
  const { t } = useTranslator();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  return (
    <div className="save-assessment no-print" data-testid="save-assessment">
      <button
        type="button"
        disabled={!onSave || state.kind === "saving"}
        aria-describedby={!onSave ? "save-unavailable" : undefined}
        onClick={() => {
          if (!onSave) return;
          setState({ kind: "saving" });
          onSave(report, entries).then(
            () => setState({ kind: "saved" }),
            (error: unknown) => setState({ kind: "failed", reason: reasonOf(error) }),
          );
        }}
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
