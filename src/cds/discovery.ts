/**
 * The discovery document (`GET /cds-services`) and the prefetch templates: the Patient, all their Conditions,
 * their Observations with the extraction's codes (SEARCH_CODES, as the app searches them), their Procedures
 * and all their QuestionnaireResponses (the extraction keeps the app's own, as the app does).
 *
 * A prefetch template is one query (the app splits long code lists into several searches; a template cannot).
 * With the shipped code list the Observation template's `code=` value is ≈ 270 characters encoded; when local
 * codes make it longer than MAX_CODE_PARAM_LENGTH (1 500, the app's limit per search) the template asks for
 * every Observation of the patient instead, and the extraction filters them.
 */
import { SEARCH_CODES } from "../extract";
import { createTranslator } from "../i18n";
import { cdsText } from "./text";
import type { CdsConfig } from "./config";
import type { CdsDiscovery, CdsServiceDefinition, PrefetchKey } from "./types";

const MAX_CODE_PARAM_LENGTH = 1500;

/** `system|code,system|code`, each code percent-encoded (`|` → %7C) and the commas kept as list separators. */
function observationCodeParam(codes: readonly string[]): string {
  return [...new Set(codes)].map((c) => encodeURIComponent(c)).join(",");
}

/** The prefetch templates (also the queries the service runs itself when a key is missing). */
export function prefetchTemplates(
  observationCodes: readonly string[] = SEARCH_CODES.observations,
): Record<PrefetchKey, string> {
  const codes = observationCodeParam(observationCodes);
  const observations =
    codes.length > 0 && codes.length <= MAX_CODE_PARAM_LENGTH
      ? `Observation?patient={{context.patientId}}&code=${codes}`
      : "Observation?patient={{context.patientId}}";
  return {
    patient: "Patient/{{context.patientId}}",
    conditions: "Condition?patient={{context.patientId}}",
    observations,
    procedures: "Procedure?patient={{context.patientId}}",
    questionnaireResponses: "QuestionnaireResponse?patient={{context.patientId}}",
  };
}

function serviceDefinition(config: CdsConfig): CdsServiceDefinition {
  const t = createTranslator(config.locale);
  return {
    hook: "patient-view",
    title: cdsText(t, "cds.service.title"),
    description: cdsText(t, "cds.service.description"),
    id: config.serviceId,
    prefetch: prefetchTemplates(),
    usageRequirements:
      "Prefetch or fhirServer + fhirAuthorization (patient/Patient.read, Condition.read, Observation.read, Procedure.read, QuestionnaireResponse.read); a JWT signed by a trusted CDS client.",
  };
}

export function discoveryDocument(config: CdsConfig): CdsDiscovery {
  return { services: [serviceDefinition(config)] };
}
