/**
 * What the launch told the app, kept for the view and the write-back: patient, encounter, user,
 * banner, locale, style and what the granted scopes allow. Never includes a token.
 */
import type Client from "fhirclient/lib/Client";
import { needPatientBanner } from "./banner";
import { parseScopes, scopeAllows } from "./scopes";

export interface LaunchContext {
  serverUrl: string;
  patientId: string | null;
  encounterId: string | null;
  /** "Practitioner/123" from the id_token (openid fhirUser), for QuestionnaireResponse.author. */
  fhirUser: string | null;
  needPatientBanner: boolean;
  /** The token response's `locale` (a BCP 47 tag) when the EHR sends one. */
  locale: string | null;
  /** The token response's `smart_style_url`, when present (the EHR's style hints). */
  smartStyleUrl: string | null;
  /** Granted scopes (the token response's `scope`; the requested ones when the server does not say). */
  scopes: string[];
  /** True when launched against an open server (no authorization): debug only. */
  openServer: boolean;
  /** May create QuestionnaireResponses for this patient. */
  canWrite: boolean;
  /** May read Questionnaires (to check that the app's Questionnaires are on the server). */
  canReadQuestionnaire: boolean;
  /** May create Questionnaires (to load a missing one). */
  canWriteQuestionnaire: boolean;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export function launchContext(client: Client): LaunchContext {
  const token: Record<string, unknown> =
    (client.getState("tokenResponse") as Record<string, unknown> | undefined) ?? {};
  const openServer = str(token.access_token) === null;
  const scopeText = str(token.scope) ?? str(client.getState("scope")) ?? "";
  const scopes = scopeText.split(/\s+/).filter(Boolean);
  const parsed = parseScopes(scopeText);

  let fhirUser: string | null;
  try {
    fhirUser = client.getFhirUser();
  } catch {
    fhirUser = null; // an unreadable id_token: no author, nothing else changes
  }

  return {
    serverUrl: String(client.getState("serverUrl") ?? ""),
    patientId: str(client.patient.id),
    encounterId: str(client.encounter.id),
    fhirUser: str(fhirUser),
    needPatientBanner: needPatientBanner(token),
    locale: str(token.locale),
    smartStyleUrl: str(token.smart_style_url),
    scopes,
    openServer,
    canWrite: openServer || scopeAllows(parsed, "QuestionnaireResponse", "c"),
    canReadQuestionnaire: openServer || scopeAllows(parsed, "Questionnaire", "r"),
    canWriteQuestionnaire: openServer || scopeAllows(parsed, "Questionnaire", "c"),
  };
}
