/**
 * The write side of the view, bound to one launch: the questionnaires panel and "Save assessment" (SINS and
 * Tokuhashi answers as the app's QuestionnaireResponses), from src/forms' lazy loaders (loaded on first use).
 * The launch's client stays opaque here: src/writeback's clientSend turns it into the write path's `send`.
 * Setting them up purges the drafts other launches left in this tab (another patient, FHIR server or user):
 * answers are PHI and only this launch's may stay at rest.
 */
import type { AppConfig } from "../../launch/config";
import type { FhirClient, LaunchContext } from "../fhir";
import { assessmentSaver, formsPanelLoader, type WriteBackSetup } from "../forms/lazy";
import { browserSessionStorage, purgeOtherDrafts, type KeyedStorage } from "../writeback/draft-keys";
import { clientSend } from "../writeback/transport";
import type { Session } from "./App";

export function writeTools(
  client: FhirClient,
  context: LaunchContext,
  config: AppConfig,
  storage: KeyedStorage | null = browserSessionStorage(),
): Pick<Session, "save" | "loadFormsPanel"> {
  purgeOtherDrafts(
    context.patientId ? { serverUrl: context.serverUrl, patientId: context.patientId, userId: context.fhirUser } : null,
    storage,
  );
  const setup: WriteBackSetup = {
    send: clientSend(client, config.fhirTimeoutMs ? { timeoutMs: config.fhirTimeoutMs } : {}),
    context,
    ...(config.defaultValueSet ? { valueSetId: config.defaultValueSet } : {}),
  };
  return { loadFormsPanel: formsPanelLoader(setup), save: context.canWrite ? assessmentSaver(setup) : undefined };
}
