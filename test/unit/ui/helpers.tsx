import { afterEach } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, configure, render } from "@testing-library/react";
import type { Patient } from "fhir/r4";
import type { PatientRecord } from "../../../src/fhir";
import { App, type Session } from "../../../src/ui/App";
import { rescore } from "./fixtures/reports";
// Load the lazily imported view up front, so that its first render in a test does not wait on the transform.
import "../../../src/ui/ClinicianView";

// vitest runs without globals: Testing Library cannot register its own cleanup.
afterEach(() => cleanup());
// Two cores shared by several test runs: give async queries (lazy chunks, effects) more than the default 1 s.
configure({ asyncUtilTimeout: 5000 });

export function session(overrides: Partial<Session> = {}): Session {
  return { score: rescore, needPatientBanner: true, locale: null, userName: "Dr Sato", ...overrides };
}

/** The whole app around a session that loads at once (English unless the session or browser says otherwise). */
export function renderApp(s: Session = session(), browserLocales: string[] = ["en-GB"]) {
  const load = () => Promise.resolve({ ok: true as const, session: s });
  return render(<App load={load} browserLocales={browserLocales} />);
}

/**
 * A fixture patient (test/fixtures/patients/<name>.json) as the data access returns it, with one data-access note
 * of `severity`: the Observation search fell back to an unfiltered one (src/fhir/record.ts).
 */
export function fixtureRecord(name: string, severity: "info" | "warning"): PatientRecord {
  const bundle = JSON.parse(readFileSync(join(__dirname, `../../fixtures/patients/${name}.json`), "utf8")) as {
    entry: { resource: { resourceType: string } }[];
  };
  const resources = bundle.entry.map((e) => e.resource);
  const patient = resources.find((r) => r.resourceType === "Patient") as Patient;
  return {
    patient,
    resources: resources.filter((r) => r !== patient),
    diagnostics: [
      {
        severity,
        message: {
          code: "access.fallback-unfiltered",
          params: { search: "Observation", data: { code: "access.search.Observation" } },
        },
        code: "fallback-unfiltered",
      },
    ],
    partial: false,
    unavailable: [],
    failures: [],
  };
}
