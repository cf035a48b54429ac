/**
 * One `patient-view` call: the request is checked, each prefetch key is taken when it has the right shape
 * (a Patient for `patient`, a Bundle for the searches), what is missing or malformed is fetched from
 * `fhirServer` when the request allows it (./fetch.ts), and everything goes to the extraction exactly as the
 * app's and the CLI's records do (src/extract: extractEvidence + scoreReport = buildReport). No scoring here.
 *
 * - `conditions` is what the card cannot do without (no Conditions, no metastasis to speak of): when it can
 *   be had neither from prefetch nor from the server, the answer is 412 (CDS Hooks 2.0).
 * - The other keys are reported on the card when missing; the report is then `partial` and its ranges wide.
 * - A prefetch value of the wrong type is treated as missing and said so; malformed resources inside a Bundle
 *   are the extraction's to report (they are named on the card).
 * - No spinal metastasis on file: no card.
 */
import { extractEvidence, scoreReport } from "../extract";
import { isObject } from "../extract/fhir";
import { buildCard, hasSpinalMetastasis } from "./card";
import type { CdsConfig } from "./config";
import { prefetchTemplates } from "./discovery";
import { bundleResources, fetchRead, fetchSearch, fhirAccess, followPages, nextLink, type FhirAccess } from "./fetch";
import { PREFETCH_KEYS, type CdsResponse, type DataState, type PrefetchKey } from "./types";

export type HookOutcome =
  { status: 200; body: CdsResponse } | { status: 400 | 404 | 412; body: { error: string; message: string } };

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

function fail(status: 400 | 404 | 412, error: string, message: string): HookOutcome {
  return { status, body: { error, message } };
}

export interface HookDeps {
  now: () => Date;
  fetchImpl?: typeof fetch;
}

interface Gathered {
  resources: unknown[];
  state: DataState;
}

function fromPrefetch(
  key: PrefetchKey,
  value: unknown,
  patientId: string,
):
  | { ok: true; resources: unknown[]; next: Record<string, unknown> | null }
  | { ok: false; why: "not-sent" | "null" | "wrong-type" } {
  if (value === undefined) return { ok: false, why: "not-sent" };
  if (value === null) return { ok: false, why: "null" };
  if (!isObject(value)) return { ok: false, why: "wrong-type" };
  if (key === "patient") {
    if (value.resourceType !== "Patient") return { ok: false, why: "wrong-type" };
    if (value.id !== undefined && value.id !== patientId) return { ok: false, why: "wrong-type" };
    return { ok: true, resources: [value], next: null };
  }
  if (value.resourceType !== "Bundle" || (value.entry !== undefined && !Array.isArray(value.entry)))
    return { ok: false, why: "wrong-type" };
  return { ok: true, resources: bundleResources(value), next: nextLink(value) ? value : null };
}

type Prefetched = ReturnType<typeof fromPrefetch>;

/** What a key gives without the network (its prefetch, or what is missing when nothing may be fetched); null: fetch. */
function settled(
  pre: Prefetched,
  access: FhirAccess | null,
  noAccessWhy: "no-access" | "not-allowed",
): Gathered | null {
  if (pre.ok) {
    if (!pre.next) return { resources: pre.resources, state: { state: "prefetch", complete: true } };
    // A prefetched first page with a next link (the spec forbids it, some clients send it): follow it on the
    // same server when allowed, else keep the first page and say so.
    return access ? null : { resources: pre.resources, state: { state: "prefetch", complete: false } };
  }
  if (access) return null;
  return { resources: [], state: { state: "missing", why: pre.why === "wrong-type" ? "wrong-type" : noAccessWhy } };
}

/** What a key gives from fhirServer: the rest of a prefetched search, or the query its template asks. */
async function fetched(key: PrefetchKey, pre: Prefetched, patientId: string, access: FhirAccess): Promise<Gathered> {
  if (pre.ok && pre.next) {
    try {
      const all = await followPages(access, pre.next, 1);
      return { resources: all.resources, state: { state: "prefetch", complete: all.complete } };
    } catch {
      return { resources: pre.resources, state: { state: "prefetch", complete: false } };
    }
  }
  const query = prefetchTemplates()[key].replace("{{context.patientId}}", encodeURIComponent(patientId));
  try {
    if (key === "patient") {
      const r = await fetchRead(access, query);
      if (!isObject(r) || r.resourceType !== "Patient")
        return { resources: [], state: { state: "missing", why: "fetch-failed" } };
      return { resources: [r], state: { state: "fetched", complete: true } };
    }
    const s = await fetchSearch(access, query);
    return { resources: s.resources, state: { state: "fetched", complete: s.complete } };
  } catch {
    return { resources: [], state: { state: "missing", why: "fetch-failed" } };
  }
}

/** Each key's DataState, as one literal of the five keys (one shape for the card's reads, unlike Object.fromEntries). */
function dataStates(gathered: readonly Gathered[]): Record<PrefetchKey, DataState> {
  const stateOf = (key: PrefetchKey): DataState => {
    const g = gathered[PREFETCH_KEYS.indexOf(key)];
    if (!g) throw new Error(`prefetch key ${key} was not gathered`);
    return g.state;
  };
  return {
    patient: stateOf("patient"),
    conditions: stateOf("conditions"),
    observations: stateOf("observations"),
    procedures: stateOf("procedures"),
    questionnaireResponses: stateOf("questionnaireResponses"),
  };
}

const MISSING_WHY: Record<Extract<DataState, { state: "missing" }>["why"], string> = {
  "not-sent": "was not prefetched",
  null: "was null (the EHR could not fetch it)",
  "wrong-type": "had the wrong type",
  "no-access": "was not prefetched and no fhirServer + fhirAuthorization was given",
  "not-allowed": "was not prefetched and fhirServer is not on this service's allowlist",
  "fetch-failed": "could not be fetched from fhirServer",
};

/** Answers one hook call whose body is already parsed JSON. Never throws for bad input. */
export async function answerHook(body: unknown, config: CdsConfig, deps: HookDeps): Promise<HookOutcome> {
  if (!isObject(body)) return fail(400, "invalid-request", "the request body must be a JSON object");
  if (body.hook !== "patient-view") {
    return typeof body.hook === "string"
      ? fail(
          404,
          "unknown-hook",
          `this service answers the patient-view hook, not ${JSON.stringify(body.hook.slice(0, 64))}`,
        )
      : fail(400, "invalid-request", "hook is required (a string)");
  }
  if (typeof body.hookInstance !== "string" || body.hookInstance === "")
    return fail(400, "invalid-request", "hookInstance is required (a string)");
  const context = body.context;
  if (!isObject(context)) return fail(400, "invalid-request", "context is required (an object)");
  const patientId = context.patientId;
  if (typeof patientId !== "string" || !FHIR_ID.test(patientId))
    return fail(400, "invalid-request", "context.patientId must be a FHIR id");
  if (body.prefetch !== undefined && body.prefetch !== null && !isObject(body.prefetch))
    return fail(400, "invalid-request", "prefetch must be an object");
  const prefetch = isObject(body.prefetch) ? body.prefetch : {};
  const auth = body.fhirAuthorization;
  if (auth !== undefined && auth !== null) {
    if (!isObject(auth) || typeof auth.access_token !== "string" || auth.access_token === "") {
      return fail(400, "invalid-request", "fhirAuthorization.access_token must be a string");
    }
    if (typeof auth.token_type === "string" && auth.token_type.toLowerCase() !== "bearer")
      return fail(400, "invalid-request", "fhirAuthorization.token_type must be Bearer");
    if (typeof body.fhirServer !== "string") return fail(400, "invalid-request", "fhirAuthorization needs fhirServer");
  }
  if (body.fhirServer !== undefined && typeof body.fhirServer !== "string")
    return fail(400, "invalid-request", "fhirServer must be a URL");
  const token = isObject(auth) && typeof auth.access_token === "string" ? auth.access_token : undefined;
  const fhirServer = typeof body.fhirServer === "string" ? body.fhirServer : undefined;
  const check = fhirAccess(fhirServer, token, config.fhirServerAllowlist, config.fetch, deps.fetchImpl);
  const access = check.ok ? check.access : null;
  const noAccessWhy = check.ok ? "no-access" : check.why;

  // Answered from prefetch (the usual call): no promise per key; only what must be fetched is awaited.
  const gathered: Gathered[] = [];
  const fetching: Promise<void>[] = [];
  PREFETCH_KEYS.forEach((k, i) => {
    const pre = fromPrefetch(k, prefetch[k], patientId);
    const now = settled(pre, access, noAccessWhy);
    if (now) gathered[i] = now;
    else if (access)
      fetching.push(
        fetched(k, pre, patientId, access).then((g) => {
          gathered[i] = g;
        }),
      );
  });
  if (fetching.length > 0) await Promise.all(fetching);
  const data = dataStates(gathered);
  const conditions = data.conditions;
  if (conditions.state === "missing") {
    return fail(
      412,
      "precondition-failed",
      `the patient's Conditions are needed: prefetch "conditions" ${MISSING_WHY[conditions.why]}`,
    );
  }

  const resources: unknown[] = [];
  for (const g of gathered) for (const r of g.resources) resources.push(r);
  const partial = PREFETCH_KEYS.some((k) => {
    const d = data[k];
    return d.state === "missing" || !d.complete;
  });
  const evidence = extractEvidence(resources, patientId);
  const report = scoreReport(evidence, { now: deps.now(), valueSetId: config.valueSetId, partial });
  if (!hasSpinalMetastasis(report, evidence)) return { status: 200, body: { cards: [] } };
  return {
    status: 200,
    body: { cards: [buildCard({ report, evidence, data, locale: config.locale, appLaunchUrl: config.appLaunchUrl })] },
  };
}
