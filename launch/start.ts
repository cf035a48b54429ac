/**
 * The launch page: read the configuration, work out the kind of launch, hand over to
 * `FHIR.oauth2.authorize` (discovery from .well-known/smart-configuration, PKCE S256, redirect to the
 * authorization server). Anything that stops the launch is shown on the page, as text.
 */
import type { fhirclient } from "fhirclient/lib/types";
import type { Translator } from "../src/i18n/translate";
import type { PreferenceStorage } from "../src/ui/localePreference";
import type { AppConfig, ConfigResult } from "./config";
import { launchTranslator } from "./messages";
import { authorizeOptions, planLaunch, type LaunchPlan, type LaunchProblem } from "./launch-plan";
import { openServerAllowed, parseServerUrl } from "./servers";

export interface LaunchDeps {
  /** The launch page's address (with iss / launch / fhirServiceUrl / patientId). */
  href: string;
  loadConfig: () => Promise<ConfigResult>;
  /** `FHIR.oauth2.authorize`, called with `noRedirect`: resolves with where it would send the browser. */
  authorize: (options: fhirclient.AuthorizeParams) => Promise<string | void>;
  /** Sends the browser on (the authorization endpoint, or the app for an open-server launch). */
  navigate: (url: string) => void;
  /** Drops the launch state fhirclient stored for a launch that is refused after discovery. */
  forgetLaunchState: () => void;
  /** Called once the server is known, before discovery. */
  onConnecting?: (server: string) => void;
}

export type LaunchOutcome = { ok: true; plan: LaunchPlan; redirect: string } | { ok: false; problem: LaunchProblem };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Runs the launch; resolves with the problem instead of throwing. */
export async function startLaunch(deps: LaunchDeps): Promise<LaunchOutcome> {
  const loaded = await deps.loadConfig();
  if (!loaded.ok) return { ok: false, problem: { code: "bad-config", problems: loaded.problems } };
  const config = loaded.config;

  const planned = planLaunch(deps.href, config);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const server = plan.kind === "open-server" ? plan.fhirServiceUrl : plan.iss;
  deps.onConnecting?.(hostOf(server));

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), config.fhirTimeoutMs);
  let target: string | void;
  try {
    target = await deps.authorize(authorizeOptions(plan, config, timeout.signal));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/PKCE/.test(message)) return { ok: false, problem: { code: "pkce-unsupported", server: hostOf(server) } };
    return {
      ok: false,
      problem: { code: "authorize-failed", server: hostOf(server), detail: message.replace(/\s+/g, " ").slice(0, 300) },
    };
  } finally {
    clearTimeout(timer);
  }
  const refused: LaunchProblem | null =
    typeof target === "string"
      ? refuseTarget(plan, target, config)
      : { code: "authorize-failed", server: hostOf(server), detail: "no redirect" };
  if (refused !== null || typeof target !== "string") {
    deps.forgetLaunchState();
    return {
      ok: false,
      problem: refused ?? { code: "authorize-failed", server: hostOf(server), detail: "no redirect" },
    };
  }
  deps.navigate(target);
  return { ok: true, plan, redirect: target };
}

/**
 * Where fhirclient would send the browser, checked before it goes. An `iss` launch must go to an
 * authorization endpoint (https, or http on loopback): when discovery found none, fhirclient would treat the
 * server as open and start an unauthenticated session — the open-server rule of app-config.json applies, and
 * even where it allows one, a patient is only taken from an explicit `fhirServiceUrl` launch.
 */
function refuseTarget(plan: LaunchPlan, target: string, config: AppConfig): LaunchProblem | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return {
      code: "authorize-failed",
      server: plan.kind === "open-server" ? hostOf(plan.fhirServiceUrl) : hostOf(plan.iss),
      detail: "unusable redirect",
    };
  }
  if (plan.kind === "open-server") return null;
  if (!url.searchParams.has("response_type")) {
    return openServerAllowed(plan.iss, config.openServerLaunch)
      ? { code: "no-authorization", url: plan.iss }
      : { code: "open-server-disabled", url: plan.iss };
  }
  const endpoint = parseServerUrl(`${url.origin}${url.pathname}`);
  if (!endpoint.ok)
    return {
      code: "authorize-failed",
      server: hostOf(plan.iss),
      detail: `authorization endpoint ${url.origin} is not https`,
    };
  return null;
}

/** Title, lines and optional detail of a problem, in the page's language. */
export function describeProblem(
  problem: LaunchProblem,
  { t }: Pick<Translator, "t">,
): { title: string; lines: string[]; detail: string | null } {
  const title = t("launch.error.title");
  const relaunch = t("launch.relaunch");
  switch (problem.code) {
    case "bad-config":
      return { title, lines: [t("launch.error.bad-config"), ...problem.problems.map((p) => `• ${p}`)], detail: null };
    case "missing-iss":
    case "missing-patient":
      return { title, lines: [t(`launch.error.${problem.code}`), relaunch], detail: null };
    case "no-allowlist":
      return {
        title,
        lines: [t("launch.error.no-allowlist", { url: problem.url }), t("launch.installer")],
        detail: null,
      };
    case "invalid-server-url":
    case "insecure-server-url":
    case "server-not-allowed":
    case "open-server-disabled":
    case "no-authorization":
      return { title, lines: [t(`launch.error.${problem.code}`, { url: problem.url }), relaunch], detail: null };
    case "forbidden-parameter":
      return { title, lines: [t("launch.error.forbidden-parameter", { name: problem.name }), relaunch], detail: null };
    case "pkce-unsupported":
      return { title, lines: [t("launch.error.pkce-unsupported", { server: problem.server }), relaunch], detail: null };
    case "authorize-failed":
      return {
        title,
        lines: [t("launch.error.authorize-failed", { server: problem.server }), relaunch],
        detail: t("launch.detail", { detail: problem.detail }),
      };
  }
}

/** Shows a status or a problem in the page's status element, with textContent only (never HTML). */
function renderStatus(
  target: HTMLElement,
  content: { title?: string; lines: string[]; detail?: string | null },
  isError: boolean,
): void {
  const doc = target.ownerDocument;
  target.replaceChildren();
  target.setAttribute("role", isError ? "alert" : "status");
  if (content.title) {
    const h = doc.createElement("h1");
    h.textContent = content.title;
    target.append(h);
  }
  for (const line of content.lines) {
    const p = doc.createElement("p");
    p.textContent = line;
    target.append(p);
  }
  if (content.detail) {
    const small = doc.createElement("p");
    small.className = "launch-detail";
    small.textContent = content.detail;
    target.append(small);
  }
}

export interface LaunchPageDeps extends Omit<LaunchDeps, "onConnecting"> {
  document: Document;
  languages: readonly string[];
  /** Where the clinician's language choice is kept (localStorage; none in tests unless given). */
  preferences?: PreferenceStorage | null;
}

/** The whole launch page: status while connecting, the problem when the launch cannot go on. */
export async function runLaunchPage(deps: LaunchPageDeps): Promise<LaunchOutcome> {
  const translator = launchTranslator(deps.languages, deps.preferences ?? null);
  const doc = deps.document;
  doc.documentElement.lang = translator.locale;
  const target = doc.getElementById("launch-status") ?? doc.body.appendChild(doc.createElement("main"));
  const outcome = await startLaunch({
    ...deps,
    onConnecting: (server) => renderStatus(target, { lines: [translator.t("launch.connecting", { server })] }, false),
  });
  if (!outcome.ok) {
    renderStatus(target, describeProblem(outcome.problem, translator), true);
    doc.title = translator.t("launch.error.title");
  }
  return outcome;
}
