/**
 * The long-history patient: six years of fortnightly vital signs and laboratory results (≥ 2 000 Observations),
 * generated deterministically from a fixed seed, then the performance statuses of the months since the spinal
 * metastasis. Made to exercise paging and the "latest value wins" rules on a realistic record size; the
 * in-memory engine's search is a linear scan, so the record is large but not huge.
 */
import type { Bundle, Observation } from "fhir/r4";
import { LOINC, PatientBuilder, UCUM } from "./builders";
import { BREAST_CODES } from "./codes";
import { prng } from "./prng";

export const LONG_HISTORY_ID = "breast-t10-long-history";

interface Measure {
  key: string;
  code: string;
  display: string;
  unit: string;
  ucum: string;
  category: "vital-signs" | "laboratory";
  /** Value at visit i of n, given a uniform random number r in [0, 1). */
  value: (i: number, n: number, r: number) => number;
  decimals: number;
}

const MEASURES: Measure[] = [
  {
    key: "wt",
    code: "29463-7",
    display: "Body weight",
    unit: "kg",
    ucum: "kg",
    category: "vital-signs",
    value: (i, n, r) => 63 - (4 * i) / n + (r - 0.5) * 1.6,
    decimals: 1,
  },
  {
    key: "hr",
    code: "8867-4",
    display: "Heart rate",
    unit: "/min",
    ucum: "/min",
    category: "vital-signs",
    value: (_i, _n, r) => 64 + r * 28,
    decimals: 0,
  },
  {
    key: "temp",
    code: "8310-5",
    display: "Body temperature",
    unit: "Cel",
    ucum: "Cel",
    category: "vital-signs",
    value: (_i, _n, r) => 36.1 + r * 1.0,
    decimals: 1,
  },
  {
    key: "rr",
    code: "9279-1",
    display: "Respiratory rate",
    unit: "/min",
    ucum: "/min",
    category: "vital-signs",
    value: (_i, _n, r) => 12 + r * 8,
    decimals: 0,
  },
  {
    key: "spo2",
    code: "59408-5",
    display: "Oxygen saturation in Arterial blood by Pulse oximetry",
    unit: "%",
    ucum: "%",
    category: "vital-signs",
    value: (_i, _n, r) => 94 + r * 5,
    decimals: 0,
  },
  {
    key: "hb",
    code: "718-7",
    display: "Hemoglobin [Mass/volume] in Blood",
    unit: "g/dL",
    ucum: "g/dL",
    category: "laboratory",
    value: (i, n, r) => 13.2 - (2 * i) / n + (r - 0.5) * 1.2,
    decimals: 1,
  },
  {
    key: "wbc",
    code: "6690-2",
    display: "Leukocytes [#/volume] in Blood by Automated count",
    unit: "10*3/uL",
    ucum: "10*3/uL",
    category: "laboratory",
    value: (_i, _n, r) => 3.5 + r * 5.5,
    decimals: 1,
  },
  {
    key: "plt",
    code: "777-3",
    display: "Platelets [#/volume] in Blood by Automated count",
    unit: "10*3/uL",
    ucum: "10*3/uL",
    category: "laboratory",
    value: (_i, _n, r) => 150 + r * 200,
    decimals: 0,
  },
  {
    key: "cre",
    code: "2160-0",
    display: "Creatinine [Mass/volume] in Serum or Plasma",
    unit: "mg/dL",
    ucum: "mg/dL",
    category: "laboratory",
    value: (_i, _n, r) => 0.55 + r * 0.45,
    decimals: 2,
  },
  {
    key: "alp",
    code: "6768-6",
    display: "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma",
    unit: "U/L",
    ucum: "U/L",
    category: "laboratory",
    value: (i, n, r) => 70 + r * 40 + (i > n - 8 ? 140 : 0),
    decimals: 0,
  },
  {
    key: "ca",
    code: "17861-6",
    display: "Calcium [Mass/volume] in Serum or Plasma",
    unit: "mg/dL",
    ucum: "mg/dL",
    category: "laboratory",
    value: (_i, _n, r) => 8.7 + r * 1.6,
    decimals: 1,
  },
  {
    key: "alb",
    code: "1751-7",
    display: "Albumin [Mass/volume] in Serum or Plasma",
    unit: "g/dL",
    ucum: "g/dL",
    category: "laboratory",
    value: (i, n, r) => 4.4 - (0.9 * i) / n + (r - 0.5) * 0.4,
    decimals: 1,
  },
];

const CATEGORY = {
  "vital-signs": {
    system: "http://terminology.hl7.org/CodeSystem/observation-category",
    code: "vital-signs",
    display: "Vital Signs",
  },
  laboratory: {
    system: "http://terminology.hl7.org/CodeSystem/observation-category",
    code: "laboratory",
    display: "Laboratory",
  },
};

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

export function buildLongHistoryPatient(): Bundle {
  const b = new PatientBuilder(LONG_HISTORY_ID);
  b.person({ mrn: "SB-0011", family: "Fischer", given: "Linda", gender: "female", birthDate: "1959-01-28" });
  const primary = b.primaryCancer({
    codes: BREAST_CODES,
    text: "Breast cancer, left (hormone receptor positive)",
    onset: "2019-06-18",
  });
  b.spinalMetastasis({ levels: ["T10"], onset: "2025-05-08", primary });

  const random = prng(20250630);
  const start = Date.UTC(2019, 6, 1); // 2019-07-01
  const end = Date.UTC(2025, 5, 23); // 2025-06-23
  const visits: number[] = [];
  for (let t = start; t <= end; t += 14 * DAY) visits.push(t);
  visits.forEach((t, i) => {
    const date = `${iso(t)}T09:30:00+09:00`;
    for (const m of MEASURES) {
      b.add<Observation>(
        {
          resourceType: "Observation",
          status: "final",
          category: [{ coding: [CATEGORY[m.category]] }],
          code: { coding: [{ system: LOINC, code: m.code, display: m.display }] },
          subject: b.subject,
          effectiveDateTime: date,
          valueQuantity: {
            value: round(m.value(i, visits.length, random()), m.decimals),
            unit: m.unit,
            system: UCUM,
            code: m.ucum,
          },
        },
        `v${String(i + 1).padStart(3, "0")}-${m.key}`,
      );
    }
    const sys = Math.round(112 + random() * 30);
    const dia = Math.round(64 + random() * 20);
    b.add<Observation>(
      {
        resourceType: "Observation",
        status: "final",
        category: [{ coding: [CATEGORY["vital-signs"]] }],
        code: {
          coding: [{ system: LOINC, code: "85354-9", display: "Blood pressure panel with all children optional" }],
          text: "Blood pressure",
        },
        subject: b.subject,
        effectiveDateTime: date,
        component: [
          {
            code: { coding: [{ system: LOINC, code: "8480-6", display: "Systolic blood pressure" }] },
            valueQuantity: { value: sys, unit: "mm[Hg]", system: UCUM, code: "mm[Hg]" },
          },
          {
            code: { coding: [{ system: LOINC, code: "8462-4", display: "Diastolic blood pressure" }] },
            valueQuantity: { value: dia, unit: "mm[Hg]", system: UCUM, code: "mm[Hg]" },
          },
        ],
      },
      `v${String(i + 1).padStart(3, "0")}-bp`,
    );
  });

  // Performance status, monthly since the diagnosis of bone metastasis was suspected; the latest KPS is 60.
  const ps: [date: string, kps: number, ecog: number][] = [
    ["2024-10-21", 90, 0],
    ["2024-11-18", 90, 1],
    ["2024-12-16", 80, 1],
    ["2025-01-20", 80, 1],
    ["2025-02-17", 80, 1],
    ["2025-03-17", 70, 1],
    ["2025-04-21", 70, 2],
    ["2025-05-19", 60, 2],
    ["2025-06-20", 60, 2],
  ];
  for (const [date, kps, ecog] of ps) {
    b.kps({ value: kps, date });
    b.ecog({ value: ecog, date });
  }
  // Same day as the latest KPS, a different value entered on the wrong patient chart and withdrawn: ignored.
  b.kps({
    suffix: "kps-2025-06-20-error",
    value: 90,
    date: "2025-06-20",
    status: "entered-in-error",
    note: "Entered on the wrong chart",
  });
  b.clinicVisit({ date: "2025-06-20", reason: "Oncology follow-up" });
  return b.bundle();
}
