/**
 * The scopes the app asks for, and no more than it uses. SMART v1 (`.read` / `.write`) or v2 (`.rs` for reads,
 * `.c` for the QuestionnaireResponse creates — the app never updates or deletes), chosen in app-config.json
 * (`scopeStyle`), or given verbatim (`scopes`). An EHR launch asks for `launch` (the EHR's context names the
 * patient); a standalone launch for `launch/patient` (the authorization server's picker) instead.
 */
import type { AppConfig } from "./config";

export type LaunchKind = "ehr" | "standalone";

/** What the app reads (src/fhir/record.ts): the Procedures tell when the index surgery was (pre-op vs follow-up). */
const READS = ["Patient", "Condition", "Observation", "Procedure", "QuestionnaireResponse"] as const;

export function buildScopes(config: AppConfig, kind: LaunchKind): string {
  const scopes = config.scopes !== null ? config.scopes.split(/\s+/).filter(Boolean) : defaultScopes(config, kind);
  // Standalone launch: no EHR launch context to bind; the server's patient picker (launch/patient) decides.
  const out = kind === "standalone" ? scopes.filter((s) => s !== "launch") : scopes;
  return [...new Set(out)].join(" ");
}

function defaultScopes(config: AppConfig, kind: LaunchKind): string[] {
  const v2 = config.scopeStyle === "v2";
  const read = v2 ? "rs" : "read";
  const create = v2 ? "c" : "write";
  const scopes = ["openid", "fhirUser", kind === "ehr" ? "launch" : "launch/patient"];
  for (const type of READS) scopes.push(`patient/${type}.${read}`);
  scopes.push(`patient/QuestionnaireResponse.${create}`);
  // Questionnaire is not in the patient compartment: user/ scopes.
  if (config.questionnaireAccess !== "none") scopes.push(`user/Questionnaire.${read}`);
  if (config.questionnaireAccess === "read-write") scopes.push(`user/Questionnaire.${create}`);
  if (config.refreshScope !== "none") scopes.push(config.refreshScope);
  return scopes;
}
