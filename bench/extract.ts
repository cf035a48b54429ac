/**
 * Extraction benchmark: generated Bundles of n resources (about 20 per patient, half of the Observations
 * unrelated vitals/labs, as in a real chart). Time to extract + score every patient vs JSON.parse of the same
 * Bundle text, in the same run; and the peak RSS of reading + scoring a Bundle file in a fresh process.
 *
 * Run directly (`tsx bench/extract.ts rss <file>`) it prints the child's peak RSS in bytes.
 */
import { scorePatients } from "../src/cli/pipeline";
import { loadInput } from "../src/cli/read";
import { buildReport, groupByPatient } from "../src/extract";
import { DEFAULT_VALUE_SET } from "../src/scores";

const SCT = "http://snomed.info/sct";
const LNC = "http://loinc.org";
const CM = "http://hl7.org/fhir/sid/icd-10-cm";
const LEVELS = ["36470004", "11994002", "7610001", "12989004", "87391001", "64864005", "1626008", "66794005"];
const PRIMARIES = ["C34.1", "C50.9", "C61", "C64.9", "C18.7", "C19"];
const NOW = new Date("2025-01-01T00:00:00Z");
/** How long each Bundle is extracted and scored before it is timed. */
const WARM_UP_MS = 500;

function day(i: number): string {
  return `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
}

function obs(id: string, pid: string, system: string, code: string, value: number, i: number, unit = "{score}") {
  return {
    resourceType: "Observation",
    id,
    meta: { lastUpdated: "2024-06-01T10:00:00Z" },
    status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey" }] }],
    code: { coding: [{ system, code, display: "Generated observation" }] },
    subject: { reference: `Patient/${pid}` },
    effectiveDateTime: `${day(i)}T09:30:00+09:00`,
    performer: [{ reference: "Practitioner/dr-1" }],
    valueQuantity: { value, unit, system: "http://unitsofmeasure.org", code: unit },
  };
}

function cond(id: string, pid: string, system: string, code: string, site?: string) {
  return {
    resourceType: "Condition",
    id,
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
    },
    verificationStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }],
    },
    category: [
      { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "problem-list-item" }] },
    ],
    code: { coding: [{ system, code, display: "Generated condition" }] },
    ...(site ? { bodySite: [{ coding: [{ system: SCT, code: site }] }] } : {}),
    subject: { reference: `Patient/${pid}` },
    recordedDate: "2024-04-20",
  };
}

/** A Bundle (collection) of exactly n resources. */
export function generateBundle(n: number): {
  resourceType: "Bundle";
  type: string;
  entry: { fullUrl: string; resource: unknown }[];
} {
  const entry: { fullUrl: string; resource: unknown }[] = [];
  let p = 0;
  while (entry.length < n) {
    const pid = `pt-${p}`;
    const rs: unknown[] = [
      {
        resourceType: "Patient",
        id: pid,
        birthDate: `19${40 + (p % 50)}-0${(p % 9) + 1}-15`,
        gender: p % 2 ? "male" : "female",
        name: [{ family: `Family${p}`, given: ["Given"] }],
      },
      cond(`${pid}-prim`, pid, CM, PRIMARIES[p % PRIMARIES.length] ?? "C61"),
      cond(`${pid}-met`, pid, SCT, "94222008", LEVELS[p % LEVELS.length]),
      cond(`${pid}-lung`, pid, CM, "C78.01"),
    ];
    for (let i = 0; i < 8; i++) {
      rs.push(obs(`${pid}-kps-${i}`, pid, LNC, i % 2 ? "89243-0" : "89247-1", i % 2 ? 60 : 2, i));
      rs.push(obs(`${pid}-hr-${i}`, pid, LNC, "8867-4", 72 + i, i, "/min"));
    }
    for (const r of rs) {
      if (entry.length >= n) break;
      const rr = r as { resourceType: string; id: string };
      entry.push({ fullUrl: `https://ehr.example/fhir/${rr.resourceType}/${rr.id}`, resource: r });
    }
    p++;
  }
  return { resourceType: "Bundle", type: "collection", entry };
}

function time(fn: () => void, repeat: number): number {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? 0;
}

/** Extract + score every patient of the resources. */
export function extractAndScore(resources: readonly unknown[]): number {
  let reports = 0;
  for (const [pid, list] of groupByPatient(resources)) {
    buildReport(list, pid, { now: NOW });
    reports++;
  }
  return reports;
}

export interface ExtractBench {
  n: number;
  bytes: number;
  parseMs: number;
  extractMs: number;
  ratio: number;
  usPerResource: number;
}

export function benchExtract(n: number): ExtractBench {
  const text = JSON.stringify(generateBundle(n));
  const repeat = n >= 100_000 ? 3 : n >= 10_000 ? 7 : 31;
  const parseMs = time(() => JSON.parse(text) as unknown, repeat);
  const bundle = JSON.parse(text) as { entry: { resource: unknown }[] };
  const resources = bundle.entry.map((e) => e.resource);
  // Warm-up to the steady state of a process that scores many patients (V8 optimises a function only after many
  // runs: one warm-up call left the 100-resource Bundle, the first measured, at 1.2× instead of ≈ 0.4×).
  const warmUntil = performance.now() + WARM_UP_MS;
  do extractAndScore(resources);
  while (performance.now() < warmUntil);
  const extractMs = time(() => extractAndScore(resources), repeat);
  return {
    n,
    bytes: Buffer.byteLength(text),
    parseMs,
    extractMs,
    ratio: extractMs / parseMs,
    usPerResource: (extractMs * 1000) / n,
  };
}

/**
 * Child-process mode: what `npm run score` does with a Bundle file (read, find the entries, score one patient
 * at a time, serialise each report), without writing the output; print the peak RSS in bytes.
 */
function rssMain(file: string): void {
  let bytes = 0;
  for (const report of scorePatients(loadInput(file), NOW, DEFAULT_VALUE_SET)) bytes += JSON.stringify(report).length;
  process.stdout.write(`${process.resourceUsage().maxRSS * 1024} ${bytes}\n`);
}

if (process.argv[2] === "rss" && process.argv[3]) rssMain(process.argv[3]);
