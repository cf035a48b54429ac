import FHIR from "fhirclient/lib/entry/browser";
import type Client from "fhirclient/lib/Client";
import type { fhirclient } from "fhirclient/lib/types";
import { http, HttpResponse } from "msw";
import { FhirFaultError, type FhirFault } from "../../../src/fhir/faults";
import type { RequestPolicy } from "../../../src/fhir/request";
import { server } from "../../setup/msw-server";

export const BASE = "https://ehr.example.org/fhir";
export const TOKEN_URL = "https://auth.example.org/token";
export const NOW = Date.parse("2025-03-01T12:00:00Z");

/**
 * A fhirclient Client as ready() would return it after an EHR launch. `token` replaces fields of the token
 * response; a field given as undefined is left out (`{ patient: undefined }`: no patient in the launch context).
 */
export function makeClient(
  state: Partial<fhirclient.ClientState> = {},
  token: { [K in keyof fhirclient.TokenResponse]?: fhirclient.TokenResponse[K] | undefined } = {},
): Client {
  const tokenResponse: fhirclient.TokenResponse = {
    access_token: "access-1",
    token_type: "Bearer",
    patient: "p1",
    scope:
      "launch patient/Patient.read patient/Observation.read patient/Condition.read patient/QuestionnaireResponse.read",
  };
  for (const [key, value] of Object.entries<unknown>(token)) {
    if (value === undefined) delete tokenResponse[key];
    else tokenResponse[key] = value;
  }
  return FHIR.client({
    serverUrl: BASE,
    clientId: "spine-met-qol",
    tokenUri: TOKEN_URL,
    scope: "openid fhirUser launch patient/*.read",
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    ...state,
    tokenResponse,
  });
}

/** A policy that does not wait: the waits are recorded instead. */
export function fastPolicy(overrides: Partial<RequestPolicy> = {}): {
  policy: Partial<RequestPolicy>;
  sleeps: number[];
} {
  const sleeps: number[] = [];
  return {
    sleeps,
    policy: {
      sleep: (ms: number) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      now: () => NOW,
      timeoutMs: 2000,
      ...overrides,
    },
  };
}

export function bundle(resources: object[], next?: string): object {
  return {
    resourceType: "Bundle",
    type: "searchset",
    entry: resources.map((r) => ({ resource: r, search: { mode: "match" } })),
    ...(next
      ? {
          link: [
            { relation: "self", url: "ignored" },
            { relation: "next", url: next },
          ],
        }
      : {}),
  };
}

export const fhirJson = { "content-type": "application/fhir+json" };

/** The FhirFault a request was refused with; anything else thrown, or no refusal, fails the test. */
export async function faultOf(promise: Promise<unknown>): Promise<FhirFault> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FhirFaultError) return error.fault;
    throw error;
  }
  throw new Error("expected a FhirFaultError");
}

/**
 * A client that holds a refresh token, and a token endpoint that answers every refresh with "access-2".
 * `refreshes` are the bodies of the refresh requests it got, in order.
 */
export function refreshingClient(): { client: Client; refreshes: URLSearchParams[] } {
  const refreshes: URLSearchParams[] = [];
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      refreshes.push(new URLSearchParams(await request.text()));
      return HttpResponse.json({
        access_token: "access-2",
        token_type: "Bearer",
        expires_in: 3600,
        scope: "online_access patient/*.read",
      });
    }),
  );
  const client = makeClient({}, { refresh_token: "refresh-1", scope: "online_access patient/*.read" });
  return { client, refreshes };
}

/**
 * Serves GET Patient/p1 with `answer`, which is given the read's number (from 1) and the request; what the
 * server saw: how many reads, and their Authorization headers.
 */
export function patientRead(answer: (call: number, request: Request) => Response | Promise<Response>): {
  calls: number;
  auths: (string | null)[];
} {
  const seen = { calls: 0, auths: [] as (string | null)[] };
  server.use(
    http.get(`${BASE}/Patient/p1`, ({ request }) => {
      seen.calls += 1;
      seen.auths.push(request.headers.get("authorization"));
      return answer(seen.calls, request);
    }),
  );
  return seen;
}
