/** Shared helpers for the CDS Hooks tests: the service on 127.0.0.1:0 over real HTTP, golden bundles as prefetch. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle, FhirResource, Patient } from "fhir/r4";
import { afterAll, beforeAll } from "vitest";
import { parseCdsConfig, type CdsConfig, type CdsConfigInput } from "../../../src/cds/config";
import { startCdsService, type RunningCdsService } from "../../../src/cds/service";
import type { CdsCard } from "../../../src/cds/types";
import { DEFAULT_PATIENTS_DIR } from "../../../sandbox/server";

export { allowLoopback } from "../sandbox/helpers";

/** The synthetic bundles are written as of this day (docs/SANDBOX.md "Dates"). */
export const ANCHOR = Date.parse("2025-06-30T12:00:00Z");
export const SERVICE_ID = "spine-met-qol";
export const APP_LAUNCH = "https://app.example.org/spine/launch.html";

export function config(extra: Partial<CdsConfigInput> = {}): CdsConfig {
  return parseCdsConfig({ appLaunchUrl: APP_LAUNCH, host: "127.0.0.1", port: 0, ...extra });
}

/** Starts a service per test file (beforeAll / afterAll) and returns a getter. */
export function serviceFixture(
  make: () => CdsConfig | Promise<CdsConfig>,
  opts: { now?: () => number; fetchImpl?: typeof fetch } = {},
): () => RunningCdsService {
  let svc: RunningCdsService | undefined;
  beforeAll(async () => {
    svc = await startCdsService({
      config: await make(),
      now: opts.now ?? (() => ANCHOR),
      ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    });
  });
  afterAll(async () => {
    await svc?.close();
  });
  return () => {
    if (!svc) throw new Error("service not started");
    return svc;
  };
}

export interface Golden {
  file: string;
  id: string;
  patient: Patient;
  resources: FhirResource[];
}

export function goldenPatients(): Golden[] {
  return readdirSync(DEFAULT_PATIENTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const bundle = JSON.parse(readFileSync(join(DEFAULT_PATIENTS_DIR, file), "utf8")) as Bundle;
      const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is FhirResource => r !== undefined);
      const patient = resources.find((r): r is Patient => r.resourceType === "Patient");
      if (!patient?.id) throw new Error(`${file}: no Patient`);
      return { file, id: patient.id, patient, resources };
    });
}

export function golden(id: string): Golden {
  const g = goldenPatients().find((p) => p.id === id);
  if (!g) throw new Error(`no golden patient ${id}`);
  return g;
}

export function searchset(resources: readonly FhirResource[], type: string): Bundle {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.filter((r) => r.resourceType === type).length,
    entry: resources
      .filter((r) => r.resourceType === type)
      .map((resource) => ({ resource, search: { mode: "match" } })),
  };
}

/** The full prefetch for a golden patient, as an EHR would send it. */
export function prefetchOf(g: Golden): Record<string, unknown> {
  return {
    patient: g.patient,
    conditions: searchset(g.resources, "Condition"),
    observations: searchset(g.resources, "Observation"),
    procedures: searchset(g.resources, "Procedure"),
    questionnaireResponses: searchset(g.resources, "QuestionnaireResponse"),
  };
}

/**
 * The golden patient's prefetch with two unreadable Observations added: a KPS whose value is a string
 * (Observation/bad-kps) and an entry that is not a resource.
 */
export function prefetchWithMalformedObservations(g: Golden): Record<string, unknown> {
  const bad = {
    resourceType: "Observation",
    id: "bad-kps",
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "89243-0" }] },
    subject: { reference: `Patient/${g.id}` },
    valueQuantity: "sixty",
  };
  const observations = searchset(g.resources, "Observation");
  observations.entry = [...(observations.entry ?? []), { resource: bad }, "not a resource" as never];
  return { ...prefetchOf(g), observations };
}

export function hookBody(
  patientId: string,
  prefetch: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    hook: "patient-view",
    hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    context: { userId: "Practitioner/example", patientId },
    ...(prefetch ? { prefetch } : {}),
    ...extra,
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** The cards of a reply, read as the service's own card type (the tests check what the wire carries). */
export function cardsOf(r: Reply): CdsCard[] {
  return (r.body.cards ?? []) as CdsCard[];
}
