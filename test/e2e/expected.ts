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

export const EXPECTED: Record<string, ExpectedView> = {
  "fig2-cervical-c3": {
    group: "cervical",
    inStudyPopulation: true,
    sins: [2, 17],
    sinsCategory: null,
    tokuhashi: [1, 9],
    prognosis: null,
  },
  "fig3-thoracic-t6": {
    group: "thoracic",
    inStudyPopulation: true,
    sins: [1, 16],
    sinsCategory: null,
    tokuhashi: [1, 9],
    prognosis: null,
  },
  "fig4-tlls-l1": {
    group: "tl-l-s",
    inStudyPopulation: true,
    sins: [3, 18],
    sinsCategory: null,
    tokuhashi: [1, 9],
    prognosis: null,
  },
  "breast-t11-t12-complete": {
    group: "tl-l-s",
    inStudyPopulation: true,
    sins: 11,
    sinsCategory: "potentially-unstable",
    tokuhashi: 13,
    prognosis: ">=12m",
  },
  "prostate-t8-partial": {
    group: "thoracic",
    inStudyPopulation: true,
    sins: [1, 16],
    sinsCategory: null,
    tokuhashi: [7, 15],
    prognosis: null,
  },
  "renal-c7-t1-ecog-conflict": {
    group: "cervical",
    inStudyPopulation: true,
    sins: [3, 18],
    sinsCategory: null,
    tokuhashi: [4, 12],
    prognosis: null,
  },
  "hcc-t9-t12-four-levels": {
    group: "tl-l-s",
    inStudyPopulation: false,
    sins: [1, 18],
    sinsCategory: null,
    tokuhashi: [2, 7],
    prognosis: "<6m",
  },
  "breast-t4-l2-noncontiguous": {
    group: "tl-l-s",
    inStudyPopulation: false,
    sins: [1, 17],
    sinsCategory: null,
    tokuhashi: [7, 13],
    prognosis: null,
  },
  "thyroid-l4-age-19": {
    group: "tl-l-s",
    inStudyPopulation: false,
    sins: [2, 17],
    sinsCategory: null,
    tokuhashi: [6, 13],
    prognosis: null,
  },
  "jp-gastric-l2-icd10": {
    group: "tl-l-s",
    inStudyPopulation: true,
    sins: [2, 17],
    sinsCategory: null,
    tokuhashi: [0, 5],
    prognosis: "<6m",
  },
  "breast-t10-long-history": {
    group: "thoracic",
    inStudyPopulation: true,
    sins: [1, 16],
    sinsCategory: null,
    tokuhashi: [6, 14],
    prognosis: null,
  },
  "rectal-level-unknown": {
    group: null,
    inStudyPopulation: null,
    sins: [0, 18],
    sinsCategory: null,
    tokuhashi: [6, 14],
    prognosis: null,
  },
};

/** "9–13" as docs/score-report.md writes a range (en dash); a total is the bare number. */
export function figure(v: number | readonly [number, number]): string {
  return typeof v === "number" ? String(v) : `${v[0]}–${v[1]}`;
}
