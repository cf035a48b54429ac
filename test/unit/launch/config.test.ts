import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { server } from "../../setup/msw-server";
import { DEFAULT_CONFIG, loadAppConfig, parseAppConfig, type AppConfig } from "../../../launch/config";
import { buildScopes } from "../../../launch/scopes";
import { authorizeOptions, planLaunch } from "../../../launch/launch-plan";
import shipped from "../../../public/app-config.json";

const config = (over: Partial<AppConfig> = {}): AppConfig => ({ ...DEFAULT_CONFIG, ...over });

describe("app configuration", () => {
  it("the shipped app-config.json is valid and equals the build-time defaults", () => {
    const result = parseAppConfig(shipped);
    expect(result).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it("merges the file over the defaults", () => {
    const result = parseAppConfig({ clientId: "hospital-app", fhirTimeoutMs: 5000, scopeStyle: "v2" });
    expect(result).toEqual({
      ok: true,
      config: { ...DEFAULT_CONFIG, clientId: "hospital-app", fhirTimeoutMs: 5000, scopeStyle: "v2" },
    });
  });

  it("names every problem of an invalid file, unknown keys included", () => {
    const result = parseAppConfig({ clientID: "typo", fhirTimeoutMs: 10, scopeStyle: "v3", redirectUri: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        "unknown setting: clientID",
        "fhirTimeoutMs must be at least 1000",
        'scopeStyle must be one of "v1", "v2"',
        "redirectUri must not be empty",
      ]),
    );
    expect(result.problems).toHaveLength(4);
  });

  it("refuses a file that still sets questionnaireBase, saying why: the canonical base is fixed (fail closed)", () => {
    const retired =
      "questionnaireBase is no longer a setting: the app's Questionnaires have one fixed canonical base (https://w3id.org/spine-met-qol/fhir) so that answers from every hospital can be pooled; remove the key";
    expect(parseAppConfig({ questionnaireBase: "https://spine-met-qol.example.org/fhir" })).toEqual({
      ok: false,
      problems: [retired],
    });
    // Even the fixed base itself: the key is gone, so that no installation believes it configures something.
    expect(parseAppConfig({ questionnaireBase: "https://w3id.org/spine-met-qol/fhir" })).toEqual({
      ok: false,
      problems: [retired],
    });
    expect(parseAppConfig({ questionnaireBase: "x", clientID: "typo" })).toEqual({
      ok: false,
      problems: [`${retired}; unknown setting: clientID`],
    });
  });

  it('issAllowlist: FHIR base URLs or the explicit "any"; a malformed entry is named', () => {
    expect(parseAppConfig({ issAllowlist: "any" })).toEqual({
      ok: true,
      config: { ...DEFAULT_CONFIG, issAllowlist: "any" },
    });
    expect(parseAppConfig({ issAllowlist: ["https://ehr.example.org/fhir"] }).ok).toBe(true);
    expect(parseAppConfig({ issAllowlist: "all" })).toEqual({
      ok: false,
      problems: ['issAllowlist must be a list of FHIR base URLs, or "any"'],
    });
    expect(
      parseAppConfig({ issAllowlist: ["https://ehr.example.org/R4/../x", "http://ehr.example.org/fhir"] }),
    ).toEqual({
      ok: false,
      problems: [
        "issAllowlist.0 is not a FHIR base URL (https, no credentials, query or dot segments)",
        "issAllowlist.1 is not a FHIR base URL (https, no credentials, query or dot segments)",
      ],
    });
  });

  it("evidenceMaxAgeDays: defaults 30 (performance status) and 7 (palsy); one key keeps the other's default; whole days 1–3650", () => {
    expect(DEFAULT_CONFIG.evidenceMaxAgeDays).toEqual({ performanceStatus: 30, palsy: 7 });
    expect(parseAppConfig({ evidenceMaxAgeDays: { palsy: 3 } })).toEqual({
      ok: true,
      config: { ...DEFAULT_CONFIG, evidenceMaxAgeDays: { performanceStatus: 30, palsy: 3 } },
    });
    expect(parseAppConfig({ evidenceMaxAgeDays: { performanceStatus: 0, palsy: 1.5 } })).toEqual({
      ok: false,
      problems: [
        "evidenceMaxAgeDays.performanceStatus must be at least 1",
        "evidenceMaxAgeDays.palsy must be a whole number",
      ],
    });
    expect(parseAppConfig({ evidenceMaxAgeDays: { ecog: 3 } })).toEqual({
      ok: false,
      problems: ["unknown setting: ecog"],
    });
  });

  it("refuses a file that is not an object", () => {
    expect(parseAppConfig([1, 2]).ok).toBe(false);
    expect(parseAppConfig("x").ok).toBe(false);
  });

  it("loads the file; 404 means defaults; invalid JSON and server errors are reported", async () => {
    const url = "https://app.example.org/app-config.json";
    server.use(http.get(url, () => HttpResponse.json({ clientId: "from-file" })));
    expect(await loadAppConfig(fetch, url)).toEqual({ ok: true, config: { ...DEFAULT_CONFIG, clientId: "from-file" } });
    server.use(http.get(url, () => new HttpResponse(null, { status: 404 })));
    expect(await loadAppConfig(fetch, url)).toEqual({ ok: true, config: DEFAULT_CONFIG });
    server.use(
      http.get(url, () => new HttpResponse("{ clientId: 1", { headers: { "content-type": "application/json" } })),
    );
    expect(await loadAppConfig(fetch, url)).toEqual({ ok: false, problems: ["app-config.json is not valid JSON"] });
    server.use(http.get(url, () => new HttpResponse(null, { status: 500 })));
    expect(await loadAppConfig(fetch, url)).toEqual({
      ok: false,
      problems: ["app-config.json could not be loaded (HTTP 500)"],
    });
  });
});

describe("scopes", () => {
  it("SMART v1 default: an EHR launch asks for 'launch', not 'launch/patient' (the EHR's context names the patient)", () => {
    expect(buildScopes(config(), "ehr")).toBe(
      "openid fhirUser launch patient/Patient.read patient/Condition.read patient/Observation.read patient/Procedure.read patient/QuestionnaireResponse.read patient/QuestionnaireResponse.write online_access",
    );
  });
  it("SMART v2: .rs for reads, .c for the QuestionnaireResponse creates (the app never updates)", () => {
    expect(buildScopes(config({ scopeStyle: "v2" }), "ehr")).toBe(
      "openid fhirUser launch patient/Patient.rs patient/Condition.rs patient/Observation.rs patient/Procedure.rs patient/QuestionnaireResponse.rs patient/QuestionnaireResponse.c online_access",
    );
    expect(buildScopes(config({ scopeStyle: "v2" }), "standalone")).toBe(
      "openid fhirUser launch/patient patient/Patient.rs patient/Condition.rs patient/Observation.rs patient/Procedure.rs patient/QuestionnaireResponse.rs patient/QuestionnaireResponse.c online_access",
    );
  });
  it("standalone launch drops 'launch' and keeps launch/patient", () => {
    const scopes = buildScopes(config(), "standalone").split(" ");
    expect(scopes).not.toContain("launch");
    expect(scopes).toContain("launch/patient");
  });
  it("Questionnaire access is opt-in; the refresh scope can be changed or dropped", () => {
    expect(buildScopes(config({ questionnaireAccess: "read", refreshScope: "none" }), "ehr")).toMatch(
      / user\/Questionnaire\.read$/,
    );
    expect(
      buildScopes(
        config({ questionnaireAccess: "read-write", scopeStyle: "v2", refreshScope: "online_access" }),
        "ehr",
      ),
    ).toMatch(/ user\/Questionnaire\.rs user\/Questionnaire\.c online_access$/);
  });
  it("verbatim scopes from the configuration", () => {
    expect(buildScopes(config({ scopes: "launch patient/*.read  openid" }), "standalone")).toBe(
      "patient/*.read openid",
    );
  });
});

describe("planLaunch", () => {
  const at = (query: string): string => `https://app.example.org/launch.html?${query}`;
  /** A hospital's configuration: its FHIR base listed, open-server launches on loopback for its developers. */
  const hospital = (over: Partial<AppConfig> = {}): AppConfig =>
    config({
      issAllowlist: ["https://ehr.example.org/fhir", "http://localhost:8080/fhir"],
      openServerLaunch: "loopback",
      ...over,
    });
  it("EHR launch, standalone launch and open-server debug launch", () => {
    expect(planLaunch(at("iss=https%3A%2F%2Fehr.example.org%2Ffhir&launch=abc"), hospital())).toEqual({
      ok: true,
      plan: { kind: "ehr", iss: "https://ehr.example.org/fhir", launch: "abc" },
    });
    expect(planLaunch(at("iss=https://ehr.example.org/fhir"), hospital())).toEqual({
      ok: true,
      plan: { kind: "standalone", iss: "https://ehr.example.org/fhir" },
    });
    expect(planLaunch(at("fhirServiceUrl=http://localhost:8080/fhir&patientId=p1"), hospital())).toEqual({
      ok: true,
      plan: { kind: "open-server", fhirServiceUrl: "http://localhost:8080/fhir", patientId: "p1" },
    });
  });
  it("fails closed: the defaults (and the shipped app-config.json) refuse every server and say what to set", () => {
    expect(DEFAULT_CONFIG.issAllowlist).toEqual([]);
    expect(DEFAULT_CONFIG.openServerLaunch).toBe("off");
    expect(planLaunch(at("iss=https://evil.example/fhir&launch=x"), config())).toEqual({
      ok: false,
      problem: { code: "no-allowlist", url: "https://evil.example/fhir" },
    });
    expect(planLaunch(at("fhirServiceUrl=http://localhost:8080/fhir&patientId=p1"), config())).toMatchObject({
      ok: false,
      problem: { code: "no-allowlist" },
    });
    // Allowing any server is a choice written down, not an omission.
    expect(planLaunch(at("iss=https://any.example/fhir&launch=x"), config({ issAllowlist: "any" })).ok).toBe(true);
    expect(planLaunch(at("iss=http://any.example/fhir&launch=x"), config({ issAllowlist: "any" }))).toMatchObject({
      ok: false,
      problem: { code: "insecure-server-url" },
    });
  });
  it("compares parsed URLs: dot segments (raw or encoded), encoded slashes, credentials, queries and other origins are refused", () => {
    const list = config({ issAllowlist: ["https://ehr.example.org/R4/tenant-a"] });
    const refused = [
      ["https://ehr.example.org/R4/tenant-a/../../other-tenant/fhir", "invalid-server-url"],
      ["https://ehr.example.org/R4/tenant-a/%2e%2e/%2E%2E/other-tenant", "invalid-server-url"],
      ["https://ehr.example.org/R4/tenant-a/.%2e/x", "invalid-server-url"],
      ["https://ehr.example.org/R4/tenant-a/./x", "invalid-server-url"],
      ["https://ehr.example.org/R4/tenant-a%2f..%2fother", "invalid-server-url"],
      ["https://ehr.example.org/R4/tenant-a\\..\\other", "invalid-server-url"],
      ["https://user:pw@ehr.example.org/R4/tenant-a", "invalid-server-url"],
      ["https://ehr.example.org@evil.example/R4/tenant-a", "invalid-server-url"],
      ["https://ehr.example.org/R4/tenant-a?x=1", "invalid-server-url"],
      ["https://ehr.example.org:8443/R4/tenant-a", "server-not-allowed"],
      ["https://ehr.example.org.evil.example/R4/tenant-a", "server-not-allowed"],
      ["https://ehr.example.org/R4/tenant-ab", "server-not-allowed"],
      ["https://ehr.example.org/r4/tenant-a", "server-not-allowed"],
    ] as const;
    for (const [iss, code] of refused) {
      expect(planLaunch(at(`iss=${encodeURIComponent(iss)}&launch=x`), list), iss).toMatchObject({
        ok: false,
        problem: { code },
      });
    }
    for (const iss of [
      "https://ehr.example.org/R4/tenant-a",
      "https://ehr.example.org/R4/tenant-a/",
      "https://EHR.example.org/R4/tenant-a/fhir",
      "https://ehr.example.org:443/R4/tenant-a",
    ]) {
      expect(planLaunch(at(`iss=${encodeURIComponent(iss)}&launch=x`), list).ok, iss).toBe(true);
    }
  });
  it("refuses clientId and patientId in the address of an iss launch, and clientId in any launch (fhirclient would read them)", () => {
    expect(planLaunch(at("iss=https://ehr.example.org/fhir&patientId=p1"), hospital())).toEqual({
      ok: false,
      problem: { code: "forbidden-parameter", name: "patientId" },
    });
    expect(planLaunch(at("iss=https://ehr.example.org/fhir&launch=x&clientId=other-app"), hospital())).toEqual({
      ok: false,
      problem: { code: "forbidden-parameter", name: "clientId" },
    });
    expect(planLaunch(at("fhirServiceUrl=http://localhost:8080/fhir&patientId=p1&clientId=x"), hospital())).toEqual({
      ok: false,
      problem: { code: "forbidden-parameter", name: "clientId" },
    });
  });
  it("refuses what should not launch", () => {
    expect(planLaunch(at(""), config())).toEqual({ ok: false, problem: { code: "missing-iss" } });
    expect(planLaunch(at("iss=ftp://x"), config())).toMatchObject({
      ok: false,
      problem: { code: "invalid-server-url" },
    });
    expect(planLaunch(at("iss=http://ehr.example.org/fhir"), config())).toMatchObject({
      ok: false,
      problem: { code: "insecure-server-url" },
    });
    expect(
      planLaunch(at("iss=https://evil.example.net/fhir"), config({ issAllowlist: ["https://ehr.example.org/fhir"] })),
    ).toMatchObject({
      ok: false,
      problem: { code: "server-not-allowed" },
    });
    expect(
      planLaunch(
        at("iss=https://ehr.example.org/fhir-evil"),
        config({ issAllowlist: ["https://ehr.example.org/fhir/"] }),
      ),
    ).toMatchObject({
      ok: false,
      problem: { code: "server-not-allowed" },
    });
    expect(
      planLaunch(at("iss=https://ehr.example.org/fhir/R4"), config({ issAllowlist: ["https://ehr.example.org/fhir"] }))
        .ok,
    ).toBe(true);
    const open = config({ issAllowlist: ["https://open.example.net/fhir", "http://localhost:8080/fhir"] });
    expect(
      planLaunch(at("fhirServiceUrl=https://open.example.net/fhir&patientId=p1"), {
        ...open,
        openServerLaunch: "loopback",
      }),
    ).toMatchObject({
      ok: false,
      problem: { code: "open-server-disabled" },
    });
    expect(
      planLaunch(at("fhirServiceUrl=https://open.example.net/fhir&patientId=p1"), { ...open, openServerLaunch: "any" })
        .ok,
    ).toBe(true);
    expect(planLaunch(at("fhirServiceUrl=http://localhost:8080/fhir&patientId=p1"), open)).toMatchObject({
      ok: false,
      problem: { code: "open-server-disabled" },
    });
    expect(planLaunch(at("fhirServiceUrl=http://localhost:8080/fhir"), hospital())).toEqual({
      ok: false,
      problem: { code: "missing-patient" },
    });
  });
  it("authorize options: PKCE mode, redirect, complete in this window; no scope for the open server", () => {
    const ehr = authorizeOptions(
      { kind: "ehr", iss: "https://ehr.example.org/fhir", launch: "abc" },
      config({ pkceMode: "required" }),
    );
    expect(ehr).toMatchObject({
      iss: "https://ehr.example.org/fhir",
      launch: "abc",
      clientId: "spine-met-qol",
      redirectUri: "./index.html",
      pkceMode: "required",
      completeInTarget: true,
      // The launch page looks at where fhirclient would go before it goes.
      noRedirect: true,
    });
    const open = authorizeOptions(
      { kind: "open-server", fhirServiceUrl: "http://localhost/fhir", patientId: "p1" },
      config(),
    );
    expect(open).toMatchObject({ fhirServiceUrl: "http://localhost/fhir", patientId: "p1", scope: "" });
    expect(open).not.toHaveProperty("iss");
  });
});
