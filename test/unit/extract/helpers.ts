import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildReport } from "../../../src/extract";
import type { ReportOptions, ScoreReport } from "../../../src/report/types";

export const FIXTURES = join(__dirname, "../../fixtures");
export const NOW = new Date("2025-01-01T00:00:00Z");

/** The entry resources of a fixture bundle (test/fixtures/patients/<name>.json). */
export function fixture(name: string): unknown[] {
  const bundle = JSON.parse(readFileSync(join(FIXTURES, "patients", `${name}.json`), "utf8")) as {
    entry?: { resource: unknown }[];
  };
  return (bundle.entry ?? []).map((e) => e.resource);
}

export function reportOf(name: string, options: Partial<ReportOptions> = {}): ScoreReport {
  return buildReport(fixture(name), name, { now: NOW, ...options });
}

export function codes(r: ScoreReport): (string | undefined)[] {
  return r.diagnostics.map((d) => d.code);
}
