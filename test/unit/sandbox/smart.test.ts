/**
 * The sandbox's SMART authorization server: discovery, authorize (EHR and standalone launch), PKCE S256, exact
 * redirect_uri, code exchange, refresh, expiry and replay, and scope enforcement on the protected FHIR base.
 */
import type { Bundle, OperationOutcome, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt, verifyRs256, type PublicJwk } from "../../../sandbox/jwt";
import { startSandbox, type Sandbox } from "../../../sandbox/server";
import { encodeLaunch } from "../../../sandbox/smart";
import {
  allowLoopback,
  authorize,
  CLIENT_ID,
  getJson,
  login,
  pkce,
  tokenRequest,
  type AuthorizeParams,
  type Pkce,
} from "./helpers";

allowLoopback();

let sb: Sandbox;
let clock = Date.parse("2026-01-15T09:00:00Z");
let origin: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: () => clock, accessTokenTtlSeconds: 300, codeTtlSeconds: 60 });
  origin = sb.url.replace(/\/$/, "");
}, 120_000);

afterAll(async () => {
  await sb?.close();
});

const PATIENT = "fig2-cervical-c3";
const EHR_SCOPE = "launch openid fhirUser online_access patient/*.read patient/QuestionnaireResponse.write";
const launch = (): string => encodeLaunch({ patient: PATIENT, encounter: `${PATIENT}-enc-1mo` });
const base = () => ({ origin, fhirBase: sb.fhirBase });

/** The authorize request of an EHR launch of PATIENT: EHR_SCOPE and a fresh PKCE pair unless `extra` says otherwise. */
const authorizeEhr = (extra: Partial<AuthorizeParams> = {}) =>
  authorize({ ...base(), scope: EHR_SCOPE, launch: launch(), pkce: pkce(), ...extra });

async function codeFor(p: Pkce, scope = EHR_SCOPE, extra: Partial<AuthorizeParams> = {}): Promise<string> {
  const a = await authorizeEhr({ scope, pkce: p, ...extra });
  expect(a.status).toBe(302);
  const code = a.location?.searchParams.get("code");
  expect(code).toBeTruthy();
  return code ?? "";
}

const exchange = (code: string, verifier: string, redirectUri = `${origin}/app/index.html`) =>
  tokenRequest(origin, {
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    client_id: CLIENT_ID,
  });

const bearer = (token: unknown): RequestInit => ({ headers: { Authorization: `Bearer ${String(token)}` } });

/** An EHR launch of PATIENT with this scope, through authorize and the code exchange: the token response. */
const loginWith = (scope: string) => login({ ...base(), scope, launch: launch(), pkce: pkce() });

/** POSTs a resource (or a transaction Bundle to the base, path "") to the protected base with this token. */
const postWith = (token: unknown, path: string, resource: object) =>
  getJson(path ? `${sb.fhirBase}/${path}` : sb.fhirBase, {
    method: "POST",
    headers: { Authorization: `Bearer ${String(token)}`, "Content-Type": "application/fhir+json" },
    body: JSON.stringify(resource),
  });

/** The refresh_token grant (with this app's client_id unless `form` says otherwise). */
const refreshWith = (refreshToken: unknown, form: Record<string, string> = { client_id: CLIENT_ID }) =>
  tokenRequest(origin, { grant_type: "refresh_token", refresh_token: String(refreshToken), ...form });

describe("discovery", () => {
  it("serves .well-known/smart-configuration under the FHIR base", async () => {
    const { status, body } = await getJson(`${sb.fhirBase}/.well-known/smart-configuration`, {
      headers: { Origin: "http://localhost:5173" },
    });
    expect(status).toBe(200);
    expect(body.authorization_endpoint).toBe(`${origin}/auth/authorize`);
    expect(body.token_endpoint).toBe(`${origin}/auth/token`);
    expect(body.code_challenge_methods_supported).toEqual(["S256"]);
    expect(body.capabilities).toEqual(
      expect.arrayContaining([
        "launch-ehr",
        "launch-standalone",
        "client-public",
        "context-ehr-patient",
        "context-ehr-encounter",
        "context-standalone-patient",
        "permission-patient",
        "permission-v1",
        "permission-v2",
        "sso-openid-connect",
      ]),
    );
  });
});

describe("EHR launch: authorize → token → FHIR → refresh", () => {
  it("runs the whole exchange with PKCE and echoes state", async () => {
    const p = pkce();
    const a = await authorizeEhr({ pkce: p, state: "opaque-state-42" });
    expect(a.status).toBe(302);
    expect(`${a.location?.origin ?? ""}${a.location?.pathname ?? ""}`).toBe(`${origin}/app/index.html`);
    expect(a.location?.searchParams.get("state")).toBe("opaque-state-42");
    const code = a.location?.searchParams.get("code") ?? "";

    const t = await exchange(code, p.verifier);
    expect(t.status).toBe(200);
    expect(t.body.token_type).toBe("Bearer");
    expect(t.body.patient).toBe(PATIENT);
    expect(t.body.encounter).toBe(`${PATIENT}-enc-1mo`);
    expect(t.body.need_patient_banner).toBe(true);
    expect(t.body.expires_in).toBe(300);
    expect(String(t.body.scope).split(" ")).toEqual(EHR_SCOPE.split(" "));
    expect(typeof t.body.refresh_token).toBe("string");
    const idToken = decodeJwt(String(t.body.id_token));
    expect(idToken.fhirUser).toBe(`${sb.fhirBase}/Practitioner/sandbox-surgeon`);
    // The display name the app prints on the tumour-board page (OpenID Connect `name` claim).
    expect(idToken.name).toBe("Dr Sam Sandbox (synthetic)");
    // Signed with RS256 by a key the SMART configuration's jwks_uri serves, as a real EHR signs it.
    const config = await getJson(`${sb.fhirBase}/.well-known/smart-configuration`);
    const jwks = await getJson(String(config.body.jwks_uri));
    expect(verifyRs256(String(t.body.id_token), jwks.body as unknown as { keys: PublicJwk[] })).toEqual(idToken);
    expect(idToken.aud).toBe(CLIENT_ID);
    expect(idToken.iss).toBe(sb.fhirBase);

    const read = await getJson(`${sb.fhirBase}/Patient/${PATIENT}`, bearer(t.body.access_token));
    expect(read.status).toBe(200);
    expect((read.body as unknown as Patient).id).toBe(PATIENT);
    const user = await getJson(`${sb.fhirBase}/Practitioner/sandbox-surgeon`, bearer(t.body.access_token));
    expect(user.status).toBe(200);

    const r = await refreshWith(t.body.refresh_token);
    expect(r.status).toBe(200);
    expect(r.body.access_token).not.toBe(t.body.access_token);
    expect(r.body.patient).toBe(PATIENT);
    expect(typeof r.body.refresh_token).toBe("string");
    const again = await getJson(`${sb.fhirBase}/Condition?patient=${PATIENT}`, bearer(r.body.access_token));
    expect(again.status).toBe(200);
    expect((again.body as unknown as Bundle).total).toBe(2);

    // Rotation: the used refresh token is spent.
    const reuse = await refreshWith(t.body.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe("invalid_grant");
  });

  it("a refresh without client_id works (fhirclient's default) and gives the same context", async () => {
    const t = await loginWith(EHR_SCOPE);
    const r = await refreshWith(t.refresh_token, {});
    expect(r.status).toBe(200);
    expect(r.body.patient).toBe(PATIENT);
    expect((await getJson(`${sb.fhirBase}/Patient/${PATIENT}`, bearer(r.body.access_token))).status).toBe(200);
  });

  it("the code exchange needs client_id", async () => {
    const p = pkce();
    const code = await codeFor(p);
    const t = await tokenRequest(origin, {
      grant_type: "authorization_code",
      code,
      redirect_uri: `${origin}/app/index.html`,
      code_verifier: p.verifier,
    });
    expect(t.status).toBe(400);
    expect(t.body.error).toBe("invalid_request");
  });

  it("a refresh may narrow the scope but not widen it", async () => {
    const t = await loginWith(EHR_SCOPE);
    const refresh = (scope: string) => refreshWith(t.refresh_token, { client_id: CLIENT_ID, scope });
    const wider = await refresh("patient/*.write");
    expect(wider.status).toBe(400);
    expect(wider.body.error).toBe("invalid_scope");
    const narrower = await refresh("patient/*.read");
    expect(narrower.status).toBe(200);
    expect(narrower.body.scope).toBe("patient/*.read");
  });

  it("no refresh token without online_access/offline_access, no id_token without openid", async () => {
    const t = await loginWith("launch patient/*.read");
    expect(t.refresh_token).toBeUndefined();
    expect(t.id_token).toBeUndefined();
  });
});

describe("refusals at the token endpoint", () => {
  it("a wrong code_verifier is refused with invalid_grant", async () => {
    const code = await codeFor(pkce());
    const t = await exchange(code, pkce().verifier);
    expect(t.status).toBe(400);
    expect(t.body.error).toBe("invalid_grant");
  });

  it("a replayed code is refused, and the tokens it gave are revoked", async () => {
    const p = pkce();
    const code = await codeFor(p);
    const first = await exchange(code, p.verifier);
    expect(first.status).toBe(200);
    const second = await exchange(code, p.verifier);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe("invalid_grant");
    const read = await getJson(`${sb.fhirBase}/Patient/${PATIENT}`, bearer(first.body.access_token));
    expect(read.status).toBe(401);
  });

  it("an expired code is refused", async () => {
    const p = pkce();
    const code = await codeFor(p);
    clock += 61_000;
    const t = await exchange(code, p.verifier);
    expect(t.status).toBe(400);
    expect(t.body.error).toBe("invalid_grant");
  });

  it("a redirect_uri different from the authorization request is refused", async () => {
    const p = pkce();
    const code = await codeFor(p);
    const t = await exchange(code, p.verifier, `${origin}/app/`);
    expect(t.status).toBe(400);
    expect(t.body.error).toBe("invalid_grant");
  });

  it("an unknown client is refused with invalid_client", async () => {
    const t = await tokenRequest(origin, { grant_type: "authorization_code", code: "x", client_id: "someone-else" });
    expect(t.status).toBe(401);
    expect(t.body.error).toBe("invalid_client");
  });

  it("an unsupported grant type is refused", async () => {
    const t = await tokenRequest(origin, { grant_type: "client_credentials", client_id: CLIENT_ID });
    expect(t.body.error).toBe("unsupported_grant_type");
  });
});

describe("refusals at the authorize endpoint", () => {
  it("a redirect_uri that is not registered gets an error page, never a redirect", async () => {
    const a = await authorizeEhr({ redirectUri: "https://attacker.example/cb" });
    expect(a.status).toBe(400);
    expect(a.location).toBeNull();
    expect(a.body).toContain("redirect_uri");
    const prefix = await authorizeEhr({ redirectUri: `${origin}/app/index.html?x=1` });
    expect(prefix.status).toBe(400);
  });

  it("an unknown client_id gets an error page", async () => {
    const url = new URL(`${origin}/auth/authorize`);
    url.searchParams.set("client_id", "other");
    url.searchParams.set("redirect_uri", `${origin}/app/index.html`);
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(400);
  });

  it.each([
    ["no PKCE", { pkce: null }, "invalid_request"],
    ["aud is not this FHIR base", { aud: "https://other.example/fhir" }, "invalid_request"],
    ["an EHR launch without the launch scope", { scope: "patient/*.read" }, "invalid_scope"],
    ["an unknown launch", { launch: "bm9wZQ" }, "invalid_request"],
    ["a launch for a patient that does not exist", { launch: encodeLaunch({ patient: "nobody" }) }, "invalid_request"],
  ] as const)("%s → redirect with error=%s and the state", async (_label, override, error) => {
    const a = await authorizeEhr({ state: "s1", ...override });
    expect(a.status).toBe(302);
    expect(a.location?.searchParams.get("error")).toBe(error);
    expect(a.location?.searchParams.get("state")).toBe("s1");
    expect(a.location?.searchParams.get("code")).toBeNull();
  });

  it("code_challenge_method=plain is refused", async () => {
    const p = pkce();
    const a = await authorizeEhr({ pkce: null, extra: { code_challenge: p.verifier, code_challenge_method: "plain" } });
    expect(a.location?.searchParams.get("error")).toBe("invalid_request");
  });
});

describe("standalone launch", () => {
  it("shows a patient picker without scripts, then gives the picked patient", async () => {
    const p = pkce();
    const scope = "launch/patient openid fhirUser patient/*.rs";
    const picker = await authorize({ ...base(), scope, pkce: p });
    expect(picker.status).toBe(200);
    expect(picker.body).not.toContain("<script");
    const href = new RegExp(`data-testid="pick-jp-gastric-l2-icd10" href="([^"]+)"`)
      .exec(picker.body)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(href).toBeDefined();
    const res = await fetch(href ?? "", { redirect: "manual" });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get("location") ?? "");
    const t = await exchange(loc.searchParams.get("code") ?? "", p.verifier);
    expect(t.status).toBe(200);
    expect(t.body.patient).toBe("jp-gastric-l2-icd10");
    expect(t.body.encounter).toBeUndefined();
  });
});

describe("scope enforcement on the protected base", () => {
  it("a read scope for another type gives 403 OperationOutcome", async () => {
    const t = await loginWith("launch patient/Patient.read");
    expect((await getJson(`${sb.fhirBase}/Patient/${PATIENT}`, bearer(t.access_token))).status).toBe(200);
    const obs = await getJson(`${sb.fhirBase}/Observation?patient=${PATIENT}`, bearer(t.access_token));
    expect(obs.status).toBe(403);
    expect((obs.body as unknown as OperationOutcome).issue[0]?.code).toBe("forbidden");
  });

  it.each([
    [
      "v2: .rs allows read and search but not create; .cu allows create",
      "launch patient/QuestionnaireResponse.rs patient/Observation.rs",
      "launch patient/QuestionnaireResponse.cu",
      { resourceType: "QuestionnaireResponse", status: "completed" },
    ],
    [
      "v1: .read allows search but no writes; .write allows create",
      "launch patient/*.read",
      "launch patient/Observation.write",
      { resourceType: "Observation", status: "final", code: { text: "x" } },
    ],
  ])("%s", async (_label, readScope, writeScope, resource) => {
    const type = resource.resourceType;
    const body = { ...resource, subject: { reference: `Patient/${PATIENT}` } };
    const reader = await loginWith(readScope);
    expect((await getJson(`${sb.fhirBase}/${type}?patient=${PATIENT}`, bearer(reader.access_token))).status).toBe(200);
    expect((await postWith(reader.access_token, type, body)).status).toBe(403);
    const writer = await loginWith(writeScope);
    expect((await postWith(writer.access_token, type, body)).status).toBe(201);
  });

  it("a transaction needs the scope of every entry", async () => {
    const t = await loginWith("launch patient/QuestionnaireResponse.write");
    const tx = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        {
          resource: { resourceType: "Observation", status: "final", code: { text: "x" } },
          request: { method: "POST", url: "Observation" },
        },
      ],
    };
    const res = await postWith(t.access_token, "", tx);
    expect(res.status).toBe(403);
  });

  it("an expired access token gives 401 invalid_token; a garbage token too", async () => {
    const t = await loginWith("launch patient/*.read");
    expect((await getJson(`${sb.fhirBase}/Patient/${PATIENT}`, bearer(t.access_token))).status).toBe(200);
    clock += 301_000;
    const expired = await getJson(`${sb.fhirBase}/Patient/${PATIENT}`, bearer(t.access_token));
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await getJson(`${sb.fhirBase}/Patient/${PATIENT}`, bearer("garbage"))).status).toBe(401);
  });

  it("the open base ignores tokens and needs none", async () => {
    expect((await getJson(`${sb.openFhirBase}/Observation?patient=${PATIENT}`)).status).toBe(200);
  });
});
