/**
 * src/forms: the one Questionnaire renderer (the clinician's forms panel and patient self-report mode), a chunk
 * of its own. It sends through src/writeback; it never talks to the FHIR server or imports fhirclient itself.
 *
 * How the app wires the questionnaires without loading them up front: the forms panel and "Save assessment"
 * are fetched on first use (their own chunk, with the Questionnaires and the write path). Only types are
 * imported here, so this module stays tiny in the main chunk.
 */
import { createElement, type ComponentType } from "react";
import type { LaunchContext } from "../fhir/context";
import type { AssessmentTiming, ClinicianEntries, ScoreReport } from "../report/types";
import type { FhirSend } from "../writeback/transport";

export interface WriteBackSetup {
  /** How the write path talks to this launch's FHIR server (src/writeback's clientSend). */
  send: FhirSend;
  /** launchContext(client): patient, encounter, fhirUser, what the scopes allow. */
  context: LaunchContext;
  /** From the app configuration. */
  valueSetId?: string;
}

/** What the view passes the panel (src/ui FormsSlotProps). */
export interface FormsSlotProps {
  onStored: () => void;
}

/** For Session.loadFormsPanel: the FormsPanel with this launch bound, loaded on first use. */
export function formsPanelLoader(setup: WriteBackSetup): () => Promise<{ default: ComponentType<FormsSlotProps> }> {
  return async () => {
    const { default: FormsPanel } = await import("./FormsPanel");
    const { send } = setup;
    function BoundFormsPanel({ onStored }: FormsSlotProps) {
      return createElement(FormsPanel, {
        send,
        launch: setup.context,
        ...(setup.valueSetId ? { valueSetId: setup.valueSetId } : {}),
        onStored: () => onStored(),
      });
    }
    return { default: BoundFormsPanel };
  };
}

/**
 * For Session.save: writes the report's SINS and Tokuhashi as QuestionnaireResponses; rejects with an
 * AssessmentNotSavedError (drafts kept) when a part is not stored.
 */
export function assessmentSaver(
  setup: WriteBackSetup,
): (report: ScoreReport, entries: ClinicianEntries, when?: AssessmentTiming) => Promise<void> {
  type Saver = (report: ScoreReport, entries: ClinicianEntries, when?: AssessmentTiming) => Promise<void>;
  let saver: Promise<Saver> | null = null;
  const load = async (): Promise<Saver> => {
    const { serverUrl, patientId, encounterId, fhirUser, canWrite, canReadQuestionnaire, canWriteQuestionnaire } =
      setup.context;
    if (!patientId) throw new Error("No patient in the launch context: nothing can be saved.");
    const { makeAssessmentSaver } = await import("./assessment");
    return makeAssessmentSaver({
      send: setup.send,
      context: { serverUrl, patientId, encounterId, fhirUser },
      mayReadQuestionnaire: canReadQuestionnaire,
      mayCreateQuestionnaire: canWriteQuestionnaire,
      canWrite,
      ...(setup.valueSetId ? { valueSetId: setup.valueSetId } : {}),
    });
  };
  return async (report, entries, when) => {
    saver ??= load();
    saver.catch(() => {
      saver = null;
    });
    return (await saver)(report, entries, when);
  };
}
