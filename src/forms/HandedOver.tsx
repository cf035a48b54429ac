/**
 * What the app renders instead of the clinician's view while the device is handed to the patient (after a reload
 * too): the questionnaires panel alone, which shows only patient mode while handed over (src/forms/handover.ts).
 * Part of the main chunk: it imports nothing heavy; the panel itself is loaded on demand as usual.
 */
import { lazy, Suspense, useState, type ComponentType } from "react";
import { useTranslator } from "../i18n/react";
import { ExitDialog } from "./ExitDialog";
import { clearHandover } from "./handover";

export interface HandedOverProps {
  /** Session.loadFormsPanel. */
  load: (() => Promise<{ default: ComponentType<{ onStored: () => void }> }>) | undefined;
  /** The record changed (called once the clinician is back). */
  onStored: () => void;
}

export function HandedOver({ load, onStored }: HandedOverProps) {
  const { t } = useTranslator();
  const [Panel] = useState(() => (load ? lazy(load) : null));
  const [leaving, setLeaving] = useState(false);
  if (!Panel) {
    // No questionnaires in this launch: nothing to ask, but leaving still needs the code.
    return (
      <div className="pm-locked" data-testid="patient-mode">
        <p role="status">{t("forms.patient.nothing")}</p>
        <button type="button" onClick={() => setLeaving(true)}>
          {t("forms.patient.exit")}
        </button>
        {leaving ? <ExitDialog onStay={() => setLeaving(false)} onLeave={clearHandover} /> : null}
      </div>
    );
  }
  return (
    <Suspense fallback={<p role="status">{t("app.loading")}</p>}>
      <Panel onStored={onStored} />
    </Suspense>
  );
}
