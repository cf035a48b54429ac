/**
 * One patient with a very long history, for the CLI's memory budget (issue 11 item 16): a Bundle file with the
 * Patient, a primary cancer, a spinal metastasis and `n` Observations (KPS, ECOG, pain NRS, Barthel in turn).
 * Half of them are on one latest day with one value per concept (ties: the same value many times), the other
 * half spread over the year before with changing values. Written to disk in pieces, never held whole.
 *
 *   tsx bench/one-patient.ts <file> <n>      writes the file and prints its size in bytes
 */
import { closeSync, openSync, writeSync } from "node:fs";

const LNC = "http://loinc.org";
const CONCEPTS = [
  { code: "89243-0", values: [40, 50, 60, 70, 80], tie: 60 },
  { code: "89247-1", values: [1, 2, 3], tie: 2 },
  { code: "72514-3", values: [3, 5, 7, 8], tie: 7 },
  { code: "96761-2", values: [40, 55, 70, 85], tie: 55 },
] as const;
const LATEST_DAY = "2024-12-31";

function earlierDay(i: number): string {
  return `2024-${String((i % 11) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
}

function observation(i: number): string {
  const c = CONCEPTS[i % CONCEPTS.length] ?? CONCEPTS[0];
  const tied = Math.floor(i / CONCEPTS.length) % 2 === 0;
  const value = tied ? c.tie : (c.values[i % c.values.length] ?? c.tie);
  const day = tied ? LATEST_DAY : earlierDay(i);
  return JSON.stringify({
    fullUrl: `https://ehr.example/fhir/Observation/obs-${i}`,
    resource: {
      resourceType: "Observation",
      id: `obs-${i}`,
      status: "final",
      code: { coding: [{ system: LNC, code: c.code }] },
      subject: { reference: "Patient/long-1" },
      effectiveDateTime: `${day}T09:30:00+09:00`,
      valueQuantity: { value },
    },
  });
}

const HEAD = [
  {
    resourceType: "Patient",
    id: "long-1",
    birthDate: "1955-04-01",
    gender: "female",
    name: [{ family: "Long", given: ["History"] }],
  },
  {
    resourceType: "Condition",
    id: "prim-1",
    code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.9" }] },
    subject: { reference: "Patient/long-1" },
    recordedDate: "2023-02-01",
  },
  {
    resourceType: "Condition",
    id: "met-1",
    code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] },
    bodySite: [{ coding: [{ system: "http://snomed.info/sct", code: "7610001" }] }],
    subject: { reference: "Patient/long-1" },
    recordedDate: "2024-06-01",
  },
];

/** Writes the Bundle to `file`; returns its size in bytes. */
export function writeOnePatientBundle(file: string, n: number): number {
  const fd = openSync(file, "w");
  let bytes = 0;
  let buffer: string[] = [];
  let pending = 0;
  const put = (s: string): void => {
    buffer.push(s);
    pending += s.length;
    if (pending > 1 << 20) flush();
  };
  const flush = (): void => {
    const chunk = Buffer.from(buffer.join(""), "utf8");
    writeSync(fd, chunk);
    bytes += chunk.length;
    buffer = [];
    pending = 0;
  };
  try {
    put('{"resourceType":"Bundle","type":"collection","entry":[');
    HEAD.forEach((r, k) =>
      put(
        `${k > 0 ? "," : ""}${JSON.stringify({ fullUrl: `https://ehr.example/fhir/${r.resourceType}/${r.id}`, resource: r })}`,
      ),
    );
    for (let i = 0; i < n; i++) put(`,\n${observation(i)}`);
    put("]}\n");
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

if (process.argv[1]?.endsWith("one-patient.ts") && process.argv[2] && process.argv[3]) {
  process.stdout.write(`${writeOnePatientBundle(process.argv[2], Number(process.argv[3]))}\n`);
}
