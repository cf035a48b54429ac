/**
 * A small FHIR server on msw that keeps what it stores, honours If-None-Exist (by identifier for
 * QuestionnaireResponse, by url+version for Questionnaire) and can be told to fail; and the write path's
 * send function over a real fhirclient Client (fhirclient's browser build: use in jsdom test files).
 */
import FHIR from "fhirclient/lib/entry/browser";
import { delay, http, HttpResponse } from "msw";
import type { Bundle, Questionnaire, QuestionnaireResponse } from "fhir/r4";
import type { LaunchContext } from "../../../src/fhir/context";
import type { RequestPolicy } from "../../../src/fhir/request";
import { clientSend, type FhirSend } from "../../../src/writeback/transport";
import { prng } from "../../../sandbox/patients-src/prng";
import { server } from "../../setup/msw-server";

export const BASE = "https://ehr.example.org/fhir";
const JSON_HEADERS = { "content-type": "application/fhir+json" };

/**
 * The forms' launch in these tests: patient p1 on this server, encounter e1, a user who may write
 * QuestionnaireResponses and read and create Questionnaires.
 */
export const LAUNCH = {
  serverUrl: BASE,
  patientId: "p1",
  encounterId: "e1",
  fhirUser: "Practitioner/dr-1",
  canWrite: true,
  canReadQuestionnaire: true,
  canWriteQuestionnaire: true,
};

/** What the launch's scopes allow with Questionnaires (app-config.json `questionnaireAccess`, as granted). */
export interface QuestionnaireAccess {
  mayReadQuestionnaire: boolean;
  mayCreateQuestionnaire: boolean;
}
/** `"read-write"`: looked up and, when missing, created. */
export const READ_AND_CREATE: QuestionnaireAccess = { mayReadQuestionnaire: true, mayCreateQuestionnaire: true };
/** `"read"`: looked up only. */
export const READ_ONLY: QuestionnaireAccess = { mayReadQuestionnaire: true, mayCreateQuestionnaire: false };
/** `"none"` (the default): neither. */
export const NO_ACCESS: QuestionnaireAccess = { mayReadQuestionnaire: false, mayCreateQuestionnaire: false };
/** An EHR that grants the create but not the read. */
export const CREATE_ONLY: QuestionnaireAccess = { mayReadQuestionnaire: false, mayCreateQuestionnaire: true };

/** What the clinician reads when the server refuses a response for lack of its Questionnaire. */
export const QUESTIONNAIRE_MISSING_TEXT =
  "The EHR refused the answers because it does not have this app's questionnaires. Sending again will not help: ask your EHR administrators to load the app's Questionnaires (installation guide docs/INTEGRATION.md, \"Loading the app's Questionnaires\"). The answers are kept as a draft in this tab.";

/** A launch context on this server for Practitioner/dr-1 without write scopes, with `overrides`. */
export function launchContext(overrides: Partial<LaunchContext> = {}): LaunchContext {
  return {
    serverUrl: BASE,
    patientId: "p1",
    encounterId: null,
    fhirUser: "Practitioner/dr-1",
    needPatientBanner: true,
    locale: null,
    smartStyleUrl: null,
    scopes: [],
    openServer: false,
    canWrite: false,
    canReadQuestionnaire: false,
    canWriteQuestionnaire: false,
    ...overrides,
  };
}

/** A fhirclient Client after a launch, and the write path's send function over it (no real waits). */
export function testSend(policy: Partial<RequestPolicy> = {}): { send: FhirSend; sleeps: number[] } {
  const client = FHIR.client({
    serverUrl: BASE,
    tokenResponse: { access_token: "token-1", token_type: "Bearer", patient: "p1" },
  });
  const sleeps: number[] = [];
  const send = clientSend(client, {
    sleep: (ms: number) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    now: () => Date.parse("2026-11-27T09:00:00Z"),
    timeoutMs: 2000,
    ...policy,
  });
  return { send, sleeps };
}

/** Deterministic pseudo-random numbers in [0, 1): the sandbox generator's mulberry32. */
export const seeded = prng;

export type ResponseFault =
  | { kind: "none" }
  /** 503 before anything is stored. */
  | { kind: "server-error"; status: number }
  /** Stores, then answers too late (the client has timed out): an unknown outcome. */
  | { kind: "timeout-after-store"; delayMs: number }
  | { kind: "rate-limited"; retryAfter: string }
  /** Stores, then a gateway answers `status` (e.g. 504) instead of the server's 201: an unknown outcome. */
  | { kind: "error-after-store"; status: number }
  | { kind: "reject"; status: number; outcome: object };

/** A searchset Bundle of `hits`, as the server answers a search. */
function searchset(hits: (Questionnaire | QuestionnaireResponse)[]): Response {
  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "searchset",
    total: hits.length,
    entry: hits.map((resource) => ({ resource })),
  };
  return HttpResponse.json(bundle, { headers: JSON_HEADERS });
}

/** 403 with the server's OperationOutcome: the token's scopes do not allow it. */
function forbidden(): Response {
  return HttpResponse.json(
    { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "forbidden", diagnostics: "Not allowed" }] },
    { status: 403, headers: JSON_HEADERS },
  );
}

/** A refusal whose OperationOutcome has one error issue (`code`, and what else is given). */
export function rejection(
  status: number,
  issue: { code: string; diagnostics?: string; details?: { text: string }; expression?: string[] },
): ResponseFault {
  return {
    kind: "reject",
    status,
    outcome: { resourceType: "OperationOutcome", issue: [{ severity: "error", ...issue }] },
  };
}

export interface FakeFhirOptions {
  /** Questionnaires already on the server. */
  questionnaires?: Questionnaire[];
  /** 403 on POST Questionnaire. */
  forbidQuestionnaireCreate?: boolean;
  /** 403 on the Questionnaire search (no Questionnaire read scope). */
  forbidQuestionnaireSearch?: boolean;
  /** The fault of each QuestionnaireResponse POST, in order of arrival. */
  fault?: () => ResponseFault;
  /** A gateway in front of the server drops If-None-Exist: every POST creates. */
  dropIfNoneExist?: boolean;
  /**
   * QuestionnaireResponse.conditionalCreate in the CapabilityStatement at /metadata (default true);
   * "absent": the resource entry says nothing; "no-metadata": /metadata answers 404.
   */
  conditionalCreate?: boolean | "absent" | "no-metadata";
  /** The QuestionnaireResponse search ignores `identifier` (answers every response of the subject). */
  searchIgnoresIdentifier?: boolean;
}

/** The server's state and the msw handlers that serve it. */
export class FakeFhir {
  readonly responses: QuestionnaireResponse[] = [];
  readonly questionnaires: Questionnaire[];
  responsePosts = 0;
  questionnairePosts = 0;
  questionnaireSearches = 0;
  metadataReads = 0;
  /** The query strings of the QuestionnaireResponse searches, in order. */
  readonly responseSearches: string[] = [];
  /** Every request, as "METHOD path" (no query), in order. */
  readonly log: string[] = [];
  readonly ifNoneExist: string[] = [];
  private nextId = 1;

  /** The requests about Questionnaires (search, create, read), as "METHOD path", in order. */
  questionnaireRequests(): string[] {
    return this.log.filter((r) => /^[A-Z]+ Questionnaire(\/|$)/.test(r));
  }

  constructor(private readonly options: FakeFhirOptions = {}) {
    this.questionnaires = [...(options.questionnaires ?? [])];
  }

  /** Stored responses per identifier value. */
  countsByIdentifier(): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.responses) {
      const key = `${r.identifier?.system}|${r.identifier?.value}`;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  }

  duplicates(): number {
    return [...this.countsByIdentifier().values()].reduce((n, c) => n + (c - 1), 0);
  }

  /** Serves this server through the shared msw server; the write path's send function over it. */
  serve(policy: Partial<RequestPolicy> = {}): { send: FhirSend; sleeps: number[] } {
    server.use(...this.handlers());
    return testSend(policy);
  }

  handlers() {
    return [
      http.all(`${BASE}/*`, ({ request }) => {
        this.log.push(`${request.method} ${new URL(request.url).pathname.slice(new URL(BASE).pathname.length + 1)}`);
        return undefined;
      }),
      http.get(`${BASE}/metadata`, () => {
        this.metadataReads += 1;
        const cc = this.options.conditionalCreate ?? true;
        if (cc === "no-metadata") {
          return HttpResponse.json(
            { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found" }] },
            { status: 404, headers: JSON_HEADERS },
          );
        }
        const qr = {
          type: "QuestionnaireResponse",
          interaction: [{ code: "create" }, { code: "search-type" }],
          ...(cc === "absent" ? {} : { conditionalCreate: cc }),
        };
        return HttpResponse.json(
          {
            resourceType: "CapabilityStatement",
            status: "active",
            kind: "instance",
            fhirVersion: "4.0.1",
            format: ["json"],
            rest: [{ mode: "server", resource: [qr] }],
          },
          { headers: JSON_HEADERS },
        );
      }),
      http.get(`${BASE}/QuestionnaireResponse`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        this.responseSearches.push(q.toString());
        const wanted = this.options.searchIgnoresIdentifier ? null : q.get("identifier");
        const subject = q.get("subject") ?? q.get("patient");
        const hits = this.responses.filter(
          (r) =>
            (wanted === null || `${r.identifier?.system}|${r.identifier?.value}` === wanted) &&
            (subject === null || r.subject?.reference === subject || r.subject?.reference === `Patient/${subject}`),
        );
        return searchset(hits);
      }),
      http.get(`${BASE}/Questionnaire`, ({ request }) => {
        this.questionnaireSearches += 1;
        if (this.options.forbidQuestionnaireSearch) {
          return forbidden();
        }
        const q = new URL(request.url).searchParams;
        const hits = this.questionnaires.filter((x) => x.url === q.get("url") && x.version === q.get("version"));
        return searchset(hits);
      }),
      http.post(`${BASE}/Questionnaire`, async ({ request }) => {
        this.questionnairePosts += 1;
        if (this.options.forbidQuestionnaireCreate) {
          return forbidden();
        }
        const cond = new URLSearchParams(request.headers.get("if-none-exist") ?? "");
        const existing = this.questionnaires.find(
          (x) => x.url === cond.get("url") && x.version === cond.get("version"),
        );
        if (existing) return HttpResponse.json(existing, { status: 200, headers: JSON_HEADERS });
        const body = (await request.json()) as Questionnaire;
        const stored = { ...body, id: `q${this.nextId++}` };
        this.questionnaires.push(stored);
        return HttpResponse.json(stored, {
          status: 201,
          headers: { ...JSON_HEADERS, location: `${BASE}/Questionnaire/${stored.id}/_history/1` },
        });
      }),
      http.post(`${BASE}/QuestionnaireResponse`, async ({ request }) => {
        this.responsePosts += 1;
        const header = request.headers.get("if-none-exist") ?? "";
        this.ifNoneExist.push(header);
        const fault = this.options.fault?.() ?? { kind: "none" };
        if (fault.kind === "server-error") {
          return HttpResponse.json(
            { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "exception" }] },
            { status: fault.status, headers: JSON_HEADERS },
          );
        }
        if (fault.kind === "rate-limited") {
          return new HttpResponse(null, { status: 429, headers: { "retry-after": fault.retryAfter } });
        }
        if (fault.kind === "reject")
          return HttpResponse.json(fault.outcome, { status: fault.status, headers: JSON_HEADERS });
        const body = (await request.json()) as QuestionnaireResponse;
        const wanted = this.options.dropIfNoneExist ? null : new URLSearchParams(header).get("identifier");
        const existing = wanted
          ? this.responses.find((r) => `${r.identifier?.system}|${r.identifier?.value}` === wanted)
          : undefined;
        if (existing) return HttpResponse.json(existing, { status: 200, headers: JSON_HEADERS });
        const stored: QuestionnaireResponse = { ...body, id: `qr${this.nextId++}` };
        this.responses.push(stored);
        if (fault.kind === "timeout-after-store") await delay(fault.delayMs);
        if (fault.kind === "error-after-store") {
          return HttpResponse.json(
            { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "timeout" }] },
            { status: fault.status, headers: JSON_HEADERS },
          );
        }
        return HttpResponse.json(stored, {
          status: 201,
          headers: { ...JSON_HEADERS, location: `${BASE}/QuestionnaireResponse/${stored.id}/_history/1` },
        });
      }),
    ];
  }
}
