/**
 * Is the app's Questionnaire on the server? Looked up by canonical (url + version) when the launch granted
 * Questionnaire read; when absent (or not looked up) and the app may, created with a conditional create so that
 * two sessions never load it twice. Without either grant no Questionnaire request is sent at all.
 *
 * The answer never stops a QuestionnaireResponse from being sent: `questionnaire` is a canonical, which the
 * server need not resolve. It only tells the write path how to read a refusal (submit.ts: a refusal that names
 * the Questionnaire while it is absent means the installer has to load it).
 */
import type { Bundle, Questionnaire } from "fhir/r4";
import { isFhirFaultError } from "../fhir/faults";
import type { FhirSend } from "./transport";

export type QuestionnairePresence =
  /** Found on the server (or created by someone else meanwhile). */
  | "present"
  /** Created now. */
  | "created"
  /** Not found, and the granted scopes or the server (403) do not let the app create it. */
  | "absent"
  /**
   * Not looked up (no read grant) or the search was not allowed or not understood, and not created: the server
   * decides when the response arrives.
   */
  | "unknown";

const known = new WeakMap<FhirSend, Map<string, QuestionnairePresence>>();

function searchPath(url: string, version: string): string {
  return `Questionnaire?${new URLSearchParams({ url, version, _count: "1" }).toString()}`;
}

function hasMatch(bundle: Bundle | null): boolean {
  if (!bundle) return false;
  return (bundle.entry ?? []).some((e) => e.resource?.resourceType === "Questionnaire") || (bundle.total ?? 0) > 0;
}

/** A refusal of the search or of the create (no scope, parameter not supported, …): not a reason to wait. */
function isRefusal(error: unknown): boolean {
  if (!isFhirFaultError(error)) return false;
  const k = error.fault.kind;
  return k === "forbidden" || k === "rejected" || k === "not-found" || k === "invalid-response";
}

/**
 * Looks `q` up when `mayRead` and, when absent or not looked up and `mayCreate`, creates it (the conditional
 * create's If-None-Exist keeps an existing one); a request the launch's scopes do not grant is not sent.
 * Transient faults (network, timeout, 5xx after retries) and 401 are thrown as FhirFaultError for the caller to
 * keep the draft. Every answer is remembered per `send` for the session (the scopes and the server's
 * Questionnaires do not change within it).
 */
export async function ensureQuestionnaire(
  send: FhirSend,
  q: Questionnaire,
  options: { mayRead: boolean; mayCreate: boolean },
): Promise<QuestionnairePresence> {
  if (!options.mayRead && !options.mayCreate) return "unknown";
  const url = q.url ?? "";
  const version = q.version ?? "";
  const canonical = `${url}|${version}`;
  const cache = known.get(send) ?? new Map<string, QuestionnairePresence>();
  known.set(send, cache);
  const cached = cache.get(canonical);
  if (cached) return cached;
  const remember = (p: QuestionnairePresence): QuestionnairePresence => {
    cache.set(canonical, p);
    return p;
  };

  // Whether the server said the Questionnaire is not there (a search with no match).
  let notFound = false;
  if (options.mayRead) {
    try {
      const res = await send<Bundle>({ url: searchPath(url, version) });
      if (hasMatch(res.body)) return remember("present");
      notFound = true;
    } catch (error) {
      if (!isRefusal(error)) throw error;
    }
  }
  if (!options.mayCreate) return remember(notFound ? "absent" : "unknown");

  const { id: _id, meta: _meta, ...resource } = q;
  try {
    const res = await send<Questionnaire>({
      url: "Questionnaire",
      method: "POST",
      body: resource,
      headers: { "if-none-exist": new URLSearchParams({ url, version }).toString() },
    });
    return remember(res.status === 201 ? "created" : "present");
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return remember(notFound ? "absent" : "unknown");
  }
}
