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

export type LaunchPlan =
  | { kind: "ehr"; iss: string; launch: string }
  | { kind: "standalone"; iss: string }
  | { kind: "open-server"; fhirServiceUrl: string; patientId: string };

export type LaunchProblem =
  | { code: "missing-iss" }
  | { code: "invalid-server-url"; url: string }
  | { code: "insecure-server-url"; url: string }
  | { code: "server-not-allowed"; url: string }
  | { code: "open-server-disabled"; url: string }
  | { code: "missing-patient" }
  | { code: "bad-config"; problems: string[] }
  | { code: "pkce-unsupported"; server: string }
  | { code: "authorize-failed"; server: string; detail: string };

export type PlanResult = { ok: true; plan: LaunchPlan } | { ok: false; problem: LaunchProblem };

export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1" || host === "[::1]" || host === "::1";
}

function trimSlashes(s: string): string {
  return s.replace(/\/+$/, "");
}

/** A usable FHIR base: http(s), https unless loopback, on the allow-list when there is one. */
function checkServer(raw: string, config: AppConfig): LaunchProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: "invalid-server-url", url: raw };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { code: "invalid-server-url", url: raw };
  if (url.protocol === "http:" && !isLoopback(url)) return { code: "insecure-server-url", url: raw };
  if (url.username !== "" || url.password !== "") return { code: "invalid-server-url", url: raw };
  if (config.issAllowlist.length > 0) {
    const base = trimSlashes(raw);
    const allowed = config.issAllowlist.some((entry) => {
      const e = trimSlashes(entry);
      return base === e || base.startsWith(`${e}/`);
    });
    if (!allowed) return { code: "server-not-allowed", url: raw };
  }
  return null;
}

export function planLaunch(href: string, config: AppConfig): PlanResult {
  const params = new URL(href).searchParams;
  const iss = params.get("iss")?.trim() ?? "";
  const launch = params.get("launch")?.trim() ?? "";
  const fhirServiceUrl = params.get("fhirServiceUrl")?.trim() ?? "";

  // As in fhirclient: iss wins over fhirServiceUrl.
  if (iss !== "") {
    const problem = checkServer(iss, config);
    if (problem) return { ok: false, problem };
    return { ok: true, plan: launch !== "" ? { kind: "ehr", iss, launch } : { kind: "standalone", iss } };
  }
  if (fhirServiceUrl !== "") {
    const problem = checkServer(fhirServiceUrl, config);
    if (problem) return { ok: false, problem };
    const url = new URL(fhirServiceUrl);
    if (config.openServerLaunch === "off" || (config.openServerLaunch === "loopback" && !isLoopback(url))) {
      return { ok: false, problem: { code: "open-server-disabled", url: fhirServiceUrl } };
    }
    const patientId = params.get("patientId")?.trim() ?? "";
    if (patientId === "") return { ok: false, problem: { code: "missing-patient" } };
    return { ok: true, plan: { kind: "open-server", fhirServiceUrl, patientId } };
  }
  return { ok: false, problem: { code: "missing-iss" } };
}

/** The options for `FHIR.oauth2.authorize` for a plan. */
export function authorizeOptions(plan: LaunchPlan, config: AppConfig, signal?: AbortSignal): fhirclient.AuthorizeParams {
  const common: fhirclient.AuthorizeParams = {
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    // Always finish in this window: an EHR that embeds the app in a frame keeps it there.
    completeInTarget: true,
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
