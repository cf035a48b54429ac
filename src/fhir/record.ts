/**
 * One patient's record as the scores need it: the Patient, and in one parallel wave their Conditions,
 * the Observations with the codes the extraction asks for, the app's own QuestionnaireResponses and the spinal
 * surgery Procedures (by code; they mark the index surgery, docs/clinical-rules.md "Time").
 *
 * Decisions (see docs/INTEGRATION.md):
 * - Observations are searched by code (`code=system|code,…`, encoded by URLSearchParams, split into
 *   several searches when the list is long). A server that answers 400 to the code filter gets one
 *   unfiltered `patient=` search instead, filtered here (diagnostic "fallback-unfiltered").
 * - Conditions: all of the patient's (metastasis levels, primary site and visceral metastases come
 *   from many code systems); `conditionCodes` narrows the search when a deployment wants that.
 * - QuestionnaireResponses: searched by patient, kept when `questionnaire` is one of the app's
 *   canonicals (src/questionnaires/contract.ts, any version). Searching by `questionnaire=` is not relied
 *   on: servers differ in canonical search support; some answer an unsupported parameter with 0 hits
 *   instead of an error, or miss versioned canonicals, which would hide the app's own answers.
 * - The Patient read starts at the same time as the searches; if it fails, the searches are
 *   cancelled and the load fails with the Patient's fault (404 → "not-found").
 */
import type Client from "fhirclient/lib/Client";
import type { Patient } from "fhir/r4";
import type { Diagnostic } from "../report/types";
import { instrumentFromCanonical } from "../questionnaires/contract";
import type { CoreMessage } from "../scores/types";
import { FhirFaultError, faultCode, isFatalFault, type FhirFault, type SearchName } from "./faults";
import { accessMessage, holdsTerm, searchTerm } from "./messages";
import { fhirRequest, type RequestPolicy } from "./request";
import { searchAll, type SearchResult } from "./search";
import { PROCEDURE_SEARCH_CODES } from "../extract/procedure-codes";

export interface LoadOptions {
  /** Observation codes to search, each "system|code" (e.g. "http://loinc.org|89243-0"). Empty: no Observation search. */
  observationCodes: readonly string[];
  /** Condition codes ("system|code"); absent or empty: all of the patient's Conditions. */
  conditionCodes?: readonly string[];
  /**
   * Spinal surgery codes ("system|code") for the Procedure search; default: fhir-mappings/procedures.json and the
   * local codes (src/extract/procedure-codes.ts). Empty: no Procedure search (the timing then rests on the app's
   * own answers, and the report says so).
   */
  procedureCodes?: readonly string[];
  /** Default: the launch context's patient. */
  patientId?: string;
  /** `_count`; default 100. */
  pageSize?: number;
  /** Pages per search at most; default 20. */
  maxPages?: number;
  /** Timeout and retries of every request (e.g. `{ timeoutMs: config.fhirTimeoutMs }`). */
  policy?: Partial<RequestPolicy>;
  signal?: AbortSignal;
}

export interface SearchFailure {
  search: SearchName;
  fault: FhirFault;
}

export interface PatientRecord {
  patient: Patient;
  /** Conditions, Observations and the app's QuestionnaireResponses, raw: the extraction validates them. */
  resources: unknown[];
  diagnostics: Diagnostic[];
  /**
   * True when anything could not be read (a forbidden or failed search, a failed page, the page cap, a last
   * page whose Bundle.total counts more than was sent).
   */
  partial: boolean;
  /** Searches that failed (wholly, or on a later page); a capped or incomplete search is only `partial`. */
  unavailable: SearchName[];
  /** Why: one entry per failed search, for the UI's fault states. */
  failures: SearchFailure[];
}

const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 20;
/** Longest encoded `code=` value of one search; longer lists are split (some gateways cut URLs at 2–8 kB). */
const MAX_CODE_PARAM_LENGTH = 1500;

/** Splits codes into comma-joined groups whose encoded length stays under the limit. */
export function codeChunks(codes: readonly string[], maxEncodedLength = MAX_CODE_PARAM_LENGTH): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  const encodedLength = (list: string[]): number => new URLSearchParams({ code: list.join(",") }).toString().length;
  for (const code of [...new Set(codes)]) {
    if (current.length > 0 && encodedLength([...current, code]) > maxEncodedLength) {
      chunks.push(current.join(","));
      current = [];
    }
    current.push(code);
  }
  if (current.length > 0) chunks.push(current.join(","));
  return chunks;
}

/** Whether a resource's `code` has one of the codes ("system|code", or a bare "code" for any system). */
export function hasCode(resource: unknown, codes: ReadonlySet<string>): boolean {
  const coding = (resource as { code?: { coding?: unknown } }).code?.coding;
  if (!Array.isArray(coding)) return false;
  return coding.some((c: unknown) => {
    if (typeof c !== "object" || c === null) return false;
    const { system, code } = c as { system?: unknown; code?: unknown };
    if (typeof code !== "string") return false;
    return codes.has(code) || (typeof system === "string" && codes.has(`${system}|${code}`));
  });
}

function isOwnResponse(resource: unknown): boolean {
  const q = (resource as { questionnaire?: unknown }).questionnaire;
  return typeof q === "string" && instrumentFromCanonical(q) !== null;
}

interface SearchPlan {
  name: SearchName;
  /** Parameter sets, one search each (Observation codes may need several). */
  parts: URLSearchParams[];
  /** Whether `parts` carry a code filter that a 400 may reject. */
  filtered: boolean;
  /** What to keep of the resources found (always applied). */
  keep: (resource: unknown) => boolean;
}

interface SearchOutcome {
  name: SearchName;
  resources: unknown[];
  diagnostics: Diagnostic[];
  failure: FhirFault | null;
  partial: boolean;
}

/**
 * A data-access note: its `code` and its message (an `access.*` code of ./messages.ts with its parameters),
 * which the view renders in the clinician's language. The parameters also keep the search's name (`search`) and
 * the fault's kind (`fault`) as plain values, for any reader that sorts notes by them.
 */
function note(
  severity: Diagnostic["severity"],
  code: string,
  text: CoreMessage,
  plain: Record<string, string | number> = {},
): Diagnostic {
  return { severity, message: { code: text.code, params: { ...plain, ...text.params } }, code };
}

function failureDiagnostic(name: SearchName, fault: FhirFault): Diagnostic {
  if (fault.kind === "forbidden") {
    return note(
      "warning",
      "search-forbidden",
      accessMessage("access.search-forbidden", { data: searchTerm(name), holds: holdsTerm(name) }),
      { search: name },
    );
  }
  return note(
    "warning",
    "search-failed",
    accessMessage("access.search-failed", {
      data: searchTerm(name),
      reason: faultCode(fault),
      holds: holdsTerm(name, true),
    }),
    { search: name, fault: fault.kind },
  );
}

function isUnfilteredRejection(error: unknown): boolean {
  return error instanceof FhirFaultError && error.fault.kind === "rejected" && error.fault.status === 400;
}

async function runSearch(
  client: Client,
  plan: SearchPlan,
  patientId: string,
  opts: { pageSize: number; maxPages: number; policy?: Partial<RequestPolicy>; signal: AbortSignal },
): Promise<SearchOutcome> {
  const searchOptions = {
    pageSize: opts.pageSize,
    maxPages: opts.maxPages,
    signal: opts.signal,
    ...(opts.policy ? { policy: opts.policy } : {}),
  };
  const settled = await Promise.allSettled(
    plan.parts.map((params) => searchAll(client, plan.name, params, searchOptions)),
  );

  let results: SearchResult[];
  const diagnostics: Diagnostic[] = [];
  if (plan.filtered && settled.some((s) => s.status === "rejected" && isUnfilteredRejection(s.reason))) {
    // The server refused the code filter: read everything of the patient and filter here.
    diagnostics.push(
      note(
        "info",
        "fallback-unfiltered",
        accessMessage("access.fallback-unfiltered", { data: searchTerm(plan.name) }),
        { search: plan.name },
      ),
    );
    try {
      results = [await searchAll(client, plan.name, new URLSearchParams({ patient: patientId }), searchOptions)];
    } catch (error) {
      if (!(error instanceof FhirFaultError) || isFatalFault(error.fault)) throw error;
      return {
        name: plan.name,
        resources: [],
        diagnostics: [...diagnostics, failureDiagnostic(plan.name, error.fault)],
        failure: error.fault,
        partial: true,
      };
    }
  } else {
    results = [];
    let failure: FhirFault | null = null;
    for (const s of settled) {
      if (s.status === "fulfilled") results.push(s.value);
      else if (s.reason instanceof FhirFaultError) {
        if (isFatalFault(s.reason.fault)) throw s.reason;
        failure ??= s.reason.fault;
      } else throw s.reason;
    }
    if (failure !== null) {
      const resources = results.flatMap((r) => r.resources).filter(plan.keep);
      return {
        name: plan.name,
        resources,
        diagnostics: [failureDiagnostic(plan.name, failure)],
        failure,
        partial: true,
      };
    }
  }

  let partial = false;
  let failure: FhirFault | null = null;
  const resources: unknown[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    for (const res of r.resources) {
      if (!plan.keep(res)) continue;
      const id = (res as { id?: unknown }).id;
      if (typeof id === "string") {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      resources.push(res);
    }
    if (r.status === "capped") {
      partial = true;
      diagnostics.push(
        note(
          "warning",
          "page-cap",
          accessMessage("access.page-cap", {
            data: searchTerm(plan.name),
            pages: r.pages,
            holds: holdsTerm(plan.name),
          }),
          { search: plan.name },
        ),
      );
    } else if (r.status === "incomplete") {
      partial = true;
      diagnostics.push(
        note(
          "warning",
          "search-incomplete",
          accessMessage("access.search-incomplete", {
            data: searchTerm(plan.name),
            total: r.total,
            read: r.resources.length,
            holds: holdsTerm(plan.name),
          }),
          { search: plan.name },
        ),
      );
    } else if (r.status === "failed-midway") {
      partial = true;
      failure ??= r.fault;
      diagnostics.push(
        note(
          "warning",
          "page-failed",
          accessMessage("access.page-failed", {
            data: searchTerm(plan.name),
            page: r.pages + 1,
            reason: faultCode(r.fault),
            holds: holdsTerm(plan.name),
          }),
          { search: plan.name, fault: r.fault.kind },
        ),
      );
    }
  }
  return { name: plan.name, resources, diagnostics, failure, partial };
}

function asPatient(body: unknown): Patient {
  if (typeof body !== "object" || body === null || (body as { resourceType?: unknown }).resourceType !== "Patient") {
    throw new FhirFaultError({ kind: "invalid-response", detail: "not a Patient" });
  }
  return body as Patient;
}

/**
 * Reads the launch patient's record. Rejects with a `FhirFaultError` when the Patient cannot be read
 * (fault "not-found", "session-ended", "no-patient", …) or the session ends during the searches;
 * a search that fails otherwise (403, 5xx, timeout …) leaves its data out, marks the record partial
 * and says why in `diagnostics` and `failures`.
 */
export async function loadPatientRecord(client: Client, options: LoadOptions): Promise<PatientRecord> {
  const patientId = options.patientId ?? client.patient.id;
  if (!patientId) throw new FhirFaultError({ kind: "no-patient" });

  const wave = new AbortController();
  const cancel = (): void => wave.abort();
  if (options.signal?.aborted) throw new FhirFaultError({ kind: "aborted" });
  options.signal?.addEventListener("abort", cancel, { once: true });

  const byPatient = (extra: Record<string, string> = {}): URLSearchParams =>
    new URLSearchParams({ patient: patientId, ...extra });

  const plans: SearchPlan[] = [];
  const conditionCodes = options.conditionCodes ?? [];
  const conditionSet = new Set(conditionCodes);
  plans.push(
    conditionCodes.length > 0
      ? {
          name: "Condition",
          parts: codeChunks(conditionCodes).map((code) => byPatient({ code })),
          filtered: true,
          keep: (r) => hasCode(r, conditionSet),
        }
      : { name: "Condition", parts: [byPatient()], filtered: false, keep: () => true },
  );
  const diagnostics: Diagnostic[] = [];
  if (options.observationCodes.length > 0) {
    const observationSet = new Set(options.observationCodes);
    plans.push({
      name: "Observation",
      parts: codeChunks(options.observationCodes).map((code) => byPatient({ code })),
      filtered: true,
      keep: (r) => hasCode(r, observationSet),
    });
  } else {
    diagnostics.push(note("info", "observations-not-requested", accessMessage("access.observations-not-requested")));
  }
  plans.push({ name: "QuestionnaireResponse", parts: [byPatient()], filtered: false, keep: isOwnResponse });
  // Spinal surgeries, in the same wave: the index surgery decides which evidence is pre-operative. Filtered by
  // code (a 400 → one unfiltered search, filtered here, as for Observations).
  const procedureCodes = options.procedureCodes ?? PROCEDURE_SEARCH_CODES;
  if (procedureCodes.length > 0) {
    const procedureSet = new Set(procedureCodes);
    plans.push({
      name: "Procedure",
      parts: codeChunks(procedureCodes).map((code) => byPatient({ code })),
      filtered: true,
      keep: (r) => hasCode(r, procedureSet),
    });
  }

  const opts = {
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    signal: wave.signal,
    ...(options.policy ? { policy: options.policy } : {}),
  };

  const patientRead = fhirRequest(
    client,
    { url: `Patient/${encodeURIComponent(patientId)}`, signal: wave.signal },
    options.policy,
  ).then((res) => asPatient(res.body));
  const searches = Promise.all(plans.map((plan) => runSearch(client, plan, patientId, opts)));
  // Both run at once; whichever fails first cancels the other, and its fault is the one reported.
  patientRead.catch(cancel);
  searches.catch(cancel);

  try {
    const [patient, outcomes] = await Promise.all([patientRead, searches]);

    const resources: unknown[] = [];
    const unavailable: SearchName[] = [];
    const failures: SearchFailure[] = [];
    let partial = false;
    for (const o of outcomes) {
      resources.push(...o.resources);
      diagnostics.push(...o.diagnostics);
      if (o.partial) partial = true;
      if (o.failure !== null) {
        unavailable.push(o.name);
        failures.push({ search: o.name, fault: o.failure });
      }
    }
    return { patient, resources, diagnostics, partial, unavailable, failures };
  } catch (error) {
    if (options.signal?.aborted) throw new FhirFaultError({ kind: "aborted" });
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", cancel);
  }
}
