/**
 * What the clinician view must show for each sandbox patient, computed by hand from docs/clinical-rules.md
 * (docs/SANDBOX.md, "Expected results", gives the item-by-item reasoning). Ranges are [min, max]; a number is a
 * total (every item known).
 */
export interface ExpectedView {
  group: "cervical" | "thoracic" | "tl-l-s" | null;
  inStudyPopulation: boolean | null;
  sins: number | readonly [number, number];
  sinsCategory: "stable" | "potentially-unstable" | "unstable" | null;
  tokuhashi: number | readonly [number, number];
  prognosis: "<6m" | ">=6m" | ">=12m" | null;
}

type Range = ExpectedView["sins"];
type Row = [
  patient: string,
  group: ExpectedView["group"],
  inStudyPopulation: boolean | null,
  sins: Range,
  sinsCategory: ExpectedView["sinsCategory"],
  tokuhashi: Range,
  prognosis: ExpectedView["prognosis"],
];

// prettier-ignore
const ROWS: readonly Row[] = [
  // patient                      segment group  in study  SINS     SINS class              Tokuhashi  prognosis
  ["fig2-cervical-c3",            "cervical",    true,     [2, 17], null,                   [1, 9],    null],
  ["fig3-thoracic-t6",            "thoracic",    true,     [1, 16], null,                   [1, 9],    null],
  ["fig4-tlls-l1",                "tl-l-s",      true,     [3, 18], null,                   [1, 9],    null],
  ["breast-t11-t12-complete",     "tl-l-s",      true,     11,      "potentially-unstable", 13,        ">=12m"],
  ["prostate-t8-partial",         "thoracic",    true,     [1, 16], null,                   [7, 15],   null],
  ["renal-c7-t1-ecog-conflict",   "cervical",    true,     [3, 18], null,                   [4, 12],   null],
  ["hcc-t9-t12-four-levels",      "tl-l-s",      false,    [1, 18], null,                   [2, 7],    "<6m"],
  ["breast-t4-l2-noncontiguous",  "tl-l-s",      false,    [1, 17], null,                   [7, 13],   null],
  ["thyroid-l4-age-19",           "tl-l-s",      false,    [2, 17], null,                   [6, 13],   null],
  ["jp-gastric-l2-icd10",         "tl-l-s",      true,     [2, 17], null,                   [0, 5],    "<6m"],
  ["breast-t10-long-history",     "thoracic",    true,     [1, 16], null,                   [6, 14],   null],
  ["rectal-level-unknown",        null,          null,     [0, 18], null,                   [6, 14],   null],
];

/** The rows above by patient id, in the EHR page's order. */
export const EXPECTED: Record<string, ExpectedView> = Object.fromEntries(
  ROWS.map(([patient, group, inStudyPopulation, sins, sinsCategory, tokuhashi, prognosis]) => [
    patient,
    { group, inStudyPopulation, sins, sinsCategory, tokuhashi, prognosis },
  ]),
);

/** "9–13" as docs/score-report.md writes a range (en dash); a total is the bare number. */
export function figure(v: number | readonly [number, number]): string {
  return typeof v === "number" ? String(v) : `${v[0]}–${v[1]}`;
}
