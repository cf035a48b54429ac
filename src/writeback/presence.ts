/**
 * Is the app's Questionnaire on the server? Looked up by canonical (url + version); when absent and the
 * app may, created with a conditional create so that two sessions never load it twice.
 */
import type { Bundle, Questionnaire } from "fhir/r4";
import { isFhirFaultError } from "../fhir/faults";
import type { FhirSend } from "./transport";

export type QuestionnairePresence =
  /** Found on the server (or created by someone else meanwhile). */
  | "present"
  /** Created now. */
  | "created"
  /** Absent, and the server (403) or the granted scopes do not let the app create it. */
  | "forbidden"
  /** The search was not allowed: the response is sent and the server decides. */
  | "unknown";

const known = new WeakMap<FhirSend, Map<string, QuestionnairePresence>>();

function searchPath(url: string, version: string): string {
  return `Questionnaire?${new URLSearchParams({ url, version, _count: "1" }).toString()}`;
}

function hasMatch(bundle: Bundle | null): boolean {
  if (!bundle) return false;
  return (bundle.entry ?? []).some((e) => e.resource?.resourceType === "Questionnaire") || (bundle.total ?? 0) > 0;
}

/**
 * Makes sure `q` is on the server. Faults other than 403 (network, timeout, 5xx after retries, 401)
 * are thrown as FhirFaultError for the caller to keep the draft. Positive answers are remembered per
 * `send` for the session.
 */
export async function ensureQuestionnaire(
  send: FhirSend,
  q: Questionnaire,
  options: { mayCreate: boolean },
): Promise<QuestionnairePresence> {
  const url = q.url ?? "";
  const version = q.version ?? "";
  const canonical = `${url}|${version}`;
  const cache = known.get(send) ?? new Map<string, QuestionnairePresence>();
  known.set(send, cache);
  const cached = cache.get(canonical);
  if (cached) return cached;

  let searchForbidden = false;
  try {
    const res = await send<Bundle>({ url: searchPath(url, version) });
    if (hasMatch(res.body)) {
      cache.set(canonical, "present");
      return "present";
    }
  } catch (error) {
    if (!isFhirFaultError(error) || error.fault.kind !== "forbidden") throw error;
    searchForbidden = true;
  }
  if (searchForbidden && !options.mayCreate) {
    // The scopes do not change within a session: ask once, not before every submit.
    cache.set(canonical, "unknown");
    return "unknown";
  }
  if (!options.mayCreate) return "forbidden";

  const { id: _id, meta: _meta, ...resource } = q;
  try {
    const res = await send<Questionnaire>({
      url: "Questionnaire",
      method: "POST",
      body: resource,
      headers: { "if-none-exist": new URLSearchParams({ url, version }).toString() },
    });
    const outcome: QuestionnairePresence = res.status === 201 ? "created" : "present";
    cache.set(canonical, outcome);
    return outcome;
  } catch (error) {
    if (isFhirFaultError(error) && error.fault.kind === "forbidden") return searchForbidden ? "unknown" : "forbidden";
    throw error;
  }
}
