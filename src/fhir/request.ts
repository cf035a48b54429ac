/**
 * The one request helper of the app: every FHIR call (reads, searches, the write-back's POSTs) goes
 * through `fhirRequest`, so timeouts, retries and fault types are the same everywhere.
 *
 * Usage (write-back, conditional create):
 * ```ts
 * const res = await fhirRequest<QuestionnaireResponse>(client, {
 *   url: "QuestionnaireResponse",
 *   method: "POST",
 *   body: response,                                   // serialised as JSON
 *   headers: {
 *     "if-none-exist": `identifier=${encodeURIComponent(`${system}|${value}`)}`,
 *     prefer: "return=representation",              // so that 201 carries the resource
 *   },
 * }, { timeoutMs: config.fhirTimeoutMs });
 * // res.status: 201 created, 200 already there (If-None-Exist matched); res.headers.get("location")
 * ```
 * On failure it throws a `FhirFaultError`; switch on `error.fault.kind` ("rejected" carries the
 * OperationOutcome of a 400/412/422). Keep the draft and offer a retry for "timeout", "network",
 * "unavailable", "rate-limited", "server-error"; ask for a relaunch on "session-ended".
 *
 * Retries: network errors, timeouts, 429 and 500/502/503/504 are retried (bounded, exponential
 * backoff, Retry-After honoured — seconds or HTTP-date — and never waited beyond `maxDelayMs`),
 * but only for idempotent requests: GET, PUT, DELETE, and POST with an If-None-Exist header
 * (a conditional create cannot create twice). A plain POST is sent once. 4xx are never retried.
 * 401: one token refresh through fhirclient (`client.refresh()`, needs a refresh token, i.e. the
 * online_access or offline_access scope), then the request once more; then "session-ended".
 *
 * Why `client.fhirRequest` and not `client.request`: in fhirclient 2.6.3 `Client.request` clears the
 * stored session on the first 401 (Client.js), which makes a refresh-and-retry impossible, and its
 * `pageLimit` paging cannot retry a single page or tell that a page cap was hit. Everything else is
 * fhirclient's own: the Authorization header (`getRequestDefaults`), the proactive refresh before
 * expiry (`refreshIfNeeded`), the refresh grant (`refresh`), JSON handling and `HttpError`.
 *
 * Nothing here logs: URLs carry patient ids and headers carry tokens.
 */
import type Client from "fhirclient/lib/Client";
import type { OperationOutcome } from "fhir/r4";
import { FhirFaultError, type FhirFault } from "./faults";
import { parseRetryAfter } from "./retry-after";

type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface FhirRequest {
  /** Relative to the FHIR base ("Patient/123", "Observation?patient=…") or absolute (a `next` link). */
  url: string;
  method?: HttpMethod;
  /** Sent as JSON (content-type application/fhir+json). */
  body?: unknown;
  /** Extra headers, e.g. "if-none-exist", "prefer", "if-match". Never put a token here. */
  headers?: Record<string, string>;
  /** Cancels the whole request, retries and waits included (fault "aborted"). */
  signal?: AbortSignal;
}

export interface RequestPolicy {
  /** Per attempt, in ms (the configuration's fhirTimeoutMs). */
  timeoutMs: number;
  /** Retries after the first attempt (for idempotent requests only). */
  maxRetries: number;
  /** Backoff without Retry-After: baseDelayMs · 2^(retry − 1), capped at maxDelayMs. */
  baseDelayMs: number;
  /** The longest single wait; a Retry-After beyond it ends the retries. */
  maxDelayMs: number;
  /** Injectable for tests. Resolves after `ms`; rejects when `signal` fires. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable clock (ms since the epoch), for HTTP-date Retry-After. */
  now: () => number;
}

export interface FhirResponse<T> {
  status: number;
  /** Parsed JSON; null for an empty body (e.g. 204, or 201 without Prefer: return=representation). */
  body: T | null;
  headers: Headers;
}

export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("Aborted", "AbortError"));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new DOMException("Aborted", "AbortError"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export const DEFAULT_REQUEST_POLICY: RequestPolicy = {
  timeoutMs: 30_000,
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  sleep: realSleep,
  now: () => Date.now(),
};

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

function isIdempotent(method: HttpMethod, headers: Record<string, string>): boolean {
  if (method !== "POST") return true;
  return Object.keys(headers).some((h) => h.toLowerCase() === "if-none-exist");
}

interface HttpErrorLike {
  status: number;
  message: string;
  response?: { headers?: { get: (name: string) => string | null } };
}

function isHttpError(error: unknown): error is HttpErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "HttpError" &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

function errorName(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as { name?: unknown }).name === "string"
    ? (error as { name: string }).name
    : "";
}

/**
 * fhirclient's HttpError has already read the body into its message ("status text\nURL: …\n\n{json}");
 * the OperationOutcome is recovered from there, when it is one.
 */
function outcomeFromHttpError(error: HttpErrorLike): OperationOutcome | null {
  const at = error.message.indexOf("\n\n");
  if (at < 0) return null;
  try {
    const parsed: unknown = JSON.parse(error.message.slice(at + 2));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      (parsed as { resourceType?: unknown }).resourceType === "OperationOutcome"
    ) {
      return parsed as OperationOutcome;
    }
  } catch {
    // not JSON: no outcome
  }
  return null;
}

function hasRefreshToken(client: Client): boolean {
  return Boolean(client.getState("tokenResponse.refresh_token")) && Boolean(client.getState("tokenUri"));
}

interface CombinedResult {
  body?: unknown;
  response: Response;
}

/**
 * Sends one FHIR request with the app's fault policy (see the module comment). Resolves with the
 * status, parsed body and headers; rejects with a `FhirFaultError`.
 */
export async function fhirRequest<T = unknown>(
  client: Client,
  request: FhirRequest,
  policy: Partial<RequestPolicy> = {},
): Promise<FhirResponse<T>> {
  const p: RequestPolicy = { ...DEFAULT_REQUEST_POLICY, ...policy };
  const method = request.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/fhir+json", ...request.headers };
  if (request.body !== undefined) headers["content-type"] ??= "application/fhir+json";
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const retryable = isIdempotent(method, headers);
  const outer = request.signal;

  let attempts = 0;
  let retries = 0;
  let refreshTried = false;

  const aborted = (): FhirFaultError => new FhirFaultError({ kind: "aborted" });

  /** Waits before the next attempt, or returns false when no retry is allowed. */
  const backoff = async (retryAfterMs: number | null): Promise<boolean> => {
    if (!retryable || retries >= p.maxRetries) return false;
    const computed = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** retries);
    const wait = retryAfterMs === null ? computed : retryAfterMs;
    if (wait > p.maxDelayMs) return false;
    retries += 1;
    try {
      await p.sleep(wait, outer);
    } catch {
      throw aborted();
    }
    return true;
  };

  for (;;) {
    if (outer?.aborted) throw aborted();
    attempts += 1;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, p.timeoutMs);
    const forward = (): void => controller.abort();
    outer?.addEventListener("abort", forward, { once: true });

    let fault: FhirFault;
    let retryAfterMs: number | null = null;
    try {
      // Proactive refresh when the access token is about to expire (fhirclient's own rule).
      try {
        await client.refreshIfNeeded({ signal: controller.signal });
      } catch {
        // A failed refresh is not fatal yet: the request decides (401 → session ended).
      }
      const result = await client.fhirRequest<CombinedResult>(request.url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
        includeResponse: true,
      });
      const parsed = result.body;
      if (method === "GET" && (typeof parsed !== "object" || parsed === null)) {
        throw new FhirFaultError({ kind: "invalid-response", detail: "not JSON" });
      }
      return {
        status: result.response.status,
        body: typeof parsed === "object" && parsed !== null ? (parsed as T) : null,
        headers: result.response.headers,
      };
    } catch (error) {
      if (error instanceof FhirFaultError) throw error;
      if (outer?.aborted) throw aborted();
      if (isHttpError(error)) {
        const status = error.status;
        retryAfterMs = parseRetryAfter(error.response?.headers?.get("retry-after"), p.now());
        if (status === 401) {
          if (!refreshTried && hasRefreshToken(client)) {
            refreshTried = true;
            const refreshing = new AbortController();
            const refreshTimer = setTimeout(() => refreshing.abort(), p.timeoutMs);
            const stop = (): void => refreshing.abort();
            outer?.addEventListener("abort", stop, { once: true });
            try {
              await client.refresh({ signal: refreshing.signal });
              continue; // the same request once more, with the new token (not counted as a retry)
            } catch {
              if (outer?.aborted) throw aborted();
              // refresh refused or timed out: the session is over
            } finally {
              clearTimeout(refreshTimer);
              outer?.removeEventListener("abort", stop);
            }
          }
          throw new FhirFaultError({ kind: "session-ended", status: 401, refreshTried });
        }
        if (status === 403) throw new FhirFaultError({ kind: "forbidden", status: 403 });
        if (status === 404 || status === 410) throw new FhirFaultError({ kind: "not-found", status });
        if (status === 429) fault = { kind: "rate-limited", status: 429, attempts, retryAfterMs };
        else if (status === 503) fault = { kind: "unavailable", status: 503, attempts, retryAfterMs };
        else if (status >= 500) fault = { kind: "server-error", status, attempts };
        else throw new FhirFaultError({ kind: "rejected", status, outcome: outcomeFromHttpError(error) });
        if (!RETRYABLE_STATUS.has(status)) throw new FhirFaultError(fault);
      } else if (errorName(error) === "AbortError" && timedOut) {
        fault = { kind: "timeout", timeoutMs: p.timeoutMs, attempts };
      } else if (errorName(error) === "SyntaxError") {
        throw new FhirFaultError({ kind: "invalid-response", detail: "invalid JSON" });
      } else if (errorName(error) === "TypeError" || errorName(error) === "FetchError") {
        fault = { kind: "network", attempts };
      } else {
        throw error;
      }
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    }
    if (!(await backoff(retryAfterMs))) throw new FhirFaultError(fault);
  }
}
