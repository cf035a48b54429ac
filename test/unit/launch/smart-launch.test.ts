// @vitest-environment jsdom
/**
 * The SMART launch end to end against msw: launch.html → discovery → authorize redirect (PKCE S256)
 * → callback → token exchange with the code verifier → reads. fhirclient's real browser adapter runs,
 * with only its redirect captured (jsdom cannot navigate).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { createHash } from "node:crypto";
import BrowserAdapter from "fhirclient/lib/adapters/BrowserAdapter";
import type { fhirclient } from "fhirclient/lib/types";
import { server } from "../../setup/msw-server";
import { DEFAULT_CONFIG, type AppConfig } from "../../../launch/config";
import { runLaunchPage, startLaunch } from "../../../launch/start";
import { forgetLaunchState, SMART_KEY } from "../../../src/fhir/launch-state";
import { readySession, SessionError } from "../../../src/fhir/redirect";
import { launchContext } from "../../../src/fhir/context";
import { loadPatientRecord } from "../../../src/fhir/record";
import { fhirRequest } from "../../../src/fhir/request";

const ISS = "https://ehr.example.org/fhir";
const AUTHORIZE = "https://auth.example.org/authorize";
const TOKEN = "https://auth.example.org/token";
const APP = "http://localhost:3000";

/** fhirclient's browser adapter, with the page navigation recorded instead of performed. */
class CapturingAdapter extends BrowserAdapter {
  redirectedTo: string | null = null;
  override redirect(to: string): void {
    this.redirectedTo = to;
  }
}

function goTo(path: string): void {
  window.history.replaceState(null, "", path);
}

function smartConfiguration(methods: string[] = ["S256"]): object {
  return {
    authorization_endpoint: AUTHORIZE,
    token_endpoint: TOKEN,
    code_challenge_methods_supported: methods,
    capabilities: ["launch-ehr", "launch-standalone", "client-public", "context-ehr-patient", "permission-v1"],
  };
}

/** An EHR launch from ISS (its server announcing S256) up to the authorize redirect: the state that redirect carries. */
async function launchedState(): Promise<string> {
  server.use(http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.json(smartConfiguration())));
  goTo(`/launch.html?iss=${encodeURIComponent(ISS)}&launch=L`);
  const { adapter } = await launchWith();
  return new URL(adapter.redirectedTo!).searchParams.get("state")!;
}

/** The launch page run on this window's URL with `config`, its navigation captured: the adapter and the outcome. */
async function launchPageWith(languages: string[], config: AppConfig = HOSPITAL) {
  const adapter = new CapturingAdapter();
  const outcome = await runLaunchPage({
    document,
    href: window.location.href,
    languages,
    loadConfig: () => Promise.resolve({ ok: true, config }),
    ...launchDeps(adapter),
  });
  return { adapter, outcome };
}

/** A hospital's configuration: its FHIR server listed, open-server launches on loopback for its developers. */
const HOSPITAL: AppConfig = {
  ...DEFAULT_CONFIG,
  issAllowlist: [ISS, "http://localhost:8080/fhir"],
  openServerLaunch: "loopback",
};

/** The launch page's dependencies around fhirclient's real authorize, with the navigation recorded. */
function launchDeps(adapter: CapturingAdapter) {
  return {
    authorize: (options: fhirclient.AuthorizeParams) => adapter.getSmartApi().authorize(options),
    navigate: (url: string) => adapter.redirect(url),
    forgetLaunchState: () => forgetLaunchState(sessionStorage),
  };
}

async function launchWith(
  config: Partial<AppConfig> = {},
): Promise<{ adapter: CapturingAdapter; outcome: Awaited<ReturnType<typeof startLaunch>> }> {
  const adapter = new CapturingAdapter();
  const outcome = await startLaunch({
    href: window.location.href,
    loadConfig: () => Promise.resolve({ ok: true, config: { ...HOSPITAL, ...config } }),
    ...launchDeps(adapter),
  });
  return { adapter, outcome };
}

function readyApi(): {
  ready: () => Promise<import("fhirclient/lib/Client").default>;
  settings: Record<string, unknown>;
} {
  const api = new CapturingAdapter().getSmartApi();
  return { ready: () => api.ready(), settings: api.options };
}

const base64url = (buf: Buffer): string =>
  buf.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => goTo("/"));

describe("EHR launch", () => {
  it("discovers the endpoints, redirects with PKCE S256, exchanges the code with the verifier, then reads", async () => {
    let discovery = 0;
    server.use(
      http.get(`${ISS}/.well-known/smart-configuration`, () => {
        discovery += 1;
        return HttpResponse.json(smartConfiguration());
      }),
    );
    goTo(`/launch.html?iss=${encodeURIComponent(ISS)}&launch=launch-123`);
    const { adapter, outcome } = await launchWith();
    expect(outcome).toMatchObject({ ok: true, plan: { kind: "ehr" } });
    expect(discovery).toBe(1);

    // The authorize redirect.
    const authorize = new URL(adapter.redirectedTo!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(AUTHORIZE);
    const q = authorize.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe("spine-met-qol");
    expect(q.get("redirect_uri")).toBe(`${APP}/index.html`);
    expect(q.get("scope")).toBe(
      "openid fhirUser launch patient/Patient.read patient/Condition.read patient/Observation.read patient/Procedure.read patient/QuestionnaireResponse.read patient/QuestionnaireResponse.write online_access",
    );
    expect(q.get("aud")).toBe(ISS);
    expect(q.get("launch")).toBe("launch-123");
    expect(q.get("code_challenge_method")).toBe("S256");
    const challenge = q.get("code_challenge")!;
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = q.get("state")!;
    expect(state.length).toBeGreaterThanOrEqual(16);

    // The authorization server sends the browser back with a code.
    const tokenRequests: URLSearchParams[] = [];
    server.use(
      http.post(TOKEN, async ({ request }) => {
        const body = new URLSearchParams(await request.text());
        tokenRequests.push(body);
        const verifier = body.get("code_verifier") ?? "";
        if (
          base64url(createHash("sha256").update(verifier).digest()) !== challenge ||
          body.get("code") !== "auth-code-1"
        ) {
          return HttpResponse.json({ error: "invalid_grant" }, { status: 400 });
        }
        return HttpResponse.json({
          access_token: "secret-access-token",
          token_type: "Bearer",
          expires_in: 3600,
          scope: q.get("scope"),
          patient: "p1",
          encounter: "e1",
          need_patient_banner: true,
        });
      }),
    );
    goTo(`/index.html?code=auth-code-1&state=${encodeURIComponent(state)}`);
    const client = await readySession(readyApi(), window.location.href);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]!.get("grant_type")).toBe("authorization_code");
    expect(tokenRequests[0]!.get("redirect_uri")).toBe(`${APP}/index.html`);
    expect(tokenRequests[0]!.get("client_id")).toBe("spine-met-qol");

    // No code, state or token in the address bar; nothing in localStorage; the state only in sessionStorage.
    expect(window.location.href).toBe(`${APP}/index.html`);
    expect(localStorage.length).toBe(0);
    expect(JSON.stringify({ ...sessionStorage })).toContain("secret-access-token");

    expect(launchContext(client)).toMatchObject({
      patientId: "p1",
      encounterId: "e1",
      canWrite: true,
      openServer: false,
    });

    // The reads carry the token.
    const auth: (string | null)[] = [];
    server.use(
      http.get(`${ISS}/Patient/p1`, ({ request }) => {
        auth.push(request.headers.get("authorization"));
        return HttpResponse.json({ resourceType: "Patient", id: "p1" });
      }),
      http.get(`${ISS}/:type`, ({ request }) => {
        auth.push(request.headers.get("authorization"));
        return HttpResponse.json({ resourceType: "Bundle", type: "searchset", entry: [] });
      }),
    );
    const record = await loadPatientRecord(client, { observationCodes: ["http://loinc.org|89243-0"] });
    expect(record).toMatchObject({ patient: { id: "p1" }, resources: [], partial: false });
    expect(auth).toEqual(Array(5).fill("Bearer secret-access-token")); // Patient, Condition, Observation, Procedure, QuestionnaireResponse
  });

  it("a page reload after the launch keeps the session without a second token exchange", async () => {
    const state = await launchedState();
    let exchanges = 0;
    server.use(
      http.post(TOKEN, () => {
        exchanges += 1;
        return HttpResponse.json({ access_token: "t", token_type: "Bearer", expires_in: 3600, patient: "p1" });
      }),
    );
    goTo(`/index.html?code=c&state=${state}`);
    await readySession(readyApi(), window.location.href);
    const again = await readySession(readyApi(), window.location.href);
    expect(exchanges).toBe(1);
    expect(again.patient.id).toBe("p1");
  });

  it("an access token revoked mid-session is refreshed once with the refresh token (public client: client_id sent)", async () => {
    const state = await launchedState();
    const grants: URLSearchParams[] = [];
    server.use(
      http.post(TOKEN, async ({ request }) => {
        const body = new URLSearchParams(await request.text());
        grants.push(body);
        const n = grants.length;
        return HttpResponse.json({
          access_token: `t${n}`,
          refresh_token: `r${n}`,
          token_type: "Bearer",
          expires_in: 3600,
          scope: "launch/patient patient/*.read online_access",
          patient: "p1",
        });
      }),
      http.get(`${ISS}/Patient/p1`, ({ request }) =>
        request.headers.get("authorization") === "Bearer t2"
          ? HttpResponse.json({ resourceType: "Patient", id: "p1" })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    goTo(`/index.html?code=c&state=${state}`);
    const client = await readySession(readyApi(), window.location.href);
    const res = await fhirRequest(client, { url: "Patient/p1" });
    expect(res.body).toEqual({ resourceType: "Patient", id: "p1" });
    expect(grants.map((g) => g.get("grant_type"))).toEqual(["authorization_code", "refresh_token"]);
    expect(grants[1]!.get("refresh_token")).toBe("r1");
    expect(grants[1]!.get("client_id")).toBe("spine-met-qol");
    expect(localStorage.length).toBe(0);
  });

  it("no PKCE when the server does not announce S256 (ifSupported); refused when PKCE is required", async () => {
    server.use(http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.json(smartConfiguration([]))));
    goTo(`/launch.html?iss=${encodeURIComponent(ISS)}&launch=L`);
    const { adapter } = await launchWith();
    expect(new URL(adapter.redirectedTo!).searchParams.has("code_challenge")).toBe(false);

    const required = await launchWith({ pkceMode: "required" });
    expect(required.outcome).toEqual({ ok: false, problem: { code: "pkce-unsupported", server: "ehr.example.org" } });
    expect(required.adapter.redirectedTo).toBeNull();
  });
});

describe("standalone launch", () => {
  it("asks the server's patient picker: no launch parameter, no 'launch' scope", async () => {
    server.use(http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.json(smartConfiguration())));
    goTo(`/launch.html?iss=${encodeURIComponent(ISS)}`);
    const { adapter, outcome } = await launchWith();
    expect(outcome).toMatchObject({ ok: true, plan: { kind: "standalone" } });
    const q = new URL(adapter.redirectedTo!).searchParams;
    expect(q.has("launch")).toBe(false);
    const scopes = q.get("scope")!.split(" ");
    expect(scopes).not.toContain("launch");
    expect(scopes).toContain("launch/patient");
    expect(q.get("code_challenge_method")).toBe("S256");
  });
});

describe("open-server debug launch", () => {
  it("goes straight to the app with the patient, without authorization, and reads without a token", async () => {
    const open = "http://localhost:8080/fhir";
    goTo(`/launch.html?fhirServiceUrl=${encodeURIComponent(open)}&patientId=p7`);
    const { adapter, outcome } = await launchWith();
    expect(outcome).toMatchObject({ ok: true, plan: { kind: "open-server", patientId: "p7" } });
    const redirect = new URL(adapter.redirectedTo!);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(`${APP}/index.html`);

    goTo(`${redirect.pathname}${redirect.search}`);
    const client = await readySession(readyApi(), window.location.href);
    expect(window.location.search).toBe("");
    const ctx = launchContext(client);
    expect(ctx).toMatchObject({ patientId: "p7", openServer: true, serverUrl: open });

    let authorization: string | null = "unset";
    server.use(
      http.get(`${open}/Patient/p7`, ({ request }) => {
        authorization = request.headers.get("authorization");
        return HttpResponse.json({ resourceType: "Patient", id: "p7" });
      }),
      http.get(`${open}/:type`, () => HttpResponse.json({ resourceType: "Bundle", type: "searchset" })),
    );
    const record = await loadPatientRecord(client, { observationCodes: ["http://loinc.org|89243-0"] });
    expect(record.patient.id).toBe("p7");
    expect(authorization).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});

describe("launch errors on the page", () => {
  function page(query: string): void {
    document.body.innerHTML = '<main id="launch-status" role="status">Connecting…</main>';
    goTo(`/launch.html${query}`);
  }

  it("missing iss: a clear message, as text", async () => {
    page("");
    const { adapter, outcome } = await launchPageWith(["en-GB"]);
    expect(outcome.ok).toBe(false);
    const status = document.getElementById("launch-status")!;
    expect(status.getAttribute("role")).toBe("alert");
    expect(status.textContent).toContain("no FHIR server (iss)");
    expect(status.textContent).toContain("open the app again from the patient's chart");
    expect(adapter.redirectedTo).toBeNull();
  });

  it("a bad configuration lists its problems", async () => {
    page(`?iss=${encodeURIComponent(ISS)}&launch=L`);
    await runLaunchPage({
      document,
      href: window.location.href,
      languages: ["en"],
      loadConfig: () => Promise.resolve({ ok: false, problems: ["unknown setting: clientID"] }),
      authorize: () => Promise.reject(new Error("must not be called")),
      navigate: () => undefined,
      forgetLaunchState: () => undefined,
    });
    expect(document.getElementById("launch-status")!.textContent).toContain("app-config.json");
    expect(document.getElementById("launch-status")!.textContent).toContain("unknown setting: clientID");
  });

  it("an unreachable authorization server is reported with its host; in Japanese for a Japanese browser", async () => {
    server.use(
      http.get(`${ISS}/.well-known/smart-configuration`, () => new HttpResponse(null, { status: 500 })),
      http.get(`${ISS}/metadata`, () => HttpResponse.error()),
    );
    page(`?iss=${encodeURIComponent(ISS)}&launch=L`);
    const { outcome } = await launchPageWith(["ja-JP", "en"]);
    expect(outcome).toMatchObject({ ok: false, problem: { code: "authorize-failed", server: "ehr.example.org" } });
    const text = document.getElementById("launch-status")!.textContent;
    expect(text).toContain("ehr.example.org の認可サーバーに接続できない");
    expect(document.documentElement.lang).toBe("ja");
  });

  it("renders hostile launch parameters as text, never as HTML", async () => {
    page(`?iss=${encodeURIComponent('http://x.example/<img src=x onerror="alert(1)">')}`);
    await runLaunchPage({
      document,
      href: window.location.href,
      languages: ["en"],
      loadConfig: () => Promise.resolve({ ok: true, config: HOSPITAL }),
      authorize: () => Promise.reject(new Error("must not be called")),
      navigate: () => undefined,
      forgetLaunchState: () => undefined,
    });
    const status = document.getElementById("launch-status")!;
    expect(status.querySelector("img")).toBeNull();
    expect(status.textContent).toContain("<img");
  });
});

describe("redirect page without a launch", () => {
  it("opening the app directly is 'no-launch'", async () => {
    goTo("/index.html");
    await expect(readySession(readyApi(), window.location.href)).rejects.toMatchObject({
      fault: { kind: "no-launch" },
    });
  });

  it.each([
    [
      "an authorization server refusal is 'authorization-denied' with its error code",
      "/index.html?error=access_denied&error_description=User%20said%20no&state=s",
      { kind: "authorization-denied", error: "access_denied", description: "User said no" },
    ],
    [
      "an authorization error carries its code and description, cut to printable text",
      `/index.html?error=invalid_scope%3Cb%3E&error_description=${encodeURIComponent("Scope 'patient/Observation.rs' not granted\u0007\n to this client")}&state=s`,
      {
        kind: "authorization-denied",
        error: "invalid_scopeb",
        description: "Scope 'patient/Observation.rs' not granted to this client",
      },
    ],
  ])("%s", async (_title, page, fault) => {
    goTo(page);
    const error = await readySession(readyApi(), window.location.href).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).fault).toEqual(fault);
  });

  it("a refused code exchange is 'token-exchange-failed' with the token endpoint's error; the launch leaves nothing behind", async () => {
    const state = await launchedState();
    server.use(
      http.post(TOKEN, () =>
        HttpResponse.json(
          { error: "invalid_grant", error_description: "The code has expired\u0007 or\n was used" },
          { status: 400 },
        ),
      ),
    );
    goTo(`/index.html?code=expired&state=${state}`);
    const error = await readySession(readyApi(), window.location.href).catch((e: unknown) => e);
    expect((error as SessionError).fault).toEqual({
      kind: "token-exchange-failed",
      error: "invalid_grant",
      description: "The code has expired or was used",
    });
    expect(window.location.search).toBe("");
    expect(sessionStorage.getItem(SMART_KEY)).toBeNull();
    expect(sessionStorage.getItem(state)).toBeNull();
    expect(JSON.stringify({ ...sessionStorage })).not.toContain("codeVerifier");
  });

  it.each([
    [
      "a server error page (text/html)",
      () => new HttpResponse("<h1>Oops</h1>", { status: 500, headers: { "Content-Type": "text/html" } }),
    ],
    ["a JSON body without an OAuth error", () => HttpResponse.json({ message: "no" }, { status: 401 })],
    ["no answer at all", () => HttpResponse.error()],
  ])("a code exchange that fails with %s: no server answer to show", async (_what, answer) => {
    const state = await launchedState();
    server.use(http.post(TOKEN, answer));
    goTo(`/index.html?code=c&state=${state}`);
    const error = await readySession(readyApi(), window.location.href).catch((e: unknown) => e);
    expect((error as SessionError).fault).toEqual({ kind: "token-exchange-failed", error: null, description: null });
    expect(sessionStorage.getItem(SMART_KEY)).toBeNull();
  });

  it("an authorization refusal ends the launch: no error or state in the address bar, no launch state (PKCE verifier) kept", async () => {
    const state = await launchedState();
    expect(JSON.stringify({ ...sessionStorage })).toContain("codeVerifier");
    goTo(`/index.html?error=access_denied&error_description=User%20said%20no&state=${state}`);
    await expect(readySession(readyApi(), window.location.href)).rejects.toMatchObject({
      fault: { kind: "authorization-denied", error: "access_denied" },
    });
    expect(window.location.href).toBe(`${APP}/index.html`);
    expect(sessionStorage.getItem(SMART_KEY)).toBeNull();
    expect(sessionStorage.getItem(state)).toBeNull();
    expect(JSON.stringify({ ...sessionStorage })).not.toContain("codeVerifier");
  });
});

describe("an iss without SMART authorization (issue: openServerLaunch bypassed through iss)", () => {
  const OPEN_ISS = "https://open.example.org/fhir";
  const LOOPBACK_ISS = "http://localhost:8080/fhir";
  function noDiscovery(base: string): void {
    server.use(
      http.get(`${base}/.well-known/smart-configuration`, () => new HttpResponse(null, { status: 404 })),
      http.get(`${base}/metadata`, () =>
        HttpResponse.json({
          resourceType: "CapabilityStatement",
          status: "active",
          kind: "instance",
          fhirVersion: "4.0.1",
        }),
      ),
    );
  }

  it("is refused under openServerLaunch 'off': no navigation, no launch state left in sessionStorage", async () => {
    noDiscovery(OPEN_ISS);
    goTo(`/launch.html?iss=${encodeURIComponent(OPEN_ISS)}&launch=L`);
    const { adapter, outcome } = await launchWith({ issAllowlist: [OPEN_ISS], openServerLaunch: "off" });
    expect(outcome).toEqual({ ok: false, problem: { code: "open-server-disabled", url: OPEN_ISS } });
    expect(adapter.redirectedTo).toBeNull();
    expect(sessionStorage.getItem(SMART_KEY)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it("is refused even where open servers are allowed: a patient comes from an explicit fhirServiceUrl launch only", async () => {
    noDiscovery(LOOPBACK_ISS);
    goTo(`/launch.html?iss=${encodeURIComponent(LOOPBACK_ISS)}`);
    const { adapter, outcome } = await launchWith({ openServerLaunch: "loopback" });
    expect(outcome).toEqual({ ok: false, problem: { code: "no-authorization", url: LOOPBACK_ISS } });
    expect(adapter.redirectedTo).toBeNull();
  });

  it("patientId in the address of an iss launch is refused before any request", async () => {
    let requests = 0;
    server.use(
      http.get(`${OPEN_ISS}/*`, () => {
        requests += 1;
        return new HttpResponse(null, { status: 404 });
      }),
    );
    goTo(`/launch.html?iss=${encodeURIComponent(OPEN_ISS)}&patientId=forged`);
    const { adapter, outcome } = await launchWith({ issAllowlist: [OPEN_ISS], openServerLaunch: "any" });
    expect(outcome).toEqual({ ok: false, problem: { code: "forbidden-parameter", name: "patientId" } });
    expect(requests).toBe(0);
    expect(adapter.redirectedTo).toBeNull();
  });

  it("an authorization endpoint on plain http (not loopback) is refused", async () => {
    server.use(
      http.get(`${ISS}/.well-known/smart-configuration`, () =>
        HttpResponse.json({ ...smartConfiguration(), authorization_endpoint: "http://auth.example.org/authorize" }),
      ),
    );
    goTo(`/launch.html?iss=${encodeURIComponent(ISS)}&launch=L`);
    const { adapter, outcome } = await launchWith();
    expect(outcome).toMatchObject({ ok: false, problem: { code: "authorize-failed", server: "ehr.example.org" } });
    expect(adapter.redirectedTo).toBeNull();
  });

  it("the unconfigured (shipped) settings refuse an attacker's iss before discovery, telling the installer what to set", async () => {
    let discovery = 0;
    server.use(
      http.get("https://evil.example/fhir/.well-known/smart-configuration", () => {
        discovery += 1;
        return HttpResponse.json({
          authorization_endpoint: "https://evil.example/authorize",
          token_endpoint: "https://evil.example/token",
        });
      }),
    );
    document.body.innerHTML = '<main id="launch-status" role="status">Connecting…</main>';
    goTo(`/launch.html?iss=${encodeURIComponent("https://evil.example/fhir")}&launch=x`);
    const { adapter, outcome } = await launchPageWith(["en"], DEFAULT_CONFIG);
    expect(outcome).toEqual({ ok: false, problem: { code: "no-allowlist", url: "https://evil.example/fhir" } });
    expect(discovery).toBe(0);
    expect(adapter.redirectedTo).toBeNull();
    const text = document.getElementById("launch-status")!.textContent;
    expect(text).toContain(
      "has no FHIR server configured, so it refuses every launch (it was asked to connect to https://evil.example/fhir)",
    );
    expect(text).toContain(
      'list the EHR\'s FHIR base URL in "issAllowlist" in app-config.json (docs/INTEGRATION.md, section 2)',
    );
  });
});

describe("the redirect page refuses what it did not ask for", () => {
  it("a code without state starts no token exchange, even with a launch pending in this tab", async () => {
    await launchedState(); // the pending launch; the planted code below comes without its state
    let exchanges = 0;
    server.use(
      http.post(TOKEN, () => {
        exchanges += 1;
        return HttpResponse.json({
          access_token: "attacker-token",
          token_type: "Bearer",
          expires_in: 3600,
          patient: "victim",
        });
      }),
    );
    goTo("/index.html?code=planted-code");
    await expect(readySession(readyApi(), window.location.href)).rejects.toMatchObject({
      fault: { kind: "state-missing" },
    });
    expect(exchanges).toBe(0);
    // The planted code leaves the address bar; the pending launch, which this tab has left, is forgotten.
    expect(window.location.search).toBe("");
    expect(sessionStorage.getItem(SMART_KEY)).toBeNull();
  });

  it("after the code exchange the PKCE verifier and challenge are gone from sessionStorage; the token stays where fhirclient keeps it", async () => {
    const state = await launchedState();
    expect(JSON.stringify({ ...sessionStorage })).toContain("codeVerifier");
    server.use(
      http.post(TOKEN, () =>
        HttpResponse.json({ access_token: "t1", token_type: "Bearer", expires_in: 3600, patient: "p1" }),
      ),
    );
    goTo(`/index.html?code=c&state=${state}`);
    const client = await readySession(readyApi(), window.location.href);
    const stored = JSON.parse(sessionStorage.getItem(state)!) as Record<string, unknown>;
    expect(stored).not.toHaveProperty("codeVerifier");
    expect(stored).not.toHaveProperty("codeChallenge");
    expect(stored).toMatchObject({ tokenResponse: { access_token: "t1" } });
    expect(JSON.stringify({ ...sessionStorage })).not.toContain("codeVerifier");
    expect(client.state).not.toHaveProperty("codeVerifier");
    // A reload of the page still finds the session.
    const again = await readySession(readyApi(), window.location.href);
    expect(again.patient.id).toBe("p1");
  });
});
