/**
 * The write side of the view, bound to one launch: the questionnaires panel and "Save assessment" (SINS and
 * Tokuhashi answers as the app's QuestionnaireResponses), from src/forms' lazy loaders (loaded on first use).
 * Setting them up purges the drafts other launches left in this tab (another patient, FHIR server or user):
 * answers are PHI and only this launch's may stay at rest.
 */
import type Client from "fhirclient/lib/Client";
import type { AppConfig } from "../../launch/config";
import type { LaunchContext } from "../fhir";
import { assessmentSaver, formsPanelLoader, type WriteBackSetup } from "../forms/lazy";
import { browserSessionStorage, purgeOtherDrafts, type KeyedStorage } from "../writeback/draft-keys";
import type { Session } from "./App";

export function writeTools(
  client: Client,
  context: LaunchContext,
  config: AppConfig,
  storage: KeyedStorage | null = browserSessionStorage(),
): Pick<Session, "save" | "loadFormsPanel"> {
  purgeOtherDrafts(context.patientId ? { serverUrl: context.serverUrl, patientId: context.patientId, userId: context.fhirUser } : null, storage);
  const setup: WriteBackSetup = {
    client,
    context,
    valueSetId: config.defaultValueSet,
    fhirTimeoutMs: config.fhirTimeoutMs,
  };
  return { loadFormsPanel: formsPanelLoader(setup), save: context.canWrite ? assessmentSaver(setup) : undefined };
}
