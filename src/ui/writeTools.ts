/**
 * The write side of the view, bound to one launch: the questionnaires panel and "Save assessment" (SINS and
 * Tokuhashi answers as the app's QuestionnaireResponses), from src/forms' lazy loaders (loaded on first use).
 */
import type Client from "fhirclient/lib/Client";
import type { AppConfig } from "../../launch/config";
import type { LaunchContext } from "../fhir";
import { assessmentSaver, formsPanelLoader, type WriteBackSetup } from "../forms/lazy";
import type { Session } from "./App";

export function writeTools(client: Client, context: LaunchContext, config: AppConfig): Pick<Session, "save" | "loadFormsPanel"> {
  const setup: WriteBackSetup = {
    client,
    context,
    questionnaireBase: config.questionnaireBase,
    valueSetId: config.defaultValueSet,
    fhirTimeoutMs: config.fhirTimeoutMs,
  };
  return { loadFormsPanel: formsPanelLoader(setup), save: context.canWrite ? assessmentSaver(setup) : undefined };
}
