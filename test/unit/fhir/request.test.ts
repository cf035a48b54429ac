// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { http, HttpResponse, delay } from "msw";
import { server } from "../../setup/msw-server";
import type { FhirFault } from "../../../src/fhir/faults";
import { fhirRequest, type RequestPolicy } from "../../../src/fhir/request";
import { parseRetryAfter } from "../../../src/fhir/retry-after";
import {
  BASE,
  NOW,
  TOKEN_URL,
  fastPolicy,
  faultOf,
  fhirJson,
  makeClient,
  patientRead,
  refreshingClient,
} from "./helpers";

const patient = { resourceType: "Patient", id: "p1" };

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", NOW)).toBe(3000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });
  it("reads an HTTP-date relative to now, never negative", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 12:00:07 GMT", NOW)).toBe(7000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).toBe(0);
  });
  it("returns null for absent or unreadable values", () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter("", NOW)).toBeNull();
    expect(parseRetryAfter("-5", NOW)).toBeNull();
    expect(parseRetryAfter("1.5", NOW)).toBeNull();
    expect(parseRetryAfter("soon", NOW)).toBeNull();
  });
});

describe("fhirRequest", () => {
  it("sends the bearer token and asks for FHIR JSON", async () => {
    let seen: Headers | null = null;
    server.use(
      http.get(`${BASE}/Patient/p1`, ({ request }) => {
        seen = request.headers;
        return HttpResponse.json(patient, { headers: fhirJson });
      }),
    );
    const res = await fhirRequest(makeClient(), { url: "Patient/p1" }, fastPolicy().policy);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(patient);
    expect(seen!.get("authorization")).toBe("Bearer access-1");
    expect(seen!.get("accept")).toBe("application/fhir+json");
  });

  it("on 401 refreshes once with the refresh token through fhirclient, then repeats the request", async () => {
    const auths: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/Patient/p1`, ({ request }) => {
        auths.push(request.headers.get("authorization"));
        return request.headers.get("authorization") === "Bearer access-2"
          ? HttpResponse.json(patient)
          : new HttpResponse(null, { status: 401 });
      }),
    );
    const { client, refreshes: tokenBodies } = refreshingClient();
    const res = await fhirRequest(client, { url: "Patient/p1" }, fastPolicy().policy);
    expect(res.body).toEqual(patient);
    expect(auths).toEqual(["Bearer access-1", "Bearer access-2"]);
    expect(tokenBodies).toHaveLength(1);
    expect(tokenBodies[0]!.get("grant_type")).toBe("refresh_token");
    expect(tokenBodies[0]!.get("refresh_token")).toBe("refresh-1");
  });

  it("401 again after the refresh: session ended, refreshed only once", async () => {
    server.use(http.get(`${BASE}/Patient/p1`, () => new HttpResponse(null, { status: 401 })));
    const { client, refreshes } = refreshingClient();
    expect(await faultOf(fhirRequest(client, { url: "Patient/p1" }, fastPolicy().policy))).toEqual({
      kind: "session-ended",
      status: 401,
      refreshTried: true,
    });
    expect(refreshes).toHaveLength(1);
  });

  it("401 without a refresh token: session ended at once", async () => {
    const seen = patientRead(() => new HttpResponse(null, { status: 401 }));
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1" }, fastPolicy().policy))).toEqual({
      kind: "session-ended",
      status: 401,
      refreshTried: false,
    });
    expect(seen.calls).toBe(1);
  });

  it("a refused refresh ends the session", async () => {
    server.use(
      http.get(`${BASE}/Patient/p1`, () => new HttpResponse(null, { status: 401 })),
      http.post(TOKEN_URL, () => HttpResponse.json({ error: "invalid_grant" }, { status: 400 })),
    );
    const client = makeClient({}, { refresh_token: "refresh-1", scope: "online_access patient/*.read" });
    expect(await faultOf(fhirRequest(client, { url: "Patient/p1" }, fastPolicy().policy))).toEqual({
      kind: "session-ended",
      status: 401,
      refreshTried: true,
    });
  });

  it("refreshes ahead of an expired access token (fhirclient's refreshIfNeeded)", async () => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json({ access_token: "access-2", token_type: "Bearer", expires_in: 3600 }),
      ),
      http.get(`${BASE}/Patient/p1`, ({ request }) =>
        request.headers.get("authorization") === "Bearer access-2"
          ? HttpResponse.json(patient)
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const client = makeClient({ expiresAt: 1 }, { refresh_token: "refresh-1", scope: "online_access patient/*.read" });
    expect((await fhirRequest(client, { url: "Patient/p1" }, fastPolicy().policy)).body).toEqual(patient);
  });

  it.each([
    [403, { kind: "forbidden", status: 403 }],
    [404, { kind: "not-found", status: 404 }],
    [410, { kind: "not-found", status: 410 }],
  ] as const)("%i is not retried", async (status, fault) => {
    const seen = patientRead(() => new HttpResponse(null, { status }));
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1" }, fastPolicy().policy))).toEqual(fault);
    expect(seen.calls).toBe(1);
  });

  it.each([
    ["429: waits the Retry-After seconds, then succeeds", 429, "3", 3000],
    ["503: honours a Retry-After HTTP-date", 503, "Sat, 01 Mar 2025 12:00:05 GMT", 5000],
  ])("%s", async (_title, status, retryAfter, wait) => {
    patientRead((calls) =>
      calls === 1
        ? new HttpResponse(null, { status, headers: { "retry-after": retryAfter } })
        : HttpResponse.json(patient),
    );
    const { policy, sleeps } = fastPolicy();
    expect((await fhirRequest(makeClient(), { url: "Patient/p1" }, policy)).body).toEqual(patient);
    expect(sleeps).toEqual([wait]);
  });

  it.each([
    [
      "503 every time: bounded retries with exponential backoff, then 'unavailable'",
      () => new HttpResponse(null, { status: 503 }),
      { maxRetries: 3, baseDelayMs: 100 },
      { kind: "unavailable", status: 503, attempts: 4, retryAfterMs: null },
      [100, 200, 400],
    ],
    [
      // fastPolicy overrides only sleep, now and timeoutMs: maxRetries, baseDelayMs and maxDelayMs are DEFAULT_REQUEST_POLICY's.
      "429 every time without Retry-After: the default policy's 3 retries after 500, 1000, 2000 ms, then 'rate-limited'",
      () => new HttpResponse(null, { status: 429 }),
      {},
      { kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: null },
      [500, 1000, 2000],
    ],
    [
      "the backoff never waits longer than maxDelayMs",
      () => new HttpResponse(null, { status: 503 }),
      { maxRetries: 3, baseDelayMs: 4000, maxDelayMs: 10_000 },
      { kind: "unavailable", status: 503, attempts: 4, retryAfterMs: null },
      [4000, 8000, 10_000],
    ],
    [
      "504 is retried like 503; a 504 every time ends as 'server-error' with status 504",
      () =>
        new HttpResponse("<html>Gateway Timeout</html>", {
          status: 504,
          headers: { "content-type": "text/html" },
        }),
      { maxRetries: 2, baseDelayMs: 100 },
      { kind: "server-error", status: 504, attempts: 3 },
      [100, 200],
    ],
    [
      "a Retry-After longer than the longest wait ends the retries and is reported",
      () => new HttpResponse(null, { status: 429, headers: { "retry-after": "120" } }),
      { maxDelayMs: 10_000 },
      { kind: "rate-limited", status: 429, attempts: 1, retryAfterMs: 120_000 },
      [],
    ],
  ] satisfies [string, () => Response, Partial<RequestPolicy>, FhirFault & { attempts: number }, number[]][])(
    "%s",
    async (_title, answer, overrides, fault, waits) => {
      const seen = patientRead(answer);
      const { policy, sleeps } = fastPolicy(overrides);
      expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1" }, policy))).toEqual(fault);
      expect(seen.calls).toBe(fault.attempts);
      expect(sleeps).toEqual(waits);
    },
  );

  it("504 once, then the answer: recovered after one wait", async () => {
    const seen = patientRead((calls) =>
      calls === 1 ? new HttpResponse(null, { status: 504 }) : HttpResponse.json(patient),
    );
    const { policy, sleeps } = fastPolicy({ baseDelayMs: 100 });
    const res = await fhirRequest(makeClient(), { url: "Patient/p1" }, policy);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(patient);
    expect(seen.calls).toBe(2);
    expect(sleeps).toEqual([100]);
  });

  it("500 is retried, 501 is not", async () => {
    const calls = { 500: 0, 501: 0 };
    server.use(
      http.get(`${BASE}/Patient/:status`, ({ params }) => {
        const status = Number(params.status) as 500 | 501;
        calls[status] += 1;
        return new HttpResponse(null, { status });
      }),
    );
    const { policy } = fastPolicy({ maxRetries: 2 });
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/500" }, policy))).toEqual({
      kind: "server-error",
      status: 500,
      attempts: 3,
    });
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/501" }, policy))).toEqual({
      kind: "server-error",
      status: 501,
      attempts: 1,
    });
    expect(calls).toEqual({ 500: 3, 501: 1 });
  });

  it("times out each attempt with an AbortController, retries, then reports 'timeout'", async () => {
    const seen = patientRead(async () => {
      await delay(2000);
      return HttpResponse.json(patient);
    });
    const { policy } = fastPolicy({ timeoutMs: 40, maxRetries: 1 });
    const started = Date.now();
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1" }, policy))).toEqual({
      kind: "timeout",
      timeoutMs: 40,
      attempts: 2,
    });
    expect(seen.calls).toBe(2);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("recovers when a retry answers in time", async () => {
    patientRead(async (calls) => {
      if (calls === 1) await delay(2000);
      return HttpResponse.json(patient);
    });
    const { policy } = fastPolicy({ timeoutMs: 40 });
    expect((await fhirRequest(makeClient(), { url: "Patient/p1" }, policy)).body).toEqual(patient);
  });

  it("invalid JSON is an invalid response, not retried", async () => {
    const seen = patientRead(() => new HttpResponse('{"resourceType": "Patient", ', { headers: fhirJson }));
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1" }, fastPolicy().policy))).toEqual({
      kind: "invalid-response",
      detail: "invalid JSON",
    });
    expect(seen.calls).toBe(1);
  });

  it("an HTML page instead of FHIR JSON is an invalid response", async () => {
    const seen = patientRead(() => HttpResponse.html("<html><body>Proxy login</body></html>"));
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1" }, fastPolicy().policy))).toEqual({
      kind: "invalid-response",
      detail: "not JSON",
    });
    expect(seen.calls).toBe(1);
  });

  it("network errors are retried, then reported", async () => {
    const seen = patientRead(() => HttpResponse.error());
    const { policy } = fastPolicy({ maxRetries: 2 });
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1" }, policy))).toEqual({
      kind: "network",
      attempts: 3,
    });
    expect(seen.calls).toBe(3);
  });

  it("a plain POST is never repeated; a conditional create (If-None-Exist) is", async () => {
    const seen: { ifNoneExist: string | null; contentType: string | null; body: unknown }[] = [];
    server.use(
      http.post(`${BASE}/QuestionnaireResponse`, async ({ request }) => {
        seen.push({
          ifNoneExist: request.headers.get("if-none-exist"),
          contentType: request.headers.get("content-type"),
          body: await request.json(),
        });
        return seen.length % 2 === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ resourceType: "QuestionnaireResponse", id: "qr1" }, { status: 201 });
      }),
    );
    const qr = { resourceType: "QuestionnaireResponse", status: "completed" };
    const { policy } = fastPolicy();
    expect(
      await faultOf(fhirRequest(makeClient(), { url: "QuestionnaireResponse", method: "POST", body: qr }, policy)),
    ).toEqual({
      kind: "unavailable",
      status: 503,
      attempts: 1,
      retryAfterMs: null,
    });
    expect(seen).toHaveLength(1);

    seen.length = 0;
    const res = await fhirRequest(
      makeClient(),
      {
        url: "QuestionnaireResponse",
        method: "POST",
        body: qr,
        headers: { "If-None-Exist": "identifier=urn%3Asys%7C1" },
      },
      policy,
    );
    expect(res.status).toBe(201);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual({
      ifNoneExist: "identifier=urn%3Asys%7C1",
      contentType: "application/fhir+json",
      body: qr,
    });
  });

  it("4xx other than 401/403/404/429 are 'rejected' with their OperationOutcome, never retried", async () => {
    let calls = 0;
    const outcome = {
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "invalid", diagnostics: "answer missing" }],
    };
    server.use(
      http.post(`${BASE}/QuestionnaireResponse`, () => {
        calls += 1;
        return HttpResponse.json(outcome, { status: 422, headers: fhirJson });
      }),
    );
    const fault = await faultOf(
      fhirRequest(
        makeClient(),
        { url: "QuestionnaireResponse", method: "POST", body: {}, headers: { "if-none-exist": "identifier=x" } },
        fastPolicy().policy,
      ),
    );
    expect(fault).toEqual({ kind: "rejected", status: 422, outcome });
    expect(calls).toBe(1);
  });

  it("the caller's AbortSignal cancels the request and the waits", async () => {
    server.use(http.get(`${BASE}/Patient/p1`, () => new HttpResponse(null, { status: 503 })));
    const controller = new AbortController();
    const { policy } = fastPolicy({
      sleep: () => {
        controller.abort();
        return Promise.reject(new DOMException("Aborted", "AbortError"));
      },
    });
    expect(await faultOf(fhirRequest(makeClient(), { url: "Patient/p1", signal: controller.signal }, policy))).toEqual({
      kind: "aborted",
    });
  });

  it("logs nothing, even when failing", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    server.use(http.get(`${BASE}/Patient/p1`, () => new HttpResponse(null, { status: 401 })));
    await faultOf(fhirRequest(makeClient({}, { refresh_token: "r" }), { url: "Patient/p1" }, fastPolicy().policy));
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});

describe("fhirRequest refresh timeout", () => {
  it("a token endpoint that never answers ends the session within the timeout", async () => {
    server.use(
      http.get(`${BASE}/Patient/p1`, () => new HttpResponse(null, { status: 401 })),
      http.post(TOKEN_URL, async () => {
        await delay(5000);
        return HttpResponse.json({ access_token: "late" });
      }),
    );
    const client = makeClient({}, { refresh_token: "refresh-1", scope: "online_access patient/*.read" });
    const started = Date.now();
    expect(await faultOf(fhirRequest(client, { url: "Patient/p1" }, fastPolicy({ timeoutMs: 50 }).policy))).toEqual({
      kind: "session-ended",
      status: 401,
      refreshTried: true,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
