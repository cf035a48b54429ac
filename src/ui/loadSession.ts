/**
 * From the SMART redirect to a Session for the view: complete the launch, read the configuration and the
 * launch context, load the patient's record, and hand back a scorer that re-runs the report for the
 * clinician's entries. Every failure becomes an AppFault the view can show; nothing here logs (no PHI).
 */
import type { ClinicianEntries, ScoreReport } from "../report/types";
import { DEFAULT_CONFIG, type AppConfig, type ConfigResult } from "../../launch/config";
import { checkServerUrl, openServerAllowed } from "../../launch/servers";
import type { FhirClient, LaunchContext, PatientRecord } from "../fhir";
import { isFhirFaultError } from "../fhir/faults";
import { SessionError } from "../fhir/redirect";
import type { LoadResult, Session } from "./App";

/** What the report needs from the load: the record and how to score it (src/extract's scoreReport). */
type MakeScorer = (input: {
  record: PatientRecord;
  context: LaunchContext;
  config: AppConfig;
  now: Date;
}) => (entries: ClinicianEntries) => ScoreReport;

/** The extraction and scoring engine, loaded as its own chunk while the launch completes. */
export interface ScoringEngine {
  makeScorer: MakeScorer;
  /** Observation codes ("system|code") the extraction reads: the Observation search asks for these. */
  observationCodes: () => readonly string[];
}

export interface SessionDeps {
  readySession: () => Promise<FhirClient>;
  launchContext: (client: FhirClient) => LaunchContext;
  loadConfig: () => Promise<ConfigResult>;
  loadEngine: () => Promise<ScoringEngine>;
  loadPatientRecord: (
    client: FhirClient,
    config: AppConfig,
    context: LaunchContext,
    observationCodes: readonly string[],
  ) => Promise<PatientRecord>;
  /** The signed-in user's display name from fhirUser (best effort: null when it cannot be read). */
  userName?: (client: FhirClient, context: LaunchContext) => Promise<string | null>;
  /** The write side (questionnaires panel, "Save assessment"), bound to this launch; loaded on use. */
  writeTools?: (
    client: FhirClient,
    context: LaunchContext,
    config: AppConfig,
  ) => Pick<Session, "save" | "loadFormsPanel">;
  now?: () => Date;
}

/**
 * The launch page checked the server; the redirect page checks again against the configuration it reads
 * now, so a state left in the tab by another launch, or a configuration narrowed since, reads nothing.
 */
function serverStillAllowed(serverUrl: string, openServer: boolean, config: AppConfig): boolean {
  if (!checkServerUrl(serverUrl, config.issAllowlist).ok) return false;
  return !openServer || openServerAllowed(serverUrl, config.openServerLaunch);
}

export async function loadSession(deps: SessionDeps): Promise<LoadResult> {
  // Fetch the engine and app-config.json while the token exchange runs; a failure surfaces below, after the
  // launch faults.
  const engine = deps.loadEngine();
  engine.catch(() => undefined);
  const configLoad = deps.loadConfig();
  configLoad.catch(() => undefined);
  let client: FhirClient;
  try {
    client = await deps.readySession();
  } catch (error) {
    if (error instanceof SessionError) return { ok: false, fault: error.fault };
    return { ok: false, fault: { kind: "unexpected" } };
  }
  try {
    const loaded = await configLoad;
    // A broken app-config.json: the built-in defaults, which allow no FHIR server, so nothing is read.
    const config = loaded.ok ? loaded.config : DEFAULT_CONFIG;
    const context = deps.launchContext(client);
    if (!serverStillAllowed(client.state.serverUrl, context.openServer, config)) {
      return { ok: false, fault: { kind: "server-not-allowed" } };
    }
    if (!context.patientId) return { ok: false, fault: { kind: "no-patient" } };
    const { makeScorer, observationCodes } = await engine;
    const [record, userName] = await Promise.all([
      deps.loadPatientRecord(client, config, context, observationCodes()),
      deps.userName ? deps.userName(client, context).catch(() => null) : Promise.resolve(null),
    ]);
    const score = makeScorer({ record, context, config, now: deps.now?.() ?? new Date() });
    const write = deps.writeTools?.(client, context, config) ?? {};
    const session: Session = {
      score,
      needPatientBanner: context.needPatientBanner,
      locale: context.locale,
      // A name or nothing: the fhirUser reference ("Practitioner/123") is never shown as if it were one.
      userName,
      unavailable: record.failures,
      save: context.canWrite ? write.save : undefined,
      loadFormsPanel: write.loadFormsPanel,
    };
    return { ok: true, session };
  } catch (error) {
    if (isFhirFaultError(error)) return { ok: false, fault: error.fault };
    return { ok: false, fault: { kind: "unexpected" } };
  }
}
