// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { http, HttpResponse } from "msw";
import { server } from "../../setup/msw-server";
import { codeChunks, hasCode, loadPatientRecord, type LoadOptions, type PatientRecord } from "../../../src/fhir/record";
import { ACCESS_MESSAGE_CODES } from "../../../src/fhir/messages";
import { renderCoreMessage } from "../../../src/i18n/core";
import type { Diagnostic } from "../../../src/report/types";
import type { CoreMessage, CoreParam } from "../../../src/scores/types";
import { questionnaireUrl } from "../../../src/questionnaires/contract";
import type { FhirFault } from "../../../src/fhir/faults";
import { realSleep, type RequestPolicy } from "../../../src/fhir/request";
import { buildReport } from "../../../src/extract";
import { BASE, bundle, fastPolicy, faultOf, makeClient, patientRead, refreshingClient } from "./helpers";
import { en } from "../words";

const KPS = "http://loinc.org|89243-0";
const ECOG = "http://loinc.org|89247-1";
const patient = { resourceType: "Patient", id: "p1", name: [{ family: "Yamada", given: ["Taro"] }] };
/** A final Observation `id` coded with LOINC `code`. */
const loincObservation = (id: string, code: string) => ({
  resourceType: "Observation",
  id,
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code }] },
});
const kps = loincObservation("o-kps", "89243-0");
const ecog = loincObservation("o-ecog", "89247-1");
const glucose = loincObservation("o-glu", "2345-7");
const meta = {
  resourceType: "Condition",
  id: "c1",
  code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] },
};
const ownQr = {
  resourceType: "QuestionnaireResponse",
  id: "qr1",
  status: "completed",
  questionnaire: `${questionnaireUrl("eq5d5l")}|1.0.0`,
};
const otherQr = {
  resourceType: "QuestionnaireResponse",
  id: "qr2",
  status: "completed",
  questionnaire: "https://other.example/Questionnaire/intake",
};
const FUSION = "http://snomed.info/sct|55705006";
const LAMINECTOMY = "http://snomed.info/sct|387731002";
const surgery = {
  resourceType: "Procedure",
  id: "s1",
  status: "completed",
  subject: { reference: "Patient/p1" },
  code: { coding: [{ system: "http://snomed.info/sct", code: "55705006", display: "Spinal fusion" }] },
  performedDateTime: "2026-03-01",
};
const appendectomy = {
  ...surgery,
  id: "s2",
  code: { coding: [{ system: "http://snomed.info/sct", code: "80146002" }] },
};
/** The Procedure search as the app sends it: the spinal surgery codes of fhir-mappings/procedures.json. */
const PROCEDURE_URL = `${BASE}/Procedure?patient=p1&code=${encodeURIComponent(`${FUSION},${LAMINECTOMY}`)}&_count=100`;

function options(extra: Partial<LoadOptions> = {}): LoadOptions {
  return { observationCodes: [KPS, ECOG], ...fastPolicy({ maxRetries: 1 }), ...extra };
}

/** What the view scores from a loaded record (src/ui/engine.ts): its resources, with its diagnostics and partial flag. */
function reportFrom(record: PatientRecord, now: string) {
  return buildReport([record.patient, ...record.resources], "p1", {
    now: new Date(now),
    diagnostics: record.diagnostics,
    partial: record.partial,
  });
}

/** Handlers answering a complete, healthy record. */
function healthyServer(
  overrides: { observation?: Parameters<typeof http.get>[1]; procedure?: Parameters<typeof http.get>[1] } = {},
): string[] {
  const urls: string[] = [];
  const log = (request: Request): void => {
    urls.push(request.url.slice(BASE.length));
  };
  server.use(
    http.get(`${BASE}/Patient/p1`, ({ request }) => {
      log(request);
      return HttpResponse.json(patient);
    }),
    http.get(`${BASE}/Condition`, ({ request }) => {
      log(request);
      return HttpResponse.json(bundle([meta]));
    }),
    http.get(
      `${BASE}/Observation`,
      overrides.observation ??
        (({ request }) => {
          log(request);
          return HttpResponse.json(bundle([kps, ecog]));
        }),
    ),
    http.get(`${BASE}/QuestionnaireResponse`, ({ request }) => {
      log(request);
      return HttpResponse.json(bundle([ownQr, otherQr]));
    }),
    // A record without a spinal surgery, unless a test says otherwise.
    http.get(
      `${BASE}/Procedure`,
      overrides.procedure ??
        (({ request }) => {
          log(request);
          return HttpResponse.json(bundle([]));
        }),
    ),
  );
  return urls;
}

describe("codeChunks / hasCode", () => {
  it("splits long code lists so that each encoded code= stays under the limit", () => {
    const codes = Array.from({ length: 60 }, (_, i) => `http://loinc.org|${10000 + i}-0`);
    const chunks = codeChunks(codes, 400);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join(",").split(",")).toEqual(codes);
    for (const c of chunks) expect(new URLSearchParams({ code: c }).toString().length).toBeLessThanOrEqual(400);
  });
  it("matches system|code, or a bare code for any system", () => {
    expect(hasCode(kps, new Set([KPS]))).toBe(true);
    expect(hasCode(kps, new Set(["89243-0"]))).toBe(true);
    expect(hasCode(kps, new Set(["http://snomed.info/sct|89243-0"]))).toBe(false);
    expect(hasCode({ code: "not a concept" }, new Set([KPS]))).toBe(false);
  });
});

describe("loadPatientRecord", () => {
  it("reads the patient and, in one parallel wave, Conditions, coded Observations, the app's own QuestionnaireResponses and spinal surgery Procedures", async () => {
    // Every request waits until all five have arrived: a sequential client would never get there.
    const arrived: string[] = [];
    let release!: () => void;
    const all = new Promise<void>((resolve) => (release = resolve));
    const gate = async (name: string): Promise<void> => {
      arrived.push(name);
      if (arrived.length === 5) release();
      await Promise.race([
        all,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${arrived.join(", ")} in flight`)), 1500)),
      ]);
    };
    const urls: string[] = [];
    server.use(
      http.get(`${BASE}/Patient/p1`, async ({ request }) => {
        urls.push(request.url);
        await gate("Patient");
        return HttpResponse.json(patient);
      }),
      http.get(`${BASE}/Condition`, async ({ request }) => {
        urls.push(request.url);
        await gate("Condition");
        return HttpResponse.json(bundle([meta]));
      }),
      http.get(`${BASE}/Observation`, async ({ request }) => {
        urls.push(request.url);
        await gate("Observation");
        return HttpResponse.json(bundle([kps, ecog]));
      }),
      http.get(`${BASE}/QuestionnaireResponse`, async ({ request }) => {
        urls.push(request.url);
        await gate("QuestionnaireResponse");
        return HttpResponse.json(bundle([ownQr, otherQr]));
      }),
      http.get(`${BASE}/Procedure`, async ({ request }) => {
        urls.push(request.url);
        await gate("Procedure");
        return HttpResponse.json(bundle([surgery, appendectomy]));
      }),
    );
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.patient).toEqual(patient);
    // The appendectomy a server might send despite the filter is not kept.
    expect(record.resources).toEqual([meta, kps, ecog, ownQr, surgery]);
    expect(record).toMatchObject({ partial: false, unavailable: [], failures: [], diagnostics: [] });
    expect(urls.sort()).toEqual(
      [
        `${BASE}/Condition?patient=p1&_count=100`,
        `${BASE}/Observation?patient=p1&code=http%3A%2F%2Floinc.org%7C89243-0%2Chttp%3A%2F%2Floinc.org%7C89247-1&_count=100`,
        `${BASE}/Patient/p1`,
        `${BASE}/QuestionnaireResponse?patient=p1&_count=100`,
        PROCEDURE_URL,
      ].sort(),
    );
  });

  it("Procedures: a 400 to the code filter reads the patient's Procedures unfiltered and keeps the spinal surgeries", async () => {
    const procedureUrls: string[] = [];
    healthyServer({
      procedure: ({ request }) => {
        procedureUrls.push(request.url);
        if (new URL(request.url).searchParams.has("code")) return new HttpResponse(null, { status: 400 });
        return HttpResponse.json(bundle([appendectomy, surgery]));
      },
    });
    const record = await loadPatientRecord(makeClient(), options());
    expect(procedureUrls).toEqual([PROCEDURE_URL, `${BASE}/Procedure?patient=p1&_count=100`]);
    expect(record.resources).toEqual([meta, kps, ecog, ownQr, surgery]);
    expect(record.diagnostics).toHaveLength(1);
    expect(record.diagnostics[0]).toMatchObject({
      code: "fallback-unfiltered",
      message: { params: { search: "Procedure" } },
    });
    expect(record.partial).toBe(false);
  });

  it("Procedures refused (403): unavailable and named; the report says the timing rests on the app's own answers", async () => {
    healthyServer({ procedure: () => new HttpResponse(null, { status: 403 }) });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.unavailable).toEqual(["Procedure"]);
    expect(record.failures).toEqual([{ search: "Procedure", fault: { kind: "forbidden", status: 403 } }]);
    expect(record.partial).toBe(true);
    expect(record.diagnostics).toHaveLength(1);
    expect(record.diagnostics[0]).toMatchObject({
      code: "search-forbidden",
      message: { params: { search: "Procedure" } },
    });
    expect(en(record.diagnostics[0]!.message)).toBe(
      "The EHR did not give this app permission to read Procedures (scope missing): spinal surgeries (which evidence is before the surgery) are not shown and the scores stay ranges.",
    );
    const report = reportFrom(record, "2026-06-01");
    expect(report.diagnostics.map((d) => d.code)).toContain("procedures-unread");
    expect(en(report.diagnostics.find((d) => d.code === "procedures-unread")?.message)).toBe(
      "Spinal surgery Procedures could not be read: whether evidence is before or after the surgery rests on the app's own pre-op and 1-month answers only",
    );
  });

  it("Procedures fail (503 after retries) while the rest is read: the other data are kept", async () => {
    healthyServer({ procedure: () => new HttpResponse(null, { status: 503 }) });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.resources).toEqual([meta, kps, ecog, ownQr]);
    expect(record.unavailable).toEqual(["Procedure"]);
    expect(record.diagnostics.map((d) => d.code)).toEqual(["search-failed"]);
  });

  it("no procedure codes: no Procedure search", async () => {
    const urls = healthyServer();
    await loadPatientRecord(makeClient(), options({ procedureCodes: [] }));
    expect(urls.some((u) => u.startsWith("/Procedure"))).toBe(false);
  });

  it("follows Observation pages (three) and the page size", async () => {
    healthyServer({
      observation: ({ request }) => {
        const page = new URL(request.url).searchParams.get("page");
        if (page === null) {
          expect(new URL(request.url).searchParams.get("_count")).toBe("2");
          return HttpResponse.json(bundle([kps], `${BASE}/Observation?page=2`));
        }
        if (page === "2") return HttpResponse.json(bundle([ecog], `${BASE}/Observation?page=3`));
        return HttpResponse.json(bundle([{ ...kps, id: "o-kps-2" }]));
      },
    });
    const record = await loadPatientRecord(makeClient(), options({ pageSize: 2 }));
    expect(
      record.resources
        .filter((r) => (r as { resourceType: string }).resourceType === "Observation")
        .map((r) => (r as { id: string }).id),
    ).toEqual(["o-kps", "o-ecog", "o-kps-2"]);
    expect(record.partial).toBe(false);
  });

  it("400 to the code filter: one unfiltered patient search, filtered locally, and a 'fallback-unfiltered' note", async () => {
    const observationUrls: string[] = [];
    healthyServer({
      observation: ({ request }) => {
        observationUrls.push(request.url);
        if (new URL(request.url).searchParams.has("code")) {
          return HttpResponse.json(
            {
              resourceType: "OperationOutcome",
              issue: [{ severity: "error", code: "not-supported", diagnostics: "Unknown search parameter code" }],
            },
            { status: 400, headers: { "content-type": "application/fhir+json" } },
          );
        }
        return HttpResponse.json(bundle([kps, glucose, ecog]));
      },
    });
    const record = await loadPatientRecord(makeClient(), options());
    expect(observationUrls).toHaveLength(2);
    expect(new URL(observationUrls[1]!).search).toBe("?patient=p1&_count=100");
    expect(record.resources).toContainEqual(kps);
    expect(record.resources).toContainEqual(ecog);
    expect(record.resources).not.toContainEqual(glucose);
    expect(record.diagnostics.map((d) => [d.code, d.severity, d.message.code])).toEqual([
      ["fallback-unfiltered", "info", "access.fallback-unfiltered"],
    ]);
    expect(record.diagnostics[0]!.message.params).toMatchObject({ search: "Observation" });
    expect(record.partial).toBe(false);
  });

  it("403 on one search: that data is unavailable and named, the rest works, the record is partial", async () => {
    healthyServer({ observation: () => new HttpResponse(null, { status: 403 }) });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.resources).toEqual([meta, ownQr]);
    expect(record.unavailable).toEqual(["Observation"]);
    expect(record.failures).toEqual([{ search: "Observation", fault: { kind: "forbidden", status: 403 } }]);
    expect(record.partial).toBe(true);
    expect(record.diagnostics).toEqual([expect.objectContaining({ code: "search-forbidden", severity: "warning" })]);
    expect(en(record.diagnostics[0]!.message)).toMatch(/permission/);
    // The view says it in the clinician's language from its message code (src/i18n/core.ts, diagnosticText).
    expect(record.diagnostics[0]).toMatchObject({
      message: { code: "access.search-forbidden", params: { search: "Observation" } },
    });
  });

  it("404 for the patient fails the load with 'not-found'", async () => {
    healthyServer();
    server.use(
      http.get(`${BASE}/Patient/p1`, () =>
        HttpResponse.json({ resourceType: "OperationOutcome", issue: [] }, { status: 404 }),
      ),
    );
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({ kind: "not-found", status: 404 });
  });

  it("401 during the searches ends the load with 'session-ended'", async () => {
    healthyServer({ observation: () => new HttpResponse(null, { status: 401 }) });
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({
      kind: "session-ended",
      status: 401,
      refreshTried: false,
    });
  });

  it("429 with Retry-After on a search is waited out", async () => {
    let calls = 0;
    healthyServer({
      observation: () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { "retry-after": "2" } })
          : HttpResponse.json(bundle([kps]));
      },
    });
    const { policy, sleeps } = fastPolicy();
    const record = await loadPatientRecord(makeClient(), { observationCodes: [KPS], policy });
    expect(record.resources).toContainEqual(kps);
    expect(sleeps).toEqual([2000]);
    expect(record.partial).toBe(false);
  });

  it("503 that does not recover on a search: unavailable, partial, with the reason", async () => {
    healthyServer({ observation: () => new HttpResponse(null, { status: 503 }) });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.unavailable).toEqual(["Observation"]);
    expect(record.failures[0]!.fault).toMatchObject({ kind: "unavailable", attempts: 2 });
    expect(record.diagnostics[0]).toMatchObject({
      code: "search-failed",
      message: { code: "access.search-failed", params: { search: "Observation", fault: "unavailable" } },
    });
  });

  it("a page failing mid-way keeps the earlier pages and marks the record partial", async () => {
    healthyServer({
      observation: ({ request }) =>
        new URL(request.url).searchParams.get("page") === "2"
          ? new HttpResponse("<html>gateway</html>", { status: 502, headers: { "content-type": "text/html" } })
          : HttpResponse.json(bundle([kps], `${BASE}/Observation?page=2`)),
    });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.resources).toContainEqual(kps);
    expect(record.partial).toBe(true);
    expect(record.unavailable).toEqual(["Observation"]);
    expect(record.diagnostics).toEqual([expect.objectContaining({ code: "page-failed" })]);
    expect(en(record.diagnostics[0]!.message)).toMatch(/page 2/);
    expect(record.diagnostics[0]!.message.params).toMatchObject({
      search: "Observation",
      page: 2,
      fault: "server-error",
    });
  });

  it("the page cap stops paging with a 'page-cap' diagnostic and a partial record", async () => {
    healthyServer({
      observation: ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
        return HttpResponse.json(bundle([{ ...kps, id: `o${page}` }], `${BASE}/Observation?page=${page + 1}`));
      },
    });
    const record = await loadPatientRecord(makeClient(), options({ maxPages: 3 }));
    expect(record.resources.filter((r) => (r as { resourceType: string }).resourceType === "Observation")).toHaveLength(
      3,
    );
    expect(record.partial).toBe(true);
    expect(record.unavailable).toEqual([]);
    expect(record.diagnostics).toEqual([expect.objectContaining({ code: "page-cap", severity: "warning" })]);
    expect(record.diagnostics[0]!.message.params).toMatchObject({ search: "Observation", pages: 3 });
  });

  it("a last page whose Bundle.total exceeds the Observations read, with no next link: a partial record and a 'search-incomplete' warning", async () => {
    healthyServer({ observation: () => HttpResponse.json({ ...bundle([kps, ecog]), total: 40 }) });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.resources).toEqual(expect.arrayContaining([kps, ecog]));
    expect(record.partial).toBe(true);
    expect(record.unavailable).toEqual([]);
    expect(record.failures).toEqual([]);
    expect(record.diagnostics.map((d) => [d.code, d.severity, d.message.code])).toEqual([
      ["search-incomplete", "warning", "access.search-incomplete"],
    ]);
    expect(record.diagnostics[0]!.message.params).toMatchObject({ search: "Observation", total: 40, read: 2 });
    expect(en(record.diagnostics[0]!.message)).toBe(
      "The EHR reported 40 Observations but sent 2, with no link to the rest. Some measurements (performance status, pain, function scores) may be missing and the scores stay ranges.",
    );
    // What the view scores from this record (src/ui/engine.ts): a partial report carrying the note.
    const report = reportFrom(record, "2025-03-01T00:00:00Z");
    expect(report.partial).toBe(true);
    expect(report.diagnostics.map((d) => d.code)).toContain("search-incomplete");
  });

  it("Bundle.total equal to the matches read (includes not counted) leaves the record complete", async () => {
    healthyServer({
      observation: () =>
        HttpResponse.json({
          ...bundle([kps, ecog]),
          total: 2,
          entry: [
            ...(bundle([kps, ecog]) as { entry: object[] }).entry,
            { resource: patient, search: { mode: "include" } },
          ],
        }),
    });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record).toMatchObject({ partial: false, diagnostics: [] });
  });

  it("a timeout on a search is its own fault", async () => {
    healthyServer({ observation: async () => new Promise<Response>(() => undefined) });
    const record = await loadPatientRecord(makeClient(), options({ ...fastPolicy({ timeoutMs: 30, maxRetries: 0 }) }));
    expect(record.failures).toEqual([
      { search: "Observation", fault: { kind: "timeout", timeoutMs: 30, attempts: 1 } },
    ]);
  });

  it("invalid JSON from a search is its own fault", async () => {
    healthyServer({
      observation: () => new HttpResponse("{", { headers: { "content-type": "application/fhir+json" } }),
    });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.failures).toEqual([
      { search: "Observation", fault: { kind: "invalid-response", detail: "invalid JSON" } },
    ]);
  });

  it("no patient in the launch context: 'no-patient'", async () => {
    expect(await faultOf(loadPatientRecord(makeClient({}, { patient: undefined }), options()))).toEqual({
      kind: "no-patient",
    });
  });

  it("writes nothing to the console (no tokens, no PHI)", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    healthyServer({ observation: () => new HttpResponse(null, { status: 403 }) });
    await loadPatientRecord(makeClient(), options());
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});

// ------------------------------------------------------------------ the Patient read ends the load

describe("loadPatientRecord: a failing Patient read ends the load with its fault", () => {
  /** The searches answer (healthyServer); the Patient read answers `answer`, counted. */
  function patientAnswers(answer: (request: Request) => Response | Promise<Response>): {
    calls: number;
    auths: (string | null)[];
  } {
    healthyServer();
    return patientRead((_call, request) => answer(request));
  }

  it("200 with a Bundle instead of the Patient: 'invalid-response', 'not a Patient', not retried", async () => {
    const seen = patientAnswers(() => HttpResponse.json(bundle([patient])));
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({
      kind: "invalid-response",
      detail: "not a Patient",
    });
    expect(seen.calls).toBe(1);
  });

  it("200 with another resource (an OperationOutcome, another type's JSON): 'not a Patient'", async () => {
    patientAnswers(() =>
      HttpResponse.json({
        resourceType: "OperationOutcome",
        issue: [{ severity: "information", code: "informational" }],
      }),
    );
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({
      kind: "invalid-response",
      detail: "not a Patient",
    });
    patientAnswers(() => HttpResponse.json({ id: "p1", name: [{ family: "Yamada" }] }));
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({
      kind: "invalid-response",
      detail: "not a Patient",
    });
  });

  it("401, and 401 again after the one token refresh: 'session-ended' with refreshTried", async () => {
    const seen = patientAnswers(() => new HttpResponse(null, { status: 401 }));
    const { client, refreshes } = refreshingClient();
    expect(await faultOf(loadPatientRecord(client, options()))).toEqual({
      kind: "session-ended",
      status: 401,
      refreshTried: true,
    });
    expect(refreshes).toHaveLength(1);
    expect(seen.auths).toEqual(["Bearer access-1", "Bearer access-2"]);
  });

  it("401 without a refresh token: 'session-ended' at once, the Patient read once", async () => {
    const seen = patientAnswers(() => new HttpResponse(null, { status: 401 }));
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({
      kind: "session-ended",
      status: 401,
      refreshTried: false,
    });
    expect(seen.calls).toBe(1);
  });

  it.each([
    [
      "503 on every attempt: 'unavailable' after 3 attempts, waits 100 and 200 ms",
      503,
      { maxRetries: 2, baseDelayMs: 100 },
      { kind: "unavailable", status: 503, attempts: 3, retryAfterMs: null },
      [100, 200],
    ],
    [
      "504 on every attempt: retried like 503, then 'server-error' with status 504",
      504,
      { maxRetries: 2, baseDelayMs: 100 },
      { kind: "server-error", status: 504, attempts: 3 },
      [100, 200],
    ],
    [
      "429 without Retry-After on every attempt: 'rate-limited' after the default 4 attempts, waits 500, 1000, 2000 ms",
      429,
      {},
      { kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: null },
      [500, 1000, 2000],
    ],
  ] satisfies [string, number, Partial<RequestPolicy>, FhirFault & { attempts: number }, number[]][])(
    "%s",
    async (_title, status, overrides, fault, waits) => {
      const seen = patientAnswers(() => new HttpResponse(null, { status }));
      const { policy, sleeps } = fastPolicy(overrides);
      expect(await faultOf(loadPatientRecord(makeClient(), { observationCodes: [KPS], policy }))).toEqual(fault);
      expect(seen.calls).toBe(fault.attempts);
      expect(sleeps).toEqual(waits);
    },
  );

  it("no answer in time, twice: 'timeout' with the policy's timeout and 2 attempts", async () => {
    const seen = patientAnswers(() => new Promise<Response>(() => undefined));
    expect(
      await faultOf(loadPatientRecord(makeClient(), options(fastPolicy({ timeoutMs: 50, maxRetries: 1 })))),
    ).toEqual({
      kind: "timeout",
      timeoutMs: 50,
      attempts: 2,
    });
    expect(seen.calls).toBe(2);
  });

  it("a network error on every attempt: 'network' after 2 attempts", async () => {
    const seen = patientAnswers(() => HttpResponse.error());
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({ kind: "network", attempts: 2 });
    expect(seen.calls).toBe(2);
  });

  it("the caller's AbortSignal during the load: 'aborted', and no request after the abort", async () => {
    const controller = new AbortController();
    const requests: string[] = [];
    const sleeps: number[] = [];
    let patientArrived = false;
    // Abort once the Patient read is in flight and every search waits for its retry after a 503.
    const abortWhenAllWait = (): void => {
      if (patientArrived && sleeps.length === 3 && !controller.signal.aborted) controller.abort();
    };
    server.use(
      http.get(`${BASE}/Patient/p1`, ({ request }) => {
        requests.push(new URL(request.url).pathname);
        patientArrived = true;
        abortWhenAllWait();
        return new Promise<Response>(() => undefined);
      }),
      ...(["Condition", "Observation", "QuestionnaireResponse"] as const).map((type) =>
        http.get(`${BASE}/${type}`, ({ request }) => {
          requests.push(new URL(request.url).pathname);
          return new HttpResponse(null, { status: 503 });
        }),
      ),
    );
    const policy: Partial<RequestPolicy> = {
      ...fastPolicy({ maxRetries: 3, baseDelayMs: 100 }).policy,
      timeoutMs: 5000,
      sleep: (ms, signal) => {
        sleeps.push(ms);
        const waiting = realSleep(ms, signal);
        abortWhenAllWait();
        return waiting;
      },
    };
    expect(
      await faultOf(loadPatientRecord(makeClient(), { observationCodes: [KPS], policy, signal: controller.signal })),
    ).toEqual({
      kind: "aborted",
    });
    expect(sleeps).toEqual([100, 100, 100]);
    // Longer than every backoff: a retry that ignored the abort would have been sent by now.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(requests.sort()).toEqual([
      "/fhir/Condition",
      "/fhir/Observation",
      "/fhir/Patient/p1",
      "/fhir/QuestionnaireResponse",
    ]);
  });

  it("a signal aborted before the load: 'aborted', nothing requested", async () => {
    const requests: string[] = [];
    server.use(
      http.get(`${BASE}/*`, ({ request }) => {
        requests.push(request.url);
        return HttpResponse.json(patient);
      }),
    );
    const controller = new AbortController();
    controller.abort();
    expect(await faultOf(loadPatientRecord(makeClient(), options({ signal: controller.signal })))).toEqual({
      kind: "aborted",
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
  });
});

// ------------------------------------------------------------------ the notes in the clinician's language

/** Every code in a message, nested ones included. */
function codesIn(param: CoreParam, into: Set<string>): void {
  if (typeof param !== "object" || "term" in param) return;
  if ("code" in param) {
    into.add(param.code);
    for (const p of Object.values(param.params ?? {})) codesIn(p, into);
  } else for (const p of param.items) codesIn(p, into);
}

const reached = new Set<string>();

/** Each note reads wholly in the catalogue's English and wholly in Japanese. */
function expectTranslated(diagnostics: readonly Diagnostic[]): string[] {
  expect(diagnostics.length).toBeGreaterThan(0);
  return diagnostics.map((d) => {
    const message: CoreMessage = d.message;
    codesIn(message, reached);
    expect(renderCoreMessage("en", message), d.message.code).not.toBeNull();
    const ja = renderCoreMessage("ja", message);
    expect(ja, d.message.code).not.toBeNull();
    // No English sentence left (names such as "Observation", "HTTP 502" or "JSON" may stay).
    expect(ja, d.message.code).not.toMatch(/[A-Za-z]+ [A-Za-z]+/);
    return ja ?? "";
  });
}

describe("loadPatientRecord's notes, in the catalogue's English and in Japanese", () => {
  const load = (
    observation: Parameters<typeof http.get>[1],
    extra: Partial<LoadOptions> = {},
  ): Promise<PatientRecord> => {
    healthyServer({ observation });
    return loadPatientRecord(makeClient(), options(extra));
  };
  const pagesThen =
    (last: () => Response | Promise<Response>) =>
    ({ request }: { request: Request }) =>
      new URL(request.url).searchParams.get("page") === "2"
        ? last()
        : HttpResponse.json(bundle([kps], `${BASE}/Observation?page=2`));

  it("a refused search, and a refused code filter", async () => {
    const [forbidden] = expectTranslated((await load(() => new HttpResponse(null, { status: 403 }))).diagnostics);
    expect(forbidden).toBe(
      "EHRがこのアプリに観察値（Observation）の読み取りを許可していません（スコープ不足）。測定値（全身状態、疼痛、機能スコア）は表示されず、スコアは範囲のままです。",
    );
    const unfiltered = await load(({ request }) =>
      new URL(request.url).searchParams.has("code")
        ? new HttpResponse(null, { status: 400 })
        : HttpResponse.json(bundle([kps])),
    );
    expect(expectTranslated(unfiltered.diagnostics)).toEqual([
      "EHRがコードによる観察値（Observation）の検索に対応していないため、患者の観察値（Observation）をすべて読み込み、アプリで絞り込みました。",
    ]);
  });

  it("a search that fails, for every kind of fault a search can end with", async () => {
    const failed = async (
      observation: Parameters<typeof http.get>[1],
      extra: Partial<LoadOptions> = {},
    ): Promise<string> => {
      const record = await load(observation, extra);
      expect(record.diagnostics.map((d) => d.code)).toEqual(["search-failed"]);
      return expectTranslated(record.diagnostics)[0] ?? "";
    };
    expect(await failed(() => new HttpResponse(null, { status: 503 }))).toBe(
      "観察値（Observation）を読み取れませんでした：EHRのFHIRサーバーが一時的に利用できません（503、2回試行）。測定値（全身状態、疼痛、機能スコア）が欠けているため、スコアは範囲のままです。",
    );
    expect(await failed(() => new HttpResponse(null, { status: 503, headers: { "retry-after": "5" } }))).toContain(
      "サーバーから5秒待つよう求められています。",
    );
    expect(await failed(() => new HttpResponse(null, { status: 429, headers: { "retry-after": "300" } }))).toContain(
      "1回試行しても応答がありませんでした。サーバーから約5分待つよう求められています。",
    );
    expect(await failed(() => new HttpResponse(null, { status: 500 }), fastPolicy({ maxRetries: 0 }))).toContain(
      "（HTTP 500、1回試行）",
    );
    expect(await failed(() => new HttpResponse(null, { status: 502 }))).toContain("（HTTP 502、2回試行）");
    const never = async () => new Promise<Response>(() => undefined);
    expect(await failed(never, fastPolicy({ timeoutMs: 30, maxRetries: 0 }))).toContain(
      "0秒以内に応答しませんでした（1回試行）",
    );
    expect(await failed(never, fastPolicy({ timeoutMs: 30, maxRetries: 1 }))).toContain("（2回試行）");
    expect(await failed(() => HttpResponse.error())).toContain("接続できませんでした（ネットワークエラー）");
    expect(
      await failed(() => HttpResponse.json({ resourceType: "OperationOutcome", issue: [] }, { status: 404 })),
    ).toContain("EHRのFHIRサーバーにこの記録がありません。");
    expect(await failed(() => new HttpResponse(null, { status: 422 }))).toContain("要求を拒否しました（HTTP 422）");
    expect(
      await failed(() => new HttpResponse("{", { headers: { "content-type": "application/fhir+json" } })),
    ).toContain("（JSONが不正です）");
    expect(await failed(() => HttpResponse.html("<html><body>Proxy login</body></html>"))).toContain(
      "（JSONではありません）",
    );
    expect(await failed(() => HttpResponse.json({ resourceType: "OperationOutcome", issue: [] }))).toContain(
      "（Bundleではありません）",
    );
  });

  it("a search cut short: a page failing or refused, a next link elsewhere or in a loop, the page cap", async () => {
    const midway = await load(
      pagesThen(() => new HttpResponse(null, { status: 500 })),
      fastPolicy({ maxRetries: 0 }),
    );
    expect(expectTranslated(midway.diagnostics)).toEqual([
      "観察値（Observation）は一部のみ読み取りました：2ページ目が失敗しました。EHRのFHIRサーバーでエラーが発生しました（HTTP 500、1回試行）。測定値（全身状態、疼痛、機能スコア）の一部が欠けている可能性があり、スコアは範囲のままです。",
    ]);
    const refused = await load(pagesThen(() => new HttpResponse(null, { status: 403 })));
    expect(expectTranslated(refused.diagnostics)[0]).toContain(
      "2ページ目が失敗しました。EHRがこのアプリにこのデータの読み取り権限を与えていません（スコープ不足）。",
    );
    const elsewhere = await load(() =>
      HttpResponse.json(bundle([kps], "https://elsewhere.example/fhir/Observation?page=2")),
    );
    expect(expectTranslated(elsewhere.diagnostics)[0]).toContain("（次ページのリンクが別のサーバーを指しています）");
    const loop = await load(() => HttpResponse.json(bundle([kps], `${BASE}/Observation?page=1`)));
    expect(loop.diagnostics.map((d) => d.code)).toEqual(["page-failed"]);
    expect(expectTranslated(loop.diagnostics)[0]).toContain("次ページのリンクが循環しています");
    const capped = await load(
      ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
        return HttpResponse.json(bundle([{ ...kps, id: `o${page}` }], `${BASE}/Observation?page=${page + 1}`));
      },
      { maxPages: 2 },
    );
    expect(expectTranslated(capped.diagnostics)).toEqual([
      "観察値（Observation）は最初の2ページのみ読み取りました（アプリのページ上限）。記録はさらにあり、測定値（全身状態、疼痛、機能スコア）の一部が欠けている可能性があるため、スコアは範囲のままです。",
    ]);
  });

  it("a search whose Bundle.total is more than was sent", async () => {
    const short = await load(() => HttpResponse.json({ ...bundle([kps]), total: 3 }));
    expect(expectTranslated(short.diagnostics)).toEqual([
      "EHRは観察値（Observation）が3件あると報告しましたが、送られたのは1件で、残りへのリンクがありません。測定値（全身状態、疼痛、機能スコア）の一部が欠けている可能性があるため、スコアは範囲のままです。",
    ]);
  });

  it("the other searches and no Observation codes", async () => {
    healthyServer();
    server.use(
      http.get(`${BASE}/Condition`, () => new HttpResponse(null, { status: 403 })),
      http.get(`${BASE}/QuestionnaireResponse`, () => new HttpResponse(null, { status: 403 })),
      http.get(`${BASE}/Procedure`, () => new HttpResponse(null, { status: 403 })),
    );
    const record = await loadPatientRecord(makeClient(), options({ observationCodes: [] }));
    expect(record.diagnostics.map((d) => d.code)).toEqual([
      "observations-not-requested",
      "search-forbidden",
      "search-forbidden",
      "search-forbidden",
    ]);
    const [none, conditions, questionnaires, procedures] = expectTranslated(record.diagnostics);
    expect(none).toBe("Observationのコードが設定されていないため、観察値（Observation）は読み込んでいません。");
    expect(conditions).toContain("診断（Condition）の読み取りを許可していません");
    expect(questionnaires).toContain("このアプリで以前に保存した質問票は表示されず");
    expect(procedures).toBe(
      "EHRがこのアプリに手術・処置（Procedure）の読み取りを許可していません（スコープ不足）。脊椎手術（どの情報が術前かの判断に使用）は表示されず、スコアは範囲のままです。",
    );
    healthyServer();
    server.use(
      http.get(`${BASE}/Condition`, () => new HttpResponse(null, { status: 503 })),
      http.get(`${BASE}/QuestionnaireResponse`, () => new HttpResponse(null, { status: 503 })),
      http.get(`${BASE}/Procedure`, () => new HttpResponse(null, { status: 503 })),
    );
    expectTranslated((await loadPatientRecord(makeClient(), options())).diagnostics);
  });

  it("together these reach every code of the notes; what they quote besides is a fault's sentence (every kind: faults.test.ts)", () => {
    expect(ACCESS_MESSAGE_CODES.filter((c) => !reached.has(c))).toEqual([]);
    expect(
      [...reached].filter((c) => !(ACCESS_MESSAGE_CODES as readonly string[]).includes(c) && !c.startsWith("fault.")),
    ).toEqual([]);
    expect([...reached].filter((c) => c.startsWith("fault.")).length).toBeGreaterThan(8);
  });
});
