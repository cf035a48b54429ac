/** The service's configuration: zod-validated, fails closed, refuses to start on a bad file with clear messages. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CdsConfigError, loadCdsConfig, parseCdsConfig } from "../../../src/cds/config";

const APP = "https://app.example.org/launch.html";

function problems(input: unknown): string[] {
  try {
    parseCdsConfig(input);
  } catch (e) {
    if (e instanceof CdsConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("CDS configuration", () => {
  it("defaults fail closed: no trusted client, no CORS origin, no FHIR server, tokens required", () => {
    const c = parseCdsConfig({ appLaunchUrl: APP });
    expect(c.trustedClients).toEqual([]);
    expect(c.allowedOrigins).toEqual([]);
    expect(c.fhirServerAllowlist).toEqual([]);
    expect(c.allowUnauthenticated).toBe(false);
    expect(c.locale).toBe("en");
    expect(c.serviceId).toBe("spine-met-qol");
    expect(c.host).toBe("127.0.0.1");
    expect(c.port).toBe(8090);
  });

  it.each([
    [{}, "appLaunchUrl"],
    [{ appLaunchUrl: "http://app.example.org/launch.html" }, "appLaunchUrl"],
    [{ appLaunchUrl: APP, locale: "fr" }, "locale"],
    [{ appLaunchUrl: APP, allowedOrigins: ["*"] }, "allowedOrigins.0"],
    [{ appLaunchUrl: APP, allowedOrigins: ["https://ehr.example.org/"] }, "allowedOrigins.0"],
    [{ appLaunchUrl: APP, fhirServerAllowlist: ["https://fhir.example.org/R4/../x"] }, "fhirServerAllowlist.0"],
    [{ appLaunchUrl: APP, trustedClients: [{ iss: "https://ehr.example.org" }] }, "trustedClients.0"],
    [
      {
        appLaunchUrl: APP,
        trustedClients: [{ iss: "x", jwksUrl: "https://ehr.example.org/jwks", algorithms: ["HS256"] }],
      },
      "trustedClients.0.algorithms.0",
    ],
    [
      {
        appLaunchUrl: APP,
        trustedClients: [{ iss: "x", jwksUrl: "https://ehr.example.org/jwks", algorithms: ["none"] }],
      },
      "trustedClients.0.algorithms.0",
    ],
    [
      { appLaunchUrl: APP, trustedClients: [{ iss: "x", jwks: { keys: [{ kty: "EC", d: "secret" }] } }] },
      "trustedClients.0.jwks",
    ],
    [{ appLaunchUrl: APP, allowUnauthenticatd: true }, "(file)"],
    [{ appLaunchUrl: APP, serviceId: "a/b" }, "serviceId"],
  ])("refuses %j, naming %s", (input, path) => {
    const p = problems(input);
    expect(p.length).toBeGreaterThan(0);
    expect(p.some((line) => line.startsWith(`${path}:`))).toBe(true);
  });

  it("refuses a file that still sets questionnaireBase: the canonical base is fixed, not a setting", () => {
    expect(problems({ appLaunchUrl: APP, questionnaireBase: "https://hospital.example.jp/fhir" })).toEqual([
      "(file): questionnaireBase is no longer a setting: the app's Questionnaires have one fixed canonical base (https://w3id.org/spine-met-qol/fhir) so that answers from every hospital can be pooled; remove the key",
    ]);
    const both = problems({ appLaunchUrl: APP, questionnaireBase: "x", allowUnauthenticatd: true });
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(
      /^\(file\): questionnaireBase is no longer a setting.*; Unrecognized keys: "questionnaireBase", "allowUnauthenticatd"$/,
    );
  });

  it("refuses an issuer listed twice", () => {
    const c = { iss: "https://ehr.example.org", jwksUrl: "https://ehr.example.org/jwks" };
    expect(problems({ appLaunchUrl: APP, trustedClients: [c, c] })).toEqual([
      "trustedClients: issuer https://ehr.example.org is listed twice",
    ]);
  });

  it("reads CDS_CONFIG's file and applies CDS_HOST / CDS_PORT", () => {
    const dir = mkdtempSync(join(tmpdir(), "cds-config-"));
    const file = join(dir, "cds.json");
    writeFileSync(file, JSON.stringify({ appLaunchUrl: APP, port: 9000 }));
    expect(loadCdsConfig(file, {}).port).toBe(9000);
    const c = loadCdsConfig(file, { CDS_HOST: "0.0.0.0", CDS_PORT: "0" });
    expect([c.host, c.port]).toEqual(["0.0.0.0", 0]);
    expect(loadCdsConfig(file, { PORT: "8123" }).port).toBe(8123);
    expect(() => loadCdsConfig(file, { CDS_PORT: "eighty" })).toThrow(/CDS_PORT\/PORT: must be a port number/);
    writeFileSync(file, "{ not json");
    expect(() => loadCdsConfig(file, {})).toThrow(/is not valid JSON/);
    expect(() => loadCdsConfig(join(dir, "missing.json"), {})).toThrow(/cannot read .*ENOENT/);
    expect(() => loadCdsConfig(undefined, {})).toThrow(/CDS_CONFIG is not set/);
  });
});
