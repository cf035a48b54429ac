import { describe, expect, it, vi } from "vitest";
import type Client from "fhirclient/lib/Client";
import { DEFAULT_CONFIG } from "../../../launch/config";
import { FhirFaultError, type LaunchContext, type PatientRecord } from "../../../src/fhir";
import { SessionError } from "../../../src/fhir/redirect";
import { loadSession, type ScoringEngine, type SessionDeps } from "../../../src/ui/loadSession";
import { rescore } from "./fixtures/reports";

const SERVER = "https://ehr.example.org/fhir";
/** The launch's fhirclient Client: only the server it was launched against is read here. */
const client = { state: { serverUrl: SERVER } } as unknown as Client;
const CONFIG = { ...DEFAULT_CONFIG, issAllowlist: [SERVER] };
const baseContext = {
  patientId: "pt-1",
  needPatientBanner: false,
  locale: "ja-JP",
  fhirUser: "Practitioner/7",
  canWrite: true,
} as LaunchContext;

const record: PatientRecord = {
  patient: { resourceType: "Patient", id: "pt-1" },
  resources: [],
  diagnostics: [],
  partial: true,
  unavailable: ["Observation"],
  failures: [{ search: "Observation", fault: { kind: "forbidden", status: 403 } }],
};

function deps(overrides: Partial<SessionDeps> = {}): SessionDeps {
  const engine: ScoringEngine = { makeScorer: () => rescore, observationCodes: () => ["http://loinc.org|89243-0"] };
  return {
    readySession: () => Promise.resolve(client),
    launchContext: () => baseContext,
    loadConfig: () => Promise.resolve({ ok: true, config: CONFIG }),
    loadEngine: () => Promise.resolve(engine),
    loadPatientRecord: () => Promise.resolve(record),
    writeTools: () => ({ save: () => Promise.resolve() }),
    ...overrides,
  };
}

describe("loadSession", () => {
  it("hands the view the launch context, the failures per search and a scorer", async () => {
    const loadPatientRecord = vi.fn<SessionDeps["loadPatientRecord"]>().mockResolvedValue(record);
    const result = await loadSession(deps({ loadPatientRecord, userName: () => Promise.resolve("Sato, Hanako") }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.needPatientBanner).toBe(false);
    expect(result.session.locale).toBe("ja-JP");
    expect(result.session.userName).toBe("Sato, Hanako");
    expect(result.session.unavailable).toEqual([{ search: "Observation", fault: { kind: "forbidden", status: 403 } }]);
    expect(result.session.save).toBeTypeOf("function");
    expect(result.session.score({}).sins.min).toBe(5);
    expect(loadPatientRecord.mock.calls[0]?.[3]).toEqual(["http://loinc.org|89243-0"]);
  });

  it("has no user name (not the fhirUser reference) when the name cannot be read, and offers no save without write scope", async () => {
    const result = await loadSession(
      deps({
        launchContext: () => ({ ...baseContext, canWrite: false }),
        userName: () => Promise.reject(new Error("403")),
      }),
    );
    expect(result.ok && result.session.userName).toBeNull();
    expect(result.ok && result.session.save).toBeUndefined();
  });

  it("turns launch failures into their fault states", async () => {
    const noLaunch = await loadSession(
      deps({ readySession: () => Promise.reject(new SessionError({ kind: "no-launch" })) }),
    );
    expect(noLaunch).toEqual({ ok: false, fault: { kind: "no-launch" } });
    const noPatient = await loadSession(deps({ launchContext: () => ({ ...baseContext, patientId: null }) }));
    expect(noPatient).toEqual({ ok: false, fault: { kind: "no-patient" } });
  });

  it("turns FHIR faults of the record load into their fault states", async () => {
    const fault = { kind: "not-found", status: 404 } as const;
    const result = await loadSession(deps({ loadPatientRecord: () => Promise.reject(new FhirFaultError(fault)) }));
    expect(result).toEqual({ ok: false, fault });
    const odd = await loadSession(deps({ loadPatientRecord: () => Promise.reject(new TypeError("x")) }));
    expect(odd).toEqual({ ok: false, fault: { kind: "unexpected" } });
  });

  it("asks for app-config.json while the token exchange runs, not after it", async () => {
    let finishExchange: (c: Client) => void = () => undefined;
    const exchange = new Promise<Client>((resolve) => {
      finishExchange = resolve;
    });
    const loadConfig = vi.fn<SessionDeps["loadConfig"]>().mockResolvedValue({ ok: true, config: CONFIG });
    const result = loadSession(deps({ readySession: () => exchange, loadConfig }));
    await Promise.resolve();
    expect(loadConfig).toHaveBeenCalledTimes(1); // before the exchange has finished
    finishExchange(client);
    expect((await result).ok).toBe(true);
    expect(loadConfig).toHaveBeenCalledTimes(1);
  });

  it("reads nothing when app-config.json is unreadable: the built-in defaults allow no server", async () => {
    const loadPatientRecord = vi.fn<SessionDeps["loadPatientRecord"]>().mockResolvedValue(record);
    const result = await loadSession(
      deps({ loadConfig: () => Promise.resolve({ ok: false, problems: ["bad"] }), loadPatientRecord }),
    );
    expect(result).toEqual({ ok: false, fault: { kind: "server-not-allowed" } });
    expect(loadPatientRecord).not.toHaveBeenCalled();
  });

  it("checks the launch's server again on the redirect page: off the allowlist, or open where open servers are off, reads nothing", async () => {
    const loadPatientRecord = vi.fn<SessionDeps["loadPatientRecord"]>().mockResolvedValue(record);
    const elsewhere = { state: { serverUrl: "https://ehr.example.org/fhir/../other" } } as unknown as Client;
    expect(await loadSession(deps({ readySession: () => Promise.resolve(elsewhere), loadPatientRecord }))).toEqual({
      ok: false,
      fault: { kind: "server-not-allowed" },
    });
    const open = () => ({ ...baseContext, openServer: true });
    expect(await loadSession(deps({ launchContext: open, loadPatientRecord }))).toEqual({
      ok: false,
      fault: { kind: "server-not-allowed" },
    });
    expect(loadPatientRecord).not.toHaveBeenCalled();
    const loopback = { state: { serverUrl: "http://127.0.0.1:8080/open/fhir" } } as unknown as Client;
    const dev = {
      ...DEFAULT_CONFIG,
      issAllowlist: ["http://127.0.0.1:8080/open/fhir"],
      openServerLaunch: "loopback",
    } as const;
    const allowed = await loadSession(
      deps({
        readySession: () => Promise.resolve(loopback),
        launchContext: open,
        loadConfig: () => Promise.resolve({ ok: true, config: dev }),
        loadPatientRecord,
      }),
    );
    expect(allowed.ok).toBe(true);
  });
});
