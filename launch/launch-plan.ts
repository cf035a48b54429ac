/**
 * Which of the three ways in this launch is, from the launch URL:
 * - EHR launch: `?iss=<FHIR base>&launch=<opaque>`
 * - standalone launch: `?iss=<FHIR base>` (the authorization server's patient picker)
 * - open-server debug launch: `?fhirServiceUrl=<FHIR base>&patientId=<id>`, no authorization;
 *   allowed only where app-config.json says so (default: loopback servers only)
 * and whether the configuration allows it.
 */
import type { fhirclient } from "fhirclient/lib/types";
import type { AppConfig } from "./config";
import { buildScopes } from "./scopes";
import { checkServerUrl, openServerAllowed } from "./servers";

export type LaunchPlan =
  | { kind: "ehr"; iss: string; launch: string }
  | { kind: "standalone"; iss: string }
  | { kind: "open-server"; fhirServiceUrl: string; patientId: string };

/** What is wrong with the FHIR server a launch names (the problem's `url`). */
type ServerProblem =
  | "invalid-server-url"
  | "insecure-server-url"
  /** app-config.json lists no FHIR server: the installer has not configured this deployment. */
  | "no-allowlist"
  | "server-not-allowed"
  | "open-server-disabled"
  /** An `iss` whose discovery names no authorization endpoint: an open server reached through `iss`. */
  | "no-authorization";

export type LaunchProblem =
  | { code: "missing-iss" }
  | { code: ServerProblem; url: string }
  /** A launch parameter fhirclient would honour but this app never takes from the address (`patientId`, `clientId`). */
  | { code: "forbidden-parameter"; name: string }
  | { code: "missing-patient" }
  | { code: "bad-config"; problems: string[] }
  | { code: "pkce-unsupported"; server: string }
  | { code: "authorize-failed"; server: string; detail: string };

export type PlanResult = { ok: true; plan: LaunchPlan } | { ok: false; problem: LaunchProblem };

/** checkServerUrl's findings as the launch page names them. */
const SERVER_PROBLEM = {
  invalid: "invalid-server-url",
  insecure: "insecure-server-url",
  "no-allowlist": "no-allowlist",
  "not-allowed": "server-not-allowed",
} as const satisfies Record<string, ServerProblem>;

/** A usable FHIR base: http(s), https unless loopback, on the allowlist (which must not be empty). */
function checkServer(raw: string, config: AppConfig): LaunchProblem | null {
  const checked = checkServerUrl(raw, config.issAllowlist);
  if (checked.ok) return null;
  return { code: SERVER_PROBLEM[checked.problem], url: raw };
}

/**
 * fhirclient reads `clientId` from any launch address and `patientId` from it too: a link could then pick the
 * client or, on a server without authorization, the patient. The app takes the client id from app-config.json
 * only, and a patient from the address only in the open-server debug launch.
 */
function forbiddenParameter(params: URLSearchParams, kind: "iss" | "open-server"): LaunchProblem | null {
  const names = kind === "iss" ? ["clientId", "patientId"] : ["clientId"];
  const found = names.find((n) => params.has(n));
  return found ? { code: "forbidden-parameter", name: found } : null;
}

export function planLaunch(href: string, config: AppConfig): PlanResult {
  const params = new URL(href).searchParams;
  const iss = params.get("iss")?.trim() ?? "";
  const launch = params.get("launch")?.trim() ?? "";
  const fhirServiceUrl = params.get("fhirServiceUrl")?.trim() ?? "";

  // As in fhirclient: iss wins over fhirServiceUrl.
  if (iss !== "") {
    const problem = forbiddenParameter(params, "iss") ?? checkServer(iss, config);
    if (problem) return { ok: false, problem };
    return { ok: true, plan: launch !== "" ? { kind: "ehr", iss, launch } : { kind: "standalone", iss } };
  }
  if (fhirServiceUrl !== "") {
    const problem = forbiddenParameter(params, "open-server") ?? checkServer(fhirServiceUrl, config);
    if (problem) return { ok: false, problem };
    if (!openServerAllowed(fhirServiceUrl, config.openServerLaunch)) {
      return { ok: false, problem: { code: "open-server-disabled", url: fhirServiceUrl } };
    }
    const patientId = params.get("patientId")?.trim() ?? "";
    if (patientId === "") return { ok: false, problem: { code: "missing-patient" } };
    return { ok: true, plan: { kind: "open-server", fhirServiceUrl, patientId } };
  }
  return { ok: false, problem: { code: "missing-iss" } };
}

/** The options for `FHIR.oauth2.authorize` for a plan. */
export function authorizeOptions(
  plan: LaunchPlan,
  config: AppConfig,
  signal?: AbortSignal,
): fhirclient.AuthorizeParams {
  const common: fhirclient.AuthorizeParams = {
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    // Always finish in this window: an EHR that embeds the app in a frame keeps it there.
    completeInTarget: true,
    // The launch page looks at where fhirclient would send the browser before it goes (startLaunch).
    noRedirect: true,
  };
  if (plan.kind === "open-server") {
    return { ...common, fhirServiceUrl: plan.fhirServiceUrl, patientId: plan.patientId, scope: "" };
  }
  return {
    ...common,
    iss: plan.iss,
    ...(plan.kind === "ehr" ? { launch: plan.launch } : {}),
    scope: buildScopes(config, plan.kind),
    pkceMode: config.pkceMode,
    ...(signal ? { wellKnownRequestOptions: { signal }, conformanceRequestOptions: { signal } } : {}),
  };
}
