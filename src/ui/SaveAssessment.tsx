import { useState } from "react";
import type { ClinicianEntries, ScoreReport } from "../report/types";
import { useTranslator } from "../i18n/react";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed" };

/** "Save assessment": hands the SINS and Tokuhashi answers to the write-back module; says how it went. */
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
            () => setState({ kind: "failed" }),
          );
        }}
      >
        {t("app.save.button")}
      </button>
      {!onSave ? (
        <p id="save-unavailable" className="hint">
          {t("app.save.unavailable")}
        </p>
      ) : null}
      <p role="status" className="save-status">
        {state.kind === "saving"
          ? t("app.save.saving")
          : state.kind === "saved"
            ? t("app.save.saved")
            : state.kind === "failed"
              ? t("app.save.failed")
              : ""}
      </p>
    </div>
  );
}
