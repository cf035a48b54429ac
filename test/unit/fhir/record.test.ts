// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { http, HttpResponse } from "msw";
import { server } from "../../setup/msw-server";
import { codeChunks, hasCode, loadPatientRecord, type LoadOptions } from "../../../src/fhir/record";
import { FhirFaultError, type FhirFault } from "../../../src/fhir/faults";
import { questionnaireUrl } from "../../../src/questionnaires/contract";
import { BASE, bundle, fastPolicy, makeClient } from "./helpers";

const KPS = "http://loinc.org|89243-0";
const ECOG = "http://loinc.org|89247-1";
const patient = { resourceType: "Patient", id: "p1", name: [{ family: "Yamada", given: ["Taro"] }] };
const kps = { resourceType: "Observation", id: "o-kps", status: "final", code: { coding: [{ system: "http://loinc.org", code: "89243-0" }] } };
const ecog = { resourceType: "Observation", id: "o-ecog", status: "final", code: { coding: [{ system: "http://loinc.org", code: "89247-1" }] } };
const glucose = { resourceType: "Observation", id: "o-glu", status: "final", code: { coding: [{ system: "http://loinc.org", code: "2345-7" }] } };
const meta = { resourceType: "Condition", id: "c1", code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] } };
const ownQr = { resourceType: "QuestionnaireResponse", id: "qr1", status: "completed", questionnaire: `${questionnaireUrl("eq5d5l")}|1.0.0` };
const otherQr = { resourceType: "QuestionnaireResponse", id: "qr2", status: "completed", questionnaire: "https://other.example/Questionnaire/intake" };

function options(extra: Partial<LoadOptions> = {}): LoadOptions {
  return { observationCodes: [KPS, ECOG], ...fastPolicy({ maxRetries: 1 }), ...extra };
}

/** Handlers answering a complete, healthy record. */
function healthyServer(overrides: { observation?: Parameters<typeof http.get>[1] } = {}): string[] {
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
  );
  return urls;
}

async function faultOf(promise: Promise<unknown>): Promise<FhirFault> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FhirFaultError) return error.fault;
    throw error;
  }
  throw new Error("expected a FhirFaultError");
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
  it("reads the patient and, in one parallel wave, Conditions, coded Observations and the app's own QuestionnaireResponses", async () => {
    // Every request waits until all four have arrived: a sequential client would never get there.
    const arrived: string[] = [];
    let release!: () => void;
    const all = new Promise<void>((resolve) => (release = resolve));
    const gate = async (name: string): Promise<void> => {
      arrived.push(name);
      if (arrived.length === 4) release();
      await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${arrived.join(", ")} in flight`)), 1500))]);
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
    );
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.patient).toEqual(patient);
    expect(record.resources).toEqual([meta, kps, ecog, ownQr]);
    expect(record).toMatchObject({ partial: false, unavailable: [], failures: [], diagnostics: [] });
    expect(urls.sort()).toEqual(
      [
        `${BASE}/Condition?patient=p1&_count=100`,
        `${BASE}/Observation?patient=p1&code=http%3A%2F%2Floinc.org%7C89243-0%2Chttp%3A%2F%2Floinc.org%7C89247-1&_count=100`,
        `${BASE}/Patient/p1`,
        `${BASE}/QuestionnaireResponse?patient=p1&_count=100`,
      ].sort(),
    );
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
    expect(record.resources.filter((r) => (r as { resourceType: string }).resourceType === "Observation").map((r) => (r as { id: string }).id)).toEqual([
      "o-kps",
      "o-ecog",
      "o-kps-2",
    ]);
    expect(record.partial).toBe(false);
  });

  it("400 to the code filter: one unfiltered patient search, filtered locally, and a 'fallback-unfiltered' note", async () => {
    const observationUrls: string[] = [];
    healthyServer({
      observation: ({ request }) => {
        observationUrls.push(request.url);
        if (new URL(request.url).searchParams.has("code")) {
          return HttpResponse.json(
            { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-supported", diagnostics: "Unknown search parameter code" }] },
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
    expect(record.diagnostics).toEqual([expect.objectContaining({ code: "fallback-unfiltered", severity: "info", params: { search: "Observation" } })]);
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
    expect(record.diagnostics[0]!.message).toMatch(/permission/);
    // The view says it in the clinician's language from these (src/ui/accessNotes.ts).
    expect(record.diagnostics[0]!.params).toEqual({ search: "Observation" });
  });

  it("404 for the patient fails the load with 'not-found'", async () => {
    healthyServer();
    server.use(http.get(`${BASE}/Patient/p1`, () => HttpResponse.json({ resourceType: "OperationOutcome", issue: [] }, { status: 404 })));
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({ kind: "not-found", status: 404 });
  });

  it("401 during the searches ends the load with 'session-ended'", async () => {
    healthyServer({ observation: () => new HttpResponse(null, { status: 401 }) });
    expect(await faultOf(loadPatientRecord(makeClient(), options()))).toEqual({ kind: "session-ended", status: 401, refreshTried: false });
  });

  it("429 with Retry-After on a search is waited out", async () => {
    let calls = 0;
    healthyServer({
      observation: () => {
        calls += 1;
        return calls === 1 ? new HttpResponse(null, { status: 429, headers: { "retry-after": "2" } }) : HttpResponse.json(bundle([kps]));
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
    expect(record.diagnostics[0]).toMatchObject({ code: "search-failed", params: { search: "Observation", fault: "unavailable" } });
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
    expect(record.diagnostics[0]!.message).toMatch(/page 2/);
    expect(record.diagnostics[0]!.params).toEqual({ search: "Observation", page: 2, fault: "server-error" });
  });

  it("the page cap stops paging with a 'page-cap' diagnostic and a partial record", async () => {
    healthyServer({
      observation: ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
        return HttpResponse.json(bundle([{ ...kps, id: `o${page}` }], `${BASE}/Observation?page=${page + 1}`));
      },
    });
    const record = await loadPatientRecord(makeClient(), options({ maxPages: 3 }));
    expect(record.resources.filter((r) => (r as { resourceType: string }).resourceType === "Observation")).toHaveLength(3);
    expect(record.partial).toBe(true);
    expect(record.unavailable).toEqual([]);
    expect(record.diagnostics).toEqual([expect.objectContaining({ code: "page-cap", severity: "warning" })]);
    expect(record.diagnostics[0]!.params).toEqual({ search: "Observation", pages: 3 });
  });

  it("a timeout on a search is its own fault", async () => {
    healthyServer({ observation: async () => new Promise<Response>(() => undefined) });
    const record = await loadPatientRecord(makeClient(), options({ ...fastPolicy({ timeoutMs: 30, maxRetries: 0 }) }));
    expect(record.failures).toEqual([{ search: "Observation", fault: { kind: "timeout", timeoutMs: 30, attempts: 1 } }]);
  });

  it("invalid JSON from a search is its own fault", async () => {
    healthyServer({ observation: () => new HttpResponse("{", { headers: { "content-type": "application/fhir+json" } }) });
    const record = await loadPatientRecord(makeClient(), options());
    expect(record.failures).toEqual([{ search: "Observation", fault: { kind: "invalid-response", detail: "invalid JSON" } }]);
  });

  it("no patient in the launch context: 'no-patient'", async () => {
    expect(await faultOf(loadPatientRecord(makeClient({}, { patient: undefined }), options()))).toEqual({ kind: "no-patient" });
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
